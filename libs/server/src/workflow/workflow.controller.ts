import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { RequirePolicy } from '../authorization/policy.decorator.js';
import { Ctx, type RequestContext } from '../common/request-context.js';
import { CaseEventsService } from '../cases/case-events.service.js';
import { CasesService } from '../cases/cases.service.js';
import { CaseEventPageResponse } from '../cases/dto/case-event.response.js';
import { RequiredNoteDto } from './dto/escalation.dto.js';
import { WorkflowResponse } from './dto/workflow.response.js';
import { WorkflowService } from './workflow.service.js';

/** Largest timeline sequence number (PostgreSQL int). */
const MAX_SEQ = 2_147_483_647;

/** Timeline paging: entries after a sequence number. */
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

@ApiTags('workflow')
@ApiBearerAuth()
@Controller('cases/:id')
export class WorkflowController {
  constructor(
    private readonly workflow: WorkflowService,
    private readonly cases: CasesService,
    private readonly events: CaseEventsService,
  ) {}

  @Get('workflow')
  @RequirePolicy('read', 'Case')
  @ApiOperation({ summary: 'Stage, sub-state and the events you may send now' })
  @ApiOkResponse({ type: WorkflowResponse })
  describe(@Ctx() ctx: RequestContext, @Param('id') id: string): Promise<WorkflowResponse> {
    return this.workflow.describe(ctx, id);
  }

  @Get('events')
  @RequirePolicy('read', 'Case')
  @ApiOperation({ summary: 'The case timeline, oldest first; `after` to catch up' })
  @ApiOkResponse({ type: CaseEventPageResponse })
  async timeline(
    @Ctx() ctx: RequestContext,
    @Param('id') id: string,
    @Query() query: CaseEventsQueryDto,
  ): Promise<CaseEventPageResponse> {
    await this.cases.get(ctx, id);
    return this.events.list(id, query.after ?? 0, query.limit ?? 100);
  }

  @Post('reviews')
  @HttpCode(200)
  @RequirePolicy('review', 'Case')
  @ApiOperation({ summary: 'Record a periodic review; sets the next review date' })
  @ApiOkResponse({ type: WorkflowResponse })
  review(
    @Ctx() ctx: RequestContext,
    @Param('id') id: string,
    @Body() dto: RequiredNoteDto,
  ): Promise<WorkflowResponse> {
    return this.workflow.recordReview(ctx, id, dto.note);
  }

  @Post('reopen')
  @HttpCode(200)
  @RequirePolicy('reopen', 'Case')
  @ApiOperation({ summary: 'Reopen a closed case (advisers)' })
  @ApiOkResponse({ type: WorkflowResponse })
  reopen(
    @Ctx() ctx: RequestContext,
    @Param('id') id: string,
    @Body() dto: RequiredNoteDto,
  ): Promise<WorkflowResponse> {
    return this.workflow.reopen(ctx, id, dto.note);
  }
}
