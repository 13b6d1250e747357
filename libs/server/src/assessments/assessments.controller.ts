import { Body, Controller, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiTags } from '@nestjs/swagger';
import { ErrorResponse } from '../common/error-response.js';
import { PageQueryDto } from '../common/pagination.js';
import { Ctx, type RequestContext } from '../common/request-context.js';
import { AssessmentLifecycleService } from './assessment-lifecycle.service.js';
import { AssessmentsService } from './assessments.service.js';
import {
  CreateAssessmentDto,
  FinaliseAssessmentQueryDto,
  UpdateAssessmentDto,
} from './dto/assessment-input.dto.js';
import { AssessmentPageResponse, AssessmentResponse } from './dto/assessment.response.js';
import { Route } from '../authorization/route.decorator.js';
import { IdParam } from '../common/id-param.js';

@ApiTags('assessments')
@ApiBearerAuth()
@Controller()
export class AssessmentsController {
  constructor(
    private readonly assessments: AssessmentsService,
    private readonly lifecycle: AssessmentLifecycleService,
  ) {}

  @Route('POST', 'cases/:id/assessments', {
    access: ['assess', 'Case'],
    summary: 'Draft a risk assessment for a month (one draft, and one finalised, per month)',
    answers: AssessmentResponse,
  })
  @ApiConflictResponse({
    type: ErrorResponse,
    description: 'The month has a draft or a finalised one',
  })
  create(
    @Ctx() ctx: RequestContext,
    @IdParam() id: string,
    @Body() dto: CreateAssessmentDto,
  ): Promise<AssessmentResponse> {
    return this.assessments.create(ctx, id, dto);
  }

  @Route('GET', 'cases/:id/assessments', {
    access: ['read', 'Case'],
    summary: 'Assessments of a case with their ratings, newest month first',
    answers: AssessmentPageResponse,
  })
  history(
    @Ctx() ctx: RequestContext,
    @IdParam() id: string,
    @Query() query: PageQueryDto,
  ): Promise<AssessmentPageResponse> {
    return this.assessments.history(ctx, id, query);
  }

  @Route('GET', 'assessments/:id', {
    access: ['read', 'Case'],
    summary: 'One risk assessment',
    answers: AssessmentResponse,
  })
  get(@Ctx() ctx: RequestContext, @IdParam() id: string): Promise<AssessmentResponse> {
    return this.assessments.get(ctx, id);
  }

  @Route('PATCH', 'assessments/:id', {
    access: ['assess', 'Case'],
    summary: 'Edit a draft; send the version you read (409 with currentVersion if stale)',
    answers: AssessmentResponse,
  })
  @ApiConflictResponse({ type: ErrorResponse, description: 'Stale version, or not a draft' })
  update(
    @Ctx() ctx: RequestContext,
    @IdParam() id: string,
    @Body() dto: UpdateAssessmentDto,
  ): Promise<AssessmentResponse> {
    return this.assessments.update(ctx, id, dto);
  }

  @Route('POST', 'assessments/:id/finalise', {
    access: ['finalise', 'Case'],
    summary:
      'Finalise a complete draft (advisers): sets the trend and the case risk level; supersedes the month’s previous one',
    answers: AssessmentResponse,
    status: 200,
  })
  @ApiConflictResponse({ type: ErrorResponse, description: 'Incomplete, stale, or not a draft' })
  finalise(
    @Ctx() ctx: RequestContext,
    @IdParam() id: string,
    @Query() query: FinaliseAssessmentQueryDto,
  ): Promise<AssessmentResponse> {
    return this.lifecycle.finalise(ctx, id, query.version);
  }

  @Route('POST', 'assessments/:id/supersede', {
    access: ['assess', 'Case'],
    summary:
      'Revise a finalised assessment: a new draft for the same month with its ratings (the old one stands until the new is finalised)',
    answers: AssessmentResponse,
  })
  @ApiConflictResponse({ type: ErrorResponse })
  supersede(@Ctx() ctx: RequestContext, @IdParam() id: string): Promise<AssessmentResponse> {
    return this.lifecycle.supersede(ctx, id);
  }
}
