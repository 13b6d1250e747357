import { ApiProperty } from '@nestjs/swagger';
import {
  CLASSIFICATIONS,
  ORGANISATION_KINDS,
  ROLES,
  type Clearance,
  type OrganisationKind,
  type Role,
} from '@vigil/domain';

/** An organisation as embedded in other answers. */
export class OrganisationSummary {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() acronym!: string;
  @ApiProperty({ enum: ORGANISATION_KINDS }) kind!: OrganisationKind;
}

/** A user as the API presents them (never the password hash). */
export class UserResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'email' }) email!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ enum: ROLES, isArray: true }) roles!: Role[];
  @ApiProperty({ enum: CLASSIFICATIONS }) clearance!: Clearance;
  @ApiProperty({ format: 'uuid' }) organisationId!: string;
  @ApiProperty({ type: OrganisationSummary }) organisation!: OrganisationSummary;
  @ApiProperty() active!: boolean;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'Set while sign-in is locked',
  })
  lockedUntil!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

/** A page of users. */
export class UserPageResponse {
  @ApiProperty({ type: [UserResponse] }) items!: UserResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}
