import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
  UpdateDateColumn,
} from 'typeorm';
import type { Clearance, Role } from '@vigil/domain';
import { Organisation } from './organisation.entity.js';

/** A person who signs in. E-mail is stored lower-cased. */
@Entity('users')
export class User {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('text')
  email!: string;

  @Column('text')
  displayName!: string;

  @Column('text', { select: false })
  passwordHash!: string;

  @Column('text', { array: true })
  roles!: Role[];

  @Column('uuid')
  organisationId!: string;

  @ManyToOne(() => Organisation, { nullable: false })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: Relation<Organisation>;

  @Column('text')
  clearance!: Clearance;

  @Column('boolean', { default: true })
  active!: boolean;

  @Column('timestamptz', { nullable: true })
  lockedUntil!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
