import { ApiProperty, ApiPropertyOptional, IntersectionType, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  MaxLength,
  ValidateIf,
} from 'class-validator';
import { ENGAGEMENT_KINDS, type EngagementKind } from '@vigil/domain';
import { VersionedDto } from '../../common/versioned.dto.js';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const DATE = { strict: true, strictSeparator: true };
const KIND_MESSAGE = `kind must be one of ${ENGAGEMENT_KINDS.join(', ')}`;
const DATE_MESSAGE = (field: string) => `${field} must be a date written YYYY-MM-DD`;
/** Given (null included): validated. Absent: left as it is. */
const given = (_: object, value: unknown) => value !== undefined;

/** A new engagement with a partner on a case (mobilisation record). */
export class CreateEngagementDto {
  /** The partner engaged (an organisation in the directory). */
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'organisationId must be a UUID' })
  organisationId!: string;

  @ApiProperty({ enum: ENGAGEMENT_KINDS })
  @IsIn(ENGAGEMENT_KINDS, { message: KIND_MESSAGE })
  kind!: EngagementKind;

  /** The day it took place. */
  @ApiProperty({ format: 'date', example: '2026-10-30' })
  @IsISO8601(DATE, { message: DATE_MESSAGE('date') })
  @Length(10, 10, { message: DATE_MESSAGE('date') })
  date!: string;

  @ApiProperty({ minLength: 1, maxLength: 5000 })
  @Transform(trim)
  @IsString()
  @Length(1, 5000, { message: 'summary must be 1 to 5000 characters' })
  summary!: string;

  /** What the partner said or did. */
  @ApiPropertyOptional({ maxLength: 5000, nullable: true, type: String })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(5000, { message: 'outcome must be at most 5000 characters' })
  outcome?: string | null;

  /** When the Office must follow up; flagged on the case and notified once overdue. */
  @ApiPropertyOptional({ format: 'date', nullable: true, type: String })
  @IsOptional()
  @IsISO8601(DATE, { message: DATE_MESSAGE('followUpDue') })
  @Length(10, 10, { message: DATE_MESSAGE('followUpDue') })
  followUpDue?: string | null;
}

/**
 * Changes to an engagement; `version` must be the version last read. A required field sent as
 * `null` is refused; `outcome` and `followUpDue` take `null` to clear.
 */
export class UpdateEngagementDto extends IntersectionType(
  VersionedDto,
  PartialType(CreateEngagementDto, { skipNullProperties: false }),
) {
  /** true: the follow-up was done (now); false: it is open again. */
  @ApiPropertyOptional()
  @ValidateIf(given)
  @IsBoolean({ message: 'followUpDone must be true or false' })
  followUpDone?: boolean;
}
