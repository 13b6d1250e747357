import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsEmail,
  IsIn,
  IsString,
  IsUUID,
  Length,
  MaxLength,
} from 'class-validator';
import { CLASSIFICATIONS, ROLES, type Clearance, type Role } from '@vigil/domain';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** A display name trimmed with its inner runs of spaces made one (names are compared that way). */
export const tidyName = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim().replace(/\s+/g, ' ') : value;

/** A new user, created by an administrator. */
export class CreateUserDto {
  @ApiProperty({ example: 'new.analyst@vigil.test' })
  @Transform(trim)
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(254)
  email!: string;

  /** Unique in its organisation, whatever the case. */
  @ApiProperty({
    example: 'Amina Diallo',
    description: 'Unique in the organisation, whatever the case',
  })
  @Transform(tidyName)
  @IsString()
  @Length(1, 120)
  displayName!: string;

  /** Initial password; at least 12 characters and hard to guess (zxcvbn score 3 or more). */
  @ApiProperty({
    minLength: 12,
    maxLength: 256,
    description:
      'At least 12 characters and hard to guess: scored by zxcvbn (3 of 4 at least), with the e-mail and name as known words',
  })
  @IsString()
  @Length(12, 256, { message: 'password must be 12 to 256 characters' })
  password!: string;

  /** adviser and admin are granted only once another administrator confirms. */
  @ApiProperty({ enum: ROLES, isArray: true, example: ['analyst'] })
  @ArrayMinSize(1, { message: 'roles needs at least one role' })
  @ArrayMaxSize(ROLES.length)
  @ArrayUnique()
  @IsIn(ROLES, { each: true, message: `each role must be one of ${ROLES.join(', ')}` })
  roles!: Role[];

  /** Above unclassified, granted only once another administrator confirms. */
  @ApiProperty({ enum: CLASSIFICATIONS })
  @IsIn(CLASSIFICATIONS, { message: `clearance must be one of ${CLASSIFICATIONS.join(', ')}` })
  clearance!: Clearance;

  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'organisationId must be a UUID' })
  organisationId!: string;
}
