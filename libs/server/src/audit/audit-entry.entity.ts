import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { JsonValue } from '@vigil/domain';

/**
 * One row of the append-only, hash-chained audit log (docs/architecture.md §12). Written only by
 * AuditService.
 */
@Entity('audit_log')
export class AuditEntry {
  /** Position in the chain; bigint arrives from pg as a string. */
  @PrimaryColumn('bigint')
  seq!: string;

  @Column('timestamptz')
  at!: Date;

  @Column('uuid', { nullable: true })
  actorId!: string | null;

  @Column('text')
  action!: string;

  @Column('text')
  entity!: string;

  @Column('text', { nullable: true })
  entityId!: string | null;

  @Column('uuid', { nullable: true })
  caseId!: string | null;

  @Column('jsonb')
  diff!: JsonValue;

  @Column('text', { nullable: true })
  requestId!: string | null;

  @Column('text')
  prevHash!: string;

  @Column('text')
  hash!: string;
}
