import { ApiProperty, ApiPropertyOptional, IntersectionType, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsISO8601, IsOptional, IsString, IsUUID, Length, MaxLength } from 'class-validator';
import {
  ACTION_TYPES,
  ADDRESSEE_KINDS,
  RECOMMENDATION_STATUSES,
  type ActionType,
  type AddresseeKind,
  type RecommendationStatus,
} from '@vigil/domain';
import { PageQueryDto } from '../../common/pagination.js';
import { VersionedDto } from '../../common/versioned.dto.js';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const DATE = { strict: true, strictSeparator: true };
const KIND_MESSAGE = `addresseeKind must be one of ${ADDRESSEE_KINDS.join(', ')}`;
const ACTION_MESSAGE = `actionType must be one of ${ACTION_TYPES.join(', ')}`;
const DUE_MESSAGE = 'dueDate must be a date written YYYY-MM-DD';

/** A new recommendation on a case (a draft until an adviser approves it). */
export class CreateRecommendationDto {
  @ApiProperty({ enum: ADDRESSEE_KINDS })
  @IsIn(ADDRESSEE_KINDS, { message: KIND_MESSAGE })
  addresseeKind!: AddresseeKind;

  /** The organisation addressed, when it is one in the directory (a Member State, a UN entity...). */
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String })
  @IsOptional()
  @IsUUID('all', { message: 'addresseeOrganisationId must be a UUID' })
  addresseeOrganisationId?: string | null;

  /** How the addressee is named in the text, e.g. "the Secretary-General" or "Government of X". */
  @ApiProperty({ minLength: 1, maxLength: 200 })
  @Transform(trim)
  @IsString()
  @Length(1, 200, { message: 'addresseeName must be 1 to 200 characters' })
  addresseeName!: string;

  @ApiProperty({ enum: ACTION_TYPES })
  @IsIn(ACTION_TYPES, { message: ACTION_MESSAGE })
  actionType!: ActionType;

  @ApiProperty({ minLength: 1, maxLength: 5000 })
  @Transform(trim)
  @IsString()
  @Length(1, 5000, { message: 'text must be 1 to 5000 characters' })
  text!: string;

  @ApiPropertyOptional({ format: 'date', example: '2026-12-31', nullable: true, type: String })
  @IsOptional()
  @IsISO8601(DATE, { message: DUE_MESSAGE })
  @Length(10, 10, { message: DUE_MESSAGE })
  dueDate?: string | null;

  /** The document of the same case that carries this recommendation. */
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String })
  @IsOptional()
  @IsUUID('all', { message: 'documentId must be a UUID' })
  documentId?: string | null;
}

/**
 * Changes to a draft recommendation; `version` must be the version last read. A required field
 * sent as `null` is refused; `dueDate` and `documentId` take `null` to clear or unlink.
 */
export class UpdateRecommendationDto extends IntersectionType(
  VersionedDto,
  PartialType(CreateRecommendationDto, { skipNullProperties: false }),
) {}

/** An adviser's note with a status change. */
export class RecommendationStatusDto {
  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(2000, { message: 'note must be at most 2000 characters' })
  note?: string;
}

/** Filters of a case's recommendations. */
export class ListRecommendationsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: RECOMMENDATION_STATUSES })
  @IsOptional()
  @IsIn(RECOMMENDATION_STATUSES, {
    message: `status must be one of ${RECOMMENDATION_STATUSES.join(', ')}`,
  })
  status?: RecommendationStatus;
}
