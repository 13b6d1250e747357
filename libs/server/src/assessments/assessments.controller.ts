import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { RequirePolicy } from '../authorization/policy.decorator.js';
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

@ApiTags('assessments')
@ApiBearerAuth()
@Controller()
export class AssessmentsController {
  constructor(
    private readonly assessments: AssessmentsService,
    private readonly lifecycle: AssessmentLifecycleService,
  ) {}

  @Post('cases/:id/assessments')
  @RequirePolicy('assess', 'Case')
  @ApiOperation({
    summary: 'Draft a risk assessment for a month (one draft, and one finalised, per month)',
  })
  @ApiCreatedResponse({ type: AssessmentResponse })
  @ApiConflictResponse({
    type: ErrorResponse,
    description: 'The month has a draft or a finalised one',
  })
  create(
    @Ctx() ctx: RequestContext,
    @Param('id') id: string,
    @Body() dto: CreateAssessmentDto,
  ): Promise<AssessmentResponse> {
    return this.assessments.create(ctx, id, dto);
  }

  @Get('cases/:id/assessments')
  @RequirePolicy('read', 'Case')
  @ApiOperation({ summary: 'Assessments of a case with their ratings, newest month first' })
  @ApiOkResponse({ type: AssessmentPageResponse })
  history(
    @Ctx() ctx: RequestContext,
    @Param('id') id: string,
    @Query() query: PageQueryDto,
  ): Promise<AssessmentPageResponse> {
    return this.assessments.history(ctx, id, query);
  }

  @Get('assessments/:id')
  @RequirePolicy('read', 'Case')
  @ApiOperation({ summary: 'One risk assessment' })
  @ApiOkResponse({ type: AssessmentResponse })
  get(@Ctx() ctx: RequestContext, @Param('id') id: string): Promise<AssessmentResponse> {
    return this.assessments.get(ctx, id);
  }

  @Patch('assessments/:id')
  @HttpCode(200)
  @RequirePolicy('assess', 'Case')
  @ApiOperation({
    summary: 'Edit a draft; send the version you read (409 with currentVersion if stale)',
  })
  @ApiOkResponse({ type: AssessmentResponse })
  @ApiConflictResponse({ type: ErrorResponse, description: 'Stale version, or not a draft' })
  update(
    @Ctx() ctx: RequestContext,
    @Param('id') id: string,
    @Body() dto: UpdateAssessmentDto,
  ): Promise<AssessmentResponse> {
    return this.assessments.update(ctx, id, dto);
  }

  @Post('assessments/:id/finalise')
  @HttpCode(200)
  @RequirePolicy('finalise', 'Case')
  @ApiOperation({
    summary:
      'Finalise a complete draft (advisers): sets the trend and the case risk level; supersedes the month’s previous one',
  })
  @ApiOkResponse({ type: AssessmentResponse })
  @ApiConflictResponse({ type: ErrorResponse, description: 'Incomplete, stale, or not a draft' })
  finalise(
    @Ctx() ctx: RequestContext,
    @Param('id') id: string,
    @Query() query: FinaliseAssessmentQueryDto,
  ): Promise<AssessmentResponse> {
    return this.lifecycle.finalise(ctx, id, query.version);
  }

  @Post('assessments/:id/supersede')
  @RequirePolicy('assess', 'Case')
  @ApiOperation({
    summary:
      'Revise a finalised assessment: a new draft for the same month with its ratings (the old one stands until the new is finalised)',
  })
  @ApiCreatedResponse({ type: AssessmentResponse })
  @ApiConflictResponse({ type: ErrorResponse })
  supersede(@Ctx() ctx: RequestContext, @Param('id') id: string): Promise<AssessmentResponse> {
    return this.lifecycle.supersede(ctx, id);
  }
}
