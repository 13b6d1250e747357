import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** Largest timeline sequence number (PostgreSQL int). */
const MAX_SEQ = 2_147_483_647;

/** Timeline paging (the full and the restricted timeline): entries after a sequence number. */
export class CaseEventsQueryDto {
  @ApiPropertyOptional({
    description: 'Return entries after this seq (0: from the start)',
    maximum: MAX_SEQ,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  // seq is an int column: a larger number would fail in PostgreSQL rather than as a 400.
  @Max(MAX_SEQ)
  after?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}
