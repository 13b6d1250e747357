import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../common/pagination.js';

/** Filters of the user list. */
export class ListUsersQueryDto extends PageQueryDto {
  /** Matches display name or e-mail, case-insensitively. */
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}
