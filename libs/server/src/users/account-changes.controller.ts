import { Controller, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiTags } from '@nestjs/swagger';
import { ErrorResponse } from '../common/error-response.js';
import { Ctx, type RequestContext } from '../common/request-context.js';
import { AccountChangesService } from './account-changes.service.js';
import { AccountChangePageResponse, AccountChangeResponse } from './dto/account-change.response.js';
import { ListAccountChangesQueryDto } from './dto/list-account-changes.query.js';
import { Route } from '../authorization/route.decorator.js';
import { IdParam } from '../common/id-param.js';

/** Grants of roles and clearance waiting for a second administrator (issue 15). */
@ApiTags('users')
@ApiBearerAuth()
@Controller('account-changes')
export class AccountChangesController {
  constructor(private readonly changes: AccountChangesService) {}

  @Route('GET', undefined, {
    access: ['update', 'User'],
    summary: 'Account changes by status; pending ones oldest first (administrators)',
    answers: AccountChangePageResponse,
  })
  list(
    @Ctx() ctx: RequestContext,
    @Query() query: ListAccountChangesQueryDto,
  ): Promise<AccountChangePageResponse> {
    return this.changes.list(ctx, query);
  }

  @Route('POST', ':id/confirm', {
    access: ['update', 'User'],
    summary: 'Confirm a pending grant: it takes effect (another administrator than the requester)',
    answers: AccountChangeResponse,
    status: 200,
  })
  @ApiForbiddenResponse({
    type: ErrorResponse,
    description: 'Your own request or your own account',
  })
  confirm(@Ctx() ctx: RequestContext, @IdParam() id: string): Promise<AccountChangeResponse> {
    return this.changes.decide(ctx, id, 'confirm');
  }

  @Route('POST', ':id/reject', {
    access: ['update', 'User'],
    summary: 'Reject a pending grant (another administrator than the requester)',
    answers: AccountChangeResponse,
    status: 200,
  })
  @ApiForbiddenResponse({
    type: ErrorResponse,
    description: 'Your own request or your own account',
  })
  reject(@Ctx() ctx: RequestContext, @IdParam() id: string): Promise<AccountChangeResponse> {
    return this.changes.decide(ctx, id, 'reject');
  }
}
