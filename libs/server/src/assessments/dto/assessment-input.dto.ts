import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  CONFIDENCES,
  CRIME_TYPES,
  RISK_LEVELS,
  type CrimeType,
  type RiskLevel,
} from '@vigil/domain';
import { ASSESSMENT_FLAGS, PERIOD_PATTERN, type AssessmentFlag } from '../assessment-terms.js';

const FLAG_MESSAGE = `each flag must be one of ${ASSESSMENT_FLAGS.join(', ')}`;
const LEVEL_MESSAGE = `overallLevel must be one of ${RISK_LEVELS.join(', ')}`;
const CRIME_MESSAGE = `each crime type must be one of ${CRIME_TYPES.join(', ')}`;

/**
 * One factor's rating. Factor, rating and confidence are only type-checked here: the Framework's
 * rules (known and applicable factor, 0–4, low/medium/high) answer in its own words from the domain.
 */
export class RatingInputDto {
  /** Risk factor number, 1–14. */
  @ApiProperty({ minimum: 1, maximum: 14, example: 7 })
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'factor must be a number' })
  factor!: number;

  /** 0 absent, 1 low, 2 moderate, 3 high, 4 severe. */
  @ApiProperty({ minimum: 0, maximum: 4, description: '0 absent … 4 severe' })
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'rating must be a number' })
  rating!: number;

  @ApiProperty({ enum: CONFIDENCES })
  @IsString({ message: `confidence must be one of ${CONFIDENCES.join(', ')}` })
  confidence!: string;

  @ApiPropertyOptional({ maxLength: 10000 })
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  rationale?: string;

  /** Information items the rating rests on (each must be one you may read). */
  @ApiPropertyOptional({ type: [String], format: 'uuid' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsUUID('all', { each: true, message: 'each evidence item id must be a UUID' })
  evidenceItemIds?: string[];

  /** Indicators of this factor the rating rests on, e.g. `7.14`. */
  @ApiPropertyOptional({ type: [String], example: ['7.14'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @ArrayUnique()
  @IsString({ each: true })
  @MaxLength(10, { each: true })
  indicatorIds?: string[];
}

/** A new draft risk assessment of a case for one month. */
export class CreateAssessmentDto {
  @ApiPropertyOptional({ example: '2026-05', description: 'YYYY-MM; defaults to this month' })
  @IsOptional()
  @IsString()
  @Matches(PERIOD_PATTERN, { message: 'period must be a month as YYYY-MM, e.g. 2026-05' })
  period?: string;

  /** The crimes assessed; they decide which factors apply (none: all 14). */
  @ApiPropertyOptional({ enum: CRIME_TYPES, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(CRIME_TYPES, { each: true, message: CRIME_MESSAGE })
  crimeTypes?: CrimeType[];

  @ApiProperty({ type: [RatingInputDto], description: 'A draft may leave factors unrated' })
  @IsArray()
  @ArrayMaxSize(14)
  @ValidateNested({ each: true })
  @Type(() => RatingInputDto)
  ratings!: RatingInputDto[];

  /** The level the analyst judges, shown beside the computed one. */
  @ApiPropertyOptional({ enum: RISK_LEVELS })
  @IsOptional()
  @IsIn(RISK_LEVELS, { message: LEVEL_MESSAGE })
  overallLevel?: RiskLevel;

  @ApiPropertyOptional({ enum: ASSESSMENT_FLAGS, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(ASSESSMENT_FLAGS, { each: true, message: FLAG_MESSAGE })
  flags?: AssessmentFlag[];

  @ApiPropertyOptional({ maxLength: 20000 })
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  summary?: string;
}

/** Changes to a draft; what is given replaces what was there (ratings as a whole). */
export class UpdateAssessmentDto {
  @ApiProperty({ description: 'The version you last read; a newer one on the server answers 409' })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  version!: number;

  @ApiPropertyOptional({ enum: CRIME_TYPES, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(CRIME_TYPES, { each: true, message: CRIME_MESSAGE })
  crimeTypes?: CrimeType[];

  @ApiPropertyOptional({ type: [RatingInputDto], description: 'Replaces every rating' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(14)
  @ValidateNested({ each: true })
  @Type(() => RatingInputDto)
  ratings?: RatingInputDto[];

  /** null clears the level. */
  @ApiPropertyOptional({ enum: RISK_LEVELS, nullable: true })
  @IsOptional()
  @IsIn(RISK_LEVELS, { message: LEVEL_MESSAGE })
  overallLevel?: RiskLevel | null;

  @ApiPropertyOptional({ enum: ASSESSMENT_FLAGS, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(ASSESSMENT_FLAGS, { each: true, message: FLAG_MESSAGE })
  flags?: AssessmentFlag[];

  @ApiPropertyOptional({ maxLength: 20000 })
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  summary?: string;
}

/**
 * Optional guard on finalising, in the query because the route takes no body: the version the
 * adviser reviewed.
 */
export class FinaliseAssessmentQueryDto {
  @ApiPropertyOptional({
    description: 'The version you reviewed; if the draft changed since, 409 with currentVersion',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  version?: number;
}
