import { Body, Controller, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiForbiddenResponse, ApiTags } from '@nestjs/swagger';
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
import { Route } from '../authorization/route.decorator.js';
import { IdParam } from '../common/id-param.js';

@ApiTags('workflow')
@ApiBearerAuth()
@Controller()
export class EscalationsController {
  constructor(private readonly escalations: EscalationsService) {}

  @Route('POST', 'cases/:id/escalations', {
    access: ['propose', 'Case'],
    summary: 'Propose moving a case (up one stage, down, or to closed)',
    answers: EscalationResponse,
  })
  @ApiConflictResponse({
    type: ErrorResponse,
    description: 'Not allowed now (the reason says why)',
  })
  propose(
    @Ctx() ctx: RequestContext,
    @IdParam() id: string,
    @Body() dto: ProposeEscalationDto,
  ): Promise<EscalationResponse> {
    return this.escalations.propose(ctx, id, dto);
  }

  @Route('GET', 'escalations', {
    access: ['read', 'Case'],
    summary: 'Proposals on readable cases; pending ones oldest first (the approvals inbox)',
    answers: EscalationPageResponse,
  })
  list(
    @Ctx() ctx: RequestContext,
    @Query() query: ListEscalationsQueryDto,
  ): Promise<EscalationPageResponse> {
    return this.escalations.list(ctx, query);
  }

  @Route('GET', 'escalations/:id', {
    access: ['read', 'Case'],
    summary: 'One proposal',
    answers: EscalationResponse,
  })
  get(@Ctx() ctx: RequestContext, @IdParam() id: string): Promise<EscalationResponse> {
    return this.escalations.get(ctx, id);
  }

  @Route('POST', 'escalations/:id/approve', {
    access: ['approve', 'Case'],
    summary: 'Approve (never your own proposal); the move happens once enough advisers approve',
    answers: EscalationResponse,
    status: 200,
  })
  @ApiConflictResponse({ type: ErrorResponse })
  approve(
    @Ctx() ctx: RequestContext,
    @IdParam() id: string,
    @Body() dto: DecisionNoteDto,
  ): Promise<EscalationResponse> {
    return this.escalations.decide(ctx, id, 'approve', dto.note);
  }

  @Route('POST', 'escalations/:id/reject', {
    access: ['approve', 'Case'],
    summary: 'Reject a proposal (advisers)',
    answers: EscalationResponse,
    status: 200,
  })
  @ApiConflictResponse({ type: ErrorResponse })
  reject(
    @Ctx() ctx: RequestContext,
    @IdParam() id: string,
    @Body() dto: DecisionNoteDto,
  ): Promise<EscalationResponse> {
    return this.escalations.decide(ctx, id, 'reject', dto.note);
  }

  @Route('POST', 'escalations/:id/withdraw', {
    access: ['read', 'Case'],
    summary: 'Withdraw your own proposal',
    answers: EscalationResponse,
    status: 200,
  })
  @ApiForbiddenResponse({ type: ErrorResponse, description: 'Not the proposer' })
  @ApiConflictResponse({ type: ErrorResponse, description: 'No longer pending' })
  withdraw(
    @Ctx() ctx: RequestContext,
    @IdParam() id: string,
    @Body() dto: DecisionNoteDto,
  ): Promise<EscalationResponse> {
    return this.escalations.decide(ctx, id, 'withdraw', dto.note);
  }
}
