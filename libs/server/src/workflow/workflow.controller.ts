import { Body, Controller, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Ctx, type RequestContext } from '../common/request-context.js';
import { CaseEventsService } from '../cases/case-events.service.js';
import { CasesService } from '../cases/cases.service.js';
import { CaseEventPageResponse } from '../cases/dto/case-event.response.js';
import { CaseEventsQueryDto } from '../cases/dto/case-events.query.js';
import { RequiredNoteDto } from './dto/escalation.dto.js';
import { WorkflowResponse } from './dto/workflow.response.js';
import { WorkflowService } from './workflow.service.js';
import { Route } from '../authorization/route.decorator.js';
import { IdParam } from '../common/id-param.js';

@ApiTags('workflow')
@ApiBearerAuth()
@Controller('cases/:id')
export class WorkflowController {
  constructor(
    private readonly workflow: WorkflowService,
    private readonly cases: CasesService,
    private readonly events: CaseEventsService,
  ) {}

  @Route('GET', 'workflow', {
    access: ['read', 'Case'],
    summary: 'Stage, sub-state and the events you may send now',
    answers: WorkflowResponse,
  })
  describe(@Ctx() ctx: RequestContext, @IdParam() id: string): Promise<WorkflowResponse> {
    return this.workflow.describe(ctx, id);
  }

  @Route('GET', 'events', {
    access: ['read', 'Case'],
    summary: 'The case timeline, oldest first; `after` to catch up',
    answers: CaseEventPageResponse,
  })
  async timeline(
    @Ctx() ctx: RequestContext,
    @IdParam() id: string,
    @Query() query: CaseEventsQueryDto,
  ): Promise<CaseEventPageResponse> {
    await this.cases.get(ctx, id);
    return this.events.list(id, query.after ?? 0, query.limit ?? 100);
  }

  @Route('POST', 'reviews', {
    access: ['review', 'Case'],
    summary: 'Record a periodic review; sets the next review date',
    answers: WorkflowResponse,
    status: 200,
  })
  review(
    @Ctx() ctx: RequestContext,
    @IdParam() id: string,
    @Body() dto: RequiredNoteDto,
  ): Promise<WorkflowResponse> {
    return this.workflow.recordReview(ctx, id, dto.note);
  }

  @Route('POST', 'reopen', {
    access: ['reopen', 'Case'],
    summary: 'Reopen a closed case (advisers)',
    answers: WorkflowResponse,
    status: 200,
  })
  reopen(
    @Ctx() ctx: RequestContext,
    @IdParam() id: string,
    @Body() dto: RequiredNoteDto,
  ): Promise<WorkflowResponse> {
    return this.workflow.reopen(ctx, id, dto.note);
  }
}
