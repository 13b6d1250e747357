import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';

/** Share a case with the Framework Team as a priority situation, or stop sharing it. */
export class SetPrioritySituationDto {
  @ApiProperty({ description: 'true: shared with the Framework Team; false: no longer shared' })
  @IsBoolean({ message: 'shared must be true or false' })
  shared!: boolean;
}

/** A Framework Team member's endorsement of a priority situation. */
export class EndorsementDto {
  /** Why they endorse it, in their own words. */
  @ApiProperty({ minLength: 1, maxLength: 2000 })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @Length(1, 2000, { message: 'note must be 1 to 2000 characters' })
  note!: string;
}

/** Largest timeline sequence number (PostgreSQL int). */
const MAX_SEQ = 2_147_483_647;

/** Timeline paging for the restricted view: entries after a sequence number. */
export class RestrictedEventsQueryDto {
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
