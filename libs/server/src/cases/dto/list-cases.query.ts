import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, Length, MaxLength } from 'class-validator';
import { STAGES, type Stage } from '@vigil/domain';
import { PageQueryDto } from '../../common/pagination.js';

const toBool = ({ value }: { value: unknown }) =>
  value === 'true' ? true : value === 'false' ? false : value;
const toList = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.split(',').filter(Boolean) : value;

export const CASE_SORTS = ['updatedAt', 'reference', 'title', 'nextReviewDue'] as const;
export type CaseSort = (typeof CASE_SORTS)[number];

/** Filters shared by the case list and its counts. */
export class CaseFiltersDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Comma-separated stages', example: 'alert,recommendation' })
  @IsOptional()
  @Transform(toList)
  @IsIn(STAGES, { each: true, message: `stage must be among ${STAGES.join(', ')}` })
  stage?: Stage[];

  @ApiPropertyOptional({ example: 'KEN' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.toUpperCase() : value,
  )
  @IsString()
  @Length(3, 3)
  country?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  leadAnalystId?: string;

  @ApiPropertyOptional({ description: 'Only cases whose review is overdue' })
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  overdue?: boolean;

  @ApiPropertyOptional({ description: 'Only priority situations (shared with the Framework Team)' })
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  priority?: boolean;

  @ApiPropertyOptional({ description: 'Words in the title or summary' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
}

/** The case list: filters, sort and keyset paging. */
export class ListCasesQueryDto extends CaseFiltersDto {
  @ApiPropertyOptional({ enum: CASE_SORTS, default: 'updatedAt' })
  @IsOptional()
  @IsIn(CASE_SORTS)
  sort?: CaseSort;

  @ApiPropertyOptional({ enum: ['asc', 'desc'], default: 'desc' })
  @IsOptional()
  @IsIn(['asc', 'desc'])
  order?: 'asc' | 'desc';
}
