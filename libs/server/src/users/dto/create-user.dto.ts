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

/** A new user, created by an administrator. */
export class CreateUserDto {
  @ApiProperty({ example: 'new.analyst@vigil.test' })
  @Transform(trim)
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(254)
  email!: string;

  @ApiProperty({ example: 'Amina Diallo' })
  @Transform(trim)
  @IsString()
  @Length(1, 120)
  displayName!: string;

  /** Initial password; at least 12 characters. */
  @ApiProperty({ minLength: 12, maxLength: 256 })
  @IsString()
  @Length(12, 256, { message: 'password must be 12 to 256 characters' })
  password!: string;

  @ApiProperty({ enum: ROLES, isArray: true, example: ['analyst'] })
  @ArrayMinSize(1, { message: 'roles needs at least one role' })
  @ArrayMaxSize(ROLES.length)
  @ArrayUnique()
  @IsIn(ROLES, { each: true, message: `each role must be one of ${ROLES.join(', ')}` })
  roles!: Role[];

  @ApiProperty({ enum: CLASSIFICATIONS })
  @IsIn(CLASSIFICATIONS, { message: `clearance must be one of ${CLASSIFICATIONS.join(', ')}` })
  clearance!: Clearance;

  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'organisationId must be a UUID' })
  organisationId!: string;
}
