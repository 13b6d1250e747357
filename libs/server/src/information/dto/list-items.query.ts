import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  MaxLength,
} from 'class-validator';
import { CREDIBILITY, CRIME_TYPES, ITEM_KINDS, RELIABILITY } from '@vigil/domain';
import { PageQueryDto } from '../../common/pagination.js';
import { ITEM_SORTS, type ItemSort } from '../item-search.store.js';

/** `a,b` or repeated `x=a&x=b`, as one list. */
const toList = ({ value }: { value: unknown }) =>
  (Array.isArray(value) ? value : [value])
    .flatMap((v) => (typeof v === 'string' ? v.split(',') : [v]))
    .map((v) => (typeof v === 'string' ? v.trim() : v))
    .filter((v) => v !== '');
const toNumbers = (args: { value: unknown }) =>
  (toList(args) as unknown[]).map((v) =>
    typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v,
  );
const upper = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim().toUpperCase() : value;
const DATE = { strict: true, strictSeparator: true };

/** The filters of the information list, its count and its export (docs/architecture.md §8). */
export class ItemFiltersDto extends PageQueryDto {
  @ApiPropertyOptional({
    description: 'Words to find; "a phrase", or, -excluded are understood; any text is accepted',
  })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  q?: string;

  @ApiPropertyOptional({ example: 'SDN' })
  @IsOptional()
  @Transform(upper)
  @IsString()
  @Length(3, 3, { message: 'country must be an ISO 3166-1 alpha-3 code such as SDN' })
  country?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'caseId must be a case id' })
  caseId?: string;

  @ApiPropertyOptional({ example: '7.14' })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  indicatorId?: string;

  @ApiPropertyOptional({ enum: CRIME_TYPES })
  @IsOptional()
  @IsIn(CRIME_TYPES, { message: `crimeType must be one of ${CRIME_TYPES.join(', ')}` })
  crimeType?: string;

  @ApiPropertyOptional({ enum: RELIABILITY, isArray: true, description: 'A to F; several allowed' })
  @IsOptional()
  @Transform(toList)
  @ArrayMaxSize(RELIABILITY.length)
  @IsIn(RELIABILITY, { each: true, message: 'reliability must be letters A to F' })
  reliability?: string[];

  @ApiPropertyOptional({ enum: CREDIBILITY, isArray: true, description: '1 to 6; several allowed' })
  @IsOptional()
  @Transform(toNumbers)
  @ArrayMaxSize(CREDIBILITY.length)
  @IsIn(CREDIBILITY, { each: true, message: 'credibility must be numbers 1 to 6' })
  credibility?: number[];

  @ApiPropertyOptional({ enum: ITEM_KINDS, isArray: true })
  @IsOptional()
  @Transform(toList)
  @ArrayMaxSize(ITEM_KINDS.length)
  @IsIn(ITEM_KINDS, { each: true, message: `kind must be among ${ITEM_KINDS.join(', ')}` })
  kind?: string[];

  @ApiPropertyOptional({ format: 'date', description: 'Event date from (inclusive)' })
  @IsOptional()
  @IsISO8601(DATE, { message: 'from must be a date written YYYY-MM-DD' })
  @Length(10, 10, { message: 'from must be a date written YYYY-MM-DD' })
  from?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Event date to (inclusive)' })
  @IsOptional()
  @IsISO8601(DATE, { message: 'to must be a date written YYYY-MM-DD' })
  @Length(10, 10, { message: 'to must be a date written YYYY-MM-DD' })
  to?: string;

  @ApiPropertyOptional({
    enum: ITEM_SORTS,
    default: 'eventDate',
    description:
      'eventDate: newest first; relevance (with q): best match among the 2,000 newest matches',
  })
  @IsOptional()
  @IsIn(ITEM_SORTS)
  sort?: ItemSort;
}
