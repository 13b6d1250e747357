import { ApiProperty } from '@nestjs/swagger';
import { CLASSIFICATIONS, PRIVILEGED_ROLES, type Clearance, type Role } from '@vigil/domain';
import { UserResponse } from './user.response.js';

/** A person named in an account change: the e-mail tells two people of one name apart. */
export class AccountPerson {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ format: 'email' }) email!: string;
}

/** The statuses of an account change. */
export const ACCOUNT_CHANGE_STATUSES = ['pending', 'confirmed', 'rejected'] as const;
export type AccountChangeStatus = (typeof ACCOUNT_CHANGE_STATUSES)[number];

/**
 * A grant one administrator requested (the adviser or admin role, a higher clearance) that takes
 * effect only once another administrator confirms it.
 */
export class AccountChangeResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: AccountPerson, description: 'The account the change is for' })
  user!: AccountPerson;
  @ApiProperty({ type: AccountPerson }) requestedBy!: AccountPerson;
  @ApiProperty({ enum: PRIVILEGED_ROLES, isArray: true, description: 'Roles to grant' })
  addRoles!: Role[];
  @ApiProperty({
    enum: CLASSIFICATIONS,
    nullable: true,
    description: 'Clearance to grant; null leaves it as it is',
  })
  clearance!: Clearance | null;
  @ApiProperty({
    enum: CLASSIFICATIONS,
    description: 'The clearance when the change was requested',
  })
  previousClearance!: Clearance;
  @ApiProperty({ enum: ACCOUNT_CHANGE_STATUSES }) status!: AccountChangeStatus;
  @ApiProperty({ type: AccountPerson, nullable: true }) decidedBy!: AccountPerson | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) decidedAt!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ description: 'Whether the caller may confirm or reject it now' })
  canDecide!: boolean;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Why the caller may not decide it (shown beside the disabled buttons)',
  })
  cannotDecideReason!: string | null;
}

/** A page of account changes. */
export class AccountChangePageResponse {
  @ApiProperty({ type: [AccountChangeResponse] }) items!: AccountChangeResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

/** A user as created or changed, with the part of the request that waits for confirmation. */
export class UserChangeResponse extends UserResponse {
  @ApiProperty({
    type: AccountChangeResponse,
    nullable: true,
    description:
      'The grant held back for another administrator (null when everything applied at once)',
  })
  pendingChange!: AccountChangeResponse | null;
}
