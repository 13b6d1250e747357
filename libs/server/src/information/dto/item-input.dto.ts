import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateNested,
  ValidateIf,
} from 'class-validator';
import {
  ACTOR_TYPES,
  CLASSIFICATIONS,
  CONSENTS,
  CREDIBILITY,
  CRIME_TYPES,
  EVENT_SUBTYPES,
  EVENT_TYPES,
  ITEM_KINDS,
  PRECISIONS,
  RABAT_PARTS,
  SPEECH_HALLMARKS,
  type ActorType,
  type Classification,
  type Consent,
  type CrimeType,
  type EventSubtype,
  type EventType,
  type ItemKind,
  type Precision,
  type RabatPart,
  type SpeechHallmark,
} from '@vigil/domain';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const upper = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim().toUpperCase() : value;
const oneOf = (name: string, values: readonly (string | number)[]) => ({
  message: `${name} must be one of ${values.join(', ')}`,
});
const DATE = { strict: true, strictSeparator: true };

/** Fields shared by creating and editing an information item (docs/architecture.md §8). */
export class ItemFieldsDto {
  @ApiPropertyOptional({ example: 'Militia checkpoints set up around Kigoma villages' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, 300)
  title?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(50000)
  description?: string;

  @ApiPropertyOptional({ example: 'KEN', description: 'ISO 3166-1 alpha-3 country code' })
  @IsOptional()
  @Transform(upper)
  @IsString()
  @Length(3, 3, { message: 'country must be an ISO 3166-1 alpha-3 code such as KEN' })
  country?: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  adminArea?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  placeName?: string | null;

  @ApiPropertyOptional({ type: Number, nullable: true, minimum: -90, maximum: 90 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-90)
  @Max(90)
  latitude?: number | null;

  @ApiPropertyOptional({ type: Number, nullable: true, minimum: -180, maximum: 180 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-180)
  @Max(180)
  longitude?: number | null;

  @ApiPropertyOptional({ format: 'date', example: '2026-10-30' })
  @IsOptional()
  @IsISO8601(DATE, { message: 'eventDate must be a date written YYYY-MM-DD' })
  @Length(10, 10, { message: 'eventDate must be a date written YYYY-MM-DD' })
  eventDate?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Defaults to today' })
  // Absent means today (or unchanged); null is validated and refused, not skipped as
  // @IsOptional() would: the column is NOT NULL, so a null reached PostgreSQL (500).
  @ValidateIf((_: object, value: unknown) => value !== undefined)
  @IsISO8601(DATE, { message: 'receivedDate must be a date written YYYY-MM-DD' })
  @Length(10, 10, { message: 'receivedDate must be a date written YYYY-MM-DD' })
  receivedDate?: string;

  @ApiPropertyOptional({ enum: ITEM_KINDS })
  @IsOptional()
  @IsIn(ITEM_KINDS, oneOf('kind', ITEM_KINDS))
  kind?: ItemKind;

  @ApiPropertyOptional({ enum: CRIME_TYPES, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(CRIME_TYPES.length)
  @IsIn(CRIME_TYPES, { each: true, ...oneOf('each crime type', CRIME_TYPES) })
  crimeTypes?: CrimeType[];

  @ApiPropertyOptional({ type: [String], example: ['Masalit'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(1, 100, { each: true })
  affectedGroups?: string[];

  @ApiPropertyOptional({ type: [String], example: ['7.14', '1.11'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(40)
  @IsString({ each: true })
  @MaxLength(10, { each: true })
  indicatorIds?: string[];

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'sourceId must be the id of a source' })
  sourceId?: string;

  @ApiPropertyOptional({ enum: CREDIBILITY, description: '1 confirmed … 6 cannot be judged' })
  @IsOptional()
  @IsIn(CREDIBILITY, {
    message: 'credibility must be 1 to 6 (1 confirmed, 2 probably true, … 6 cannot be judged)',
  })
  credibility?: number;

  @ApiPropertyOptional({ enum: CONSENTS })
  @IsOptional()
  @IsIn(CONSENTS, oneOf('consent', CONSENTS))
  consent?: Consent;

  @ApiPropertyOptional({ enum: CLASSIFICATIONS })
  @IsOptional()
  @IsIn(CLASSIFICATIONS, oneOf('classification', CLASSIFICATIONS))
  classification?: Classification;

  @ApiPropertyOptional({ type: [String], format: 'uuid' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true, message: 'each case id must be a case id' })
  caseIds?: string[];

  @ApiPropertyOptional({ enum: EVENT_TYPES, nullable: true })
  @IsOptional()
  @IsIn(EVENT_TYPES, oneOf('eventType', EVENT_TYPES))
  eventType?: EventType | null;

  @ApiPropertyOptional({ enum: EVENT_SUBTYPES, nullable: true })
  @IsOptional()
  @IsIn(EVENT_SUBTYPES, oneOf('eventSubtype', EVENT_SUBTYPES))
  eventSubtype?: EventSubtype | null;

  @ApiPropertyOptional({ enum: ACTOR_TYPES, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(ACTOR_TYPES.length)
  @IsIn(ACTOR_TYPES, { each: true, ...oneOf('each actor type', ACTOR_TYPES) })
  actorTypes?: ActorType[];

  @ApiPropertyOptional({ enum: PRECISIONS, nullable: true })
  @IsOptional()
  @IsIn(PRECISIONS, oneOf('timePrecision', PRECISIONS))
  timePrecision?: Precision | null;

  @ApiPropertyOptional({ enum: PRECISIONS, nullable: true })
  @IsOptional()
  @IsIn(PRECISIONS, oneOf('geoPrecision', PRECISIONS))
  geoPrecision?: Precision | null;
}

/** A new information item: the required fields of ItemFieldsDto are checked by the service. */
export class CreateItemDto extends ItemFieldsDto {}

/** Changes to an item; `version` must be the version last read. */
export class UpdateItemDto extends ItemFieldsDto {
  @ApiProperty({ description: 'The version you last read; a newer one on the server answers 409' })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  version!: number;
}

/** One part of the Rabat test as judged by the analyst. */
export class RabatPartDto {
  @ApiProperty({ enum: RABAT_PARTS })
  @IsIn(RABAT_PARTS, oneOf('part', RABAT_PARTS))
  part!: RabatPart;

  @ApiProperty()
  @IsBoolean()
  met!: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

/** The speech assessment of a `speech` item (docs/architecture.md §8). */
export class SpeechAssessmentDto {
  @ApiProperty() @Transform(trim) @IsString() @Length(1, 300) speaker!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(300) speakerStatus?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) audience?: string;
  @ApiProperty() @Transform(trim) @IsString() @Length(1, 300) targetGroup!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(300) medium?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) reach?: string;

  @ApiPropertyOptional({ enum: SPEECH_HALLMARKS, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(SPEECH_HALLMARKS.length)
  @IsIn(SPEECH_HALLMARKS, { each: true, ...oneOf('each hallmark', SPEECH_HALLMARKS) })
  hallmarks?: SpeechHallmark[];

  @ApiProperty({ type: [RabatPartDto], description: 'Each of the six parts, once' })
  @IsArray()
  @ArrayMaxSize(RABAT_PARTS.length)
  @ValidateNested({ each: true })
  @Type(() => RabatPartDto)
  parts!: RabatPartDto[];

  @ApiPropertyOptional({ description: 'The version you last read, when changing an assessment' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  version?: number;
}
