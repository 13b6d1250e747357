import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, Min } from 'class-validator';

/** The version a change is based on (optimistic locking, docs/architecture.md §16). */
export class VersionedDto {
  @ApiProperty({ description: 'The version you last read; a newer one on the server answers 409' })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  version!: number;
}
