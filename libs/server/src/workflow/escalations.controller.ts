import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { RequirePolicy } from '../authorization/policy.decorator.js';
import { ErrorResponse } from '../common/error-response.js';
import { Ctx, type RequestContext } from '../common/request-context.js';
import {
  DecisionNoteDto,
  EscalationPageResponse,
  EscalationResponse,
  ListEscalationsQueryDto,
  ProposeEscalationDto,
} from './dto/escalation.dto.js';
import { EscalationsService } from './escalations.service.js';

@ApiTags('workflow')
@ApiBearerAuth()
@Controller()
export class EscalationsController {
  constructor(private readonly escalations: EscalationsService) {}

  @Post('cases/:id/escalations')
  @RequirePolicy('propose', 'Case')
  @ApiOperation({ summary: 'Propose moving a case (up one stage, down, or to closed)' })
  @ApiCreatedResponse({ type: EscalationResponse })
  @ApiConflictResponse({
    type: ErrorResponse,
    description: 'Not allowed now (the reason says why)',
  })
  propose(
    @Ctx() ctx: RequestContext,
    @Param('id') id: string,
    @Body() dto: ProposeEscalationDto,
  ): Promise<EscalationResponse> {
    return this.escalations.propose(ctx, id, dto);
  }

  @Get('escalations')
  @RequirePolicy('read', 'Case')
  @ApiOperation({
    summary: 'Proposals on readable cases; pending ones oldest first (the approvals inbox)',
  })
  @ApiOkResponse({ type: EscalationPageResponse })
  list(
    @Ctx() ctx: RequestContext,
    @Query() query: ListEscalationsQueryDto,
  ): Promise<EscalationPageResponse> {
    return this.escalations.list(ctx, query);
  }

  @Get('escalations/:id')
  @RequirePolicy('read', 'Case')
  @ApiOperation({ summary: 'One proposal' })
  @ApiOkResponse({ type: EscalationResponse })
  get(@Ctx() ctx: RequestContext, @Param('id') id: string): Promise<EscalationResponse> {
    return this.escalations.get(ctx, id);
  }

  @Post('escalations/:id/approve')
  @HttpCode(200)
  @RequirePolicy('approve', 'Case')
  @ApiOperation({
    summary: 'Approve (never your own proposal); the move happens once enough advisers approve',
  })
  @ApiOkResponse({ type: EscalationResponse })
  @ApiConflictResponse({ type: ErrorResponse })
  approve(
    @Ctx() ctx: RequestContext,
    @Param('id') id: string,
    @Body() dto: DecisionNoteDto,
  ): Promise<EscalationResponse> {
    return this.escalations.decide(ctx, id, 'approve', dto.note);
  }

  @Post('escalations/:id/reject')
  @HttpCode(200)
  @RequirePolicy('approve', 'Case')
  @ApiOperation({ summary: 'Reject a proposal (advisers)' })
  @ApiOkResponse({ type: EscalationResponse })
  @ApiConflictResponse({ type: ErrorResponse })
  reject(
    @Ctx() ctx: RequestContext,
    @Param('id') id: string,
    @Body() dto: DecisionNoteDto,
  ): Promise<EscalationResponse> {
    return this.escalations.decide(ctx, id, 'reject', dto.note);
  }

  @Post('escalations/:id/withdraw')
  @HttpCode(200)
  @RequirePolicy('read', 'Case')
  @ApiOperation({ summary: 'Withdraw your own proposal' })
  @ApiOkResponse({ type: EscalationResponse })
  @ApiForbiddenResponse({ type: ErrorResponse, description: 'Not the proposer' })
  @ApiConflictResponse({ type: ErrorResponse, description: 'No longer pending' })
  withdraw(
    @Ctx() ctx: RequestContext,
    @Param('id') id: string,
    @Body() dto: DecisionNoteDto,
  ): Promise<EscalationResponse> {
    return this.escalations.decide(ctx, id, 'withdraw', dto.note);
  }
}
