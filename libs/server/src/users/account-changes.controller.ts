import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { RequirePolicy } from '../authorization/policy.decorator.js';
import { ErrorResponse } from '../common/error-response.js';
import { Ctx, type RequestContext } from '../common/request-context.js';
import { AccountChangesService } from './account-changes.service.js';
import { AccountChangePageResponse, AccountChangeResponse } from './dto/account-change.response.js';
import { ListAccountChangesQueryDto } from './dto/list-account-changes.query.js';

/** Grants of roles and clearance waiting for a second administrator (issue 15). */
@ApiTags('users')
@ApiBearerAuth()
@Controller('account-changes')
export class AccountChangesController {
  constructor(private readonly changes: AccountChangesService) {}

  @Get()
  @RequirePolicy('update', 'User')
  @ApiOperation({
    summary: 'Account changes by status; pending ones oldest first (administrators)',
  })
  @ApiOkResponse({ type: AccountChangePageResponse })
  list(
    @Ctx() ctx: RequestContext,
    @Query() query: ListAccountChangesQueryDto,
  ): Promise<AccountChangePageResponse> {
    return this.changes.list(ctx, query);
  }

  @Post(':id/confirm')
  @HttpCode(200)
  @RequirePolicy('update', 'User')
  @ApiOperation({
    summary: 'Confirm a pending grant: it takes effect (another administrator than the requester)',
  })
  @ApiOkResponse({ type: AccountChangeResponse })
  @ApiForbiddenResponse({
    type: ErrorResponse,
    description: 'Your own request or your own account',
  })
  confirm(@Ctx() ctx: RequestContext, @Param('id') id: string): Promise<AccountChangeResponse> {
    return this.changes.decide(ctx, id, 'confirm');
  }

  @Post(':id/reject')
  @HttpCode(200)
  @RequirePolicy('update', 'User')
  @ApiOperation({ summary: 'Reject a pending grant (another administrator than the requester)' })
  @ApiOkResponse({ type: AccountChangeResponse })
  @ApiForbiddenResponse({
    type: ErrorResponse,
    description: 'Your own request or your own account',
  })
  reject(@Ctx() ctx: RequestContext, @Param('id') id: string): Promise<AccountChangeResponse> {
    return this.changes.decide(ctx, id, 'reject');
  }
}
