import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQueryDto } from '../../common/pagination.js';
import { ACCOUNT_CHANGE_STATUSES, type AccountChangeStatus } from './account-change.response.js';

/** Filters of the account changes list. */
export class ListAccountChangesQueryDto extends PageQueryDto {
  /** pending (the default) lists oldest first, the others newest first. */
  @ApiPropertyOptional({ enum: ACCOUNT_CHANGE_STATUSES, default: 'pending' })
  @IsOptional()
  @IsIn(ACCOUNT_CHANGE_STATUSES, {
    message: `status must be one of ${ACCOUNT_CHANGE_STATUSES.join(', ')}`,
  })
  status?: AccountChangeStatus;
}
