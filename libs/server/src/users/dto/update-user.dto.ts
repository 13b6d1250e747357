import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsBoolean,
  IsIn,
  IsString,
  IsUUID,
  Length,
  ValidateIf,
} from 'class-validator';
import { CLASSIFICATIONS, ROLES, type Clearance, type Role } from '@vigil/domain';
import { tidyName } from './create-user.dto.js';

// Absent means unchanged; null is not a value of any of these fields, so it is validated (and
// refused) rather than skipped as @IsOptional() would (a null password reached argon2: 500).
const given = (_: object, value: unknown) => value !== undefined;

/** Changes to a user; only the fields sent are changed. */
export class UpdateUserDto {
  @ApiPropertyOptional()
  @ValidateIf(given)
  @Transform(tidyName)
  @IsString()
  @Length(1, 120)
  displayName?: string;

  @ApiPropertyOptional({ enum: ROLES, isArray: true })
  @ValidateIf(given)
  @ArrayMinSize(1, { message: 'roles needs at least one role' })
  @ArrayMaxSize(ROLES.length)
  @ArrayUnique()
  @IsIn(ROLES, { each: true, message: `each role must be one of ${ROLES.join(', ')}` })
  roles?: Role[];

  @ApiPropertyOptional({ enum: CLASSIFICATIONS })
  @ValidateIf(given)
  @IsIn(CLASSIFICATIONS, { message: `clearance must be one of ${CLASSIFICATIONS.join(', ')}` })
  clearance?: Clearance;

  @ApiPropertyOptional({ format: 'uuid' })
  @ValidateIf(given)
  @IsUUID('all', { message: 'organisationId must be a UUID' })
  organisationId?: string;

  /** false deactivates the account and signs it out everywhere at once. */
  @ApiPropertyOptional()
  @ValidateIf(given)
  @IsBoolean()
  active?: boolean;

  /** A new password (hard to guess, as on creation); signs the user out everywhere. */
  @ApiPropertyOptional({ minLength: 12, maxLength: 256 })
  @ValidateIf(given)
  @IsString()
  @Length(12, 256, { message: 'password must be 12 to 256 characters' })
  password?: string;

  /** true lifts a sign-in lock (many failures from many addresses) before it runs out. */
  @ApiPropertyOptional({ description: 'true lifts a sign-in lock before it runs out' })
  @ValidateIf(given)
  @IsBoolean()
  unlock?: boolean;
}
