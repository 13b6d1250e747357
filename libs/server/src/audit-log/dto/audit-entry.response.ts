import { ApiProperty } from '@nestjs/swagger';
import type { JsonValue } from '@vigil/domain';

/**
 * One audit entry as its reader may see it: who, when, which action on which kind of record and
 * its id, the request and the hashes always; the values of what changed only to someone who may
 * read that record now (docs/architecture.md §5: an administrator reads no case content).
 */
export class AuditEntryResponse {
  @ApiProperty() seq!: number;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) actorId!: string | null;
  @ApiProperty({ type: String, nullable: true }) actorEmail!: string | null;
  @ApiProperty({ example: 'user.update' }) action!: string;
  @ApiProperty({ example: 'user' }) entity!: string;
  @ApiProperty({ type: String, nullable: true }) entityId!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) caseId!: string | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'What changed, without the fields listed in withheldFields',
  })
  diff!: Record<string, JsonValue>;
  @ApiProperty({
    type: [String],
    description: 'Fields that changed whose values you may not read (they are not in diff)',
  })
  withheldFields!: string[];
  @ApiProperty({
    description:
      'True when you may not read the record this entry is about: every value is withheld',
  })
  contentWithheld!: boolean;
  @ApiProperty({ type: String, nullable: true }) requestId!: string | null;
  @ApiProperty() prevHash!: string;
  @ApiProperty() hash!: string;
}

/** A page of audit entries. */
export class AuditPageResponse {
  @ApiProperty({ type: [AuditEntryResponse] }) items!: AuditEntryResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}
