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
import { Ctx, type RequestContext } from '../common/request-context.js';
import {
  CreateRecommendationDto,
  ListRecommendationsQueryDto,
  RecommendationStatusDto,
  UpdateRecommendationDto,
} from './dto/recommendation-input.dto.js';
import {
  RecommendationDetailResponse,
  RecommendationPageResponse,
} from './dto/recommendation.response.js';
import { RecommendationStatusService } from './recommendation-status.service.js';
import { RecommendationsService } from './recommendations.service.js';

const OUT_OF_ORDER = { type: ErrorResponse, description: 'Not allowed from the current status' };

@ApiTags('recommendations')
@ApiBearerAuth()
@Controller()
export class RecommendationsController {
  constructor(
    private readonly recommendations: RecommendationsService,
    private readonly status: RecommendationStatusService,
  ) {}

  @Post('cases/:id/recommendations')
  @RequirePolicy('draft', 'Case')
  @ApiOperation({ summary: 'Draft a recommendation on a case (members and advisers)' })
  @ApiCreatedResponse({ type: RecommendationDetailResponse })
  create(
    @Ctx() ctx: RequestContext,
    @Param('id') id: string,
    @Body() dto: CreateRecommendationDto,
  ): Promise<RecommendationDetailResponse> {
    return this.recommendations.create(ctx, id, dto);
  }

  @Get('cases/:id/recommendations')
  @RequirePolicy('read', 'Case')
  @ApiOperation({ summary: 'Recommendations of a case, in the order they were made' })
  @ApiOkResponse({ type: RecommendationPageResponse })
  list(
    @Ctx() ctx: RequestContext,
    @Param('id') id: string,
    @Query() query: ListRecommendationsQueryDto,
  ): Promise<RecommendationPageResponse> {
    return this.recommendations.list(ctx, id, query);
  }

  @Get('recommendations/:id')
  @RequirePolicy('read', 'Case')
  @ApiOperation({ summary: 'One recommendation with the history of its status changes' })
  @ApiOkResponse({ type: RecommendationDetailResponse })
  get(@Ctx() ctx: RequestContext, @Param('id') id: string): Promise<RecommendationDetailResponse> {
    return this.recommendations.get(ctx, id);
  }

  @Patch('recommendations/:id')
  @HttpCode(200)
  @RequirePolicy('draft', 'Case')
  @ApiOperation({
    summary:
      'Edit a draft recommendation; send the version you read (409 with currentVersion if stale)',
  })
  @ApiOkResponse({ type: RecommendationDetailResponse })
  @ApiConflictResponse({ type: ErrorResponse, description: 'Stale version, or no longer a draft' })
  update(
    @Ctx() ctx: RequestContext,
    @Param('id') id: string,
    @Body() dto: UpdateRecommendationDto,
  ): Promise<RecommendationDetailResponse> {
    return this.recommendations.update(ctx, id, dto);
  }

  @Post('recommendations/:id/approve')
  @HttpCode(200)
  @RequirePolicy('approve', 'Case')
  @ApiOperation({ summary: 'Approve a draft recommendation (advisers)' })
  @ApiOkResponse({ type: RecommendationDetailResponse })
  @ApiConflictResponse(OUT_OF_ORDER)
  approve(
    @Ctx() ctx: RequestContext,
    @Param('id') id: string,
    @Body() dto: RecommendationStatusDto,
  ): Promise<RecommendationDetailResponse> {
    return this.status.apply(ctx, id, 'approve', dto.note);
  }

  @Post('recommendations/:id/transmit')
  @HttpCode(200)
  @RequirePolicy('approve', 'Case')
  @ApiOperation({ summary: 'Record that an approved recommendation was transmitted (advisers)' })
  @ApiOkResponse({ type: RecommendationDetailResponse })
  @ApiConflictResponse(OUT_OF_ORDER)
  transmit(
    @Ctx() ctx: RequestContext,
    @Param('id') id: string,
    @Body() dto: RecommendationStatusDto,
  ): Promise<RecommendationDetailResponse> {
    return this.status.apply(ctx, id, 'transmit', dto.note);
  }

  @Post('recommendations/:id/implemented')
  @HttpCode(200)
  @RequirePolicy('approve', 'Case')
  @ApiOperation({ summary: 'Record that a transmitted recommendation was implemented (advisers)' })
  @ApiOkResponse({ type: RecommendationDetailResponse })
  @ApiConflictResponse(OUT_OF_ORDER)
  implemented(
    @Ctx() ctx: RequestContext,
    @Param('id') id: string,
    @Body() dto: RecommendationStatusDto,
  ): Promise<RecommendationDetailResponse> {
    return this.status.apply(ctx, id, 'implemented', dto.note);
  }

  @Post('recommendations/:id/declined')
  @HttpCode(200)
  @RequirePolicy('approve', 'Case')
  @ApiOperation({
    summary:
      'Record that a recommendation was declined: dropped by an adviser before transmission, or declined by its addressee',
  })
  @ApiOkResponse({ type: RecommendationDetailResponse })
  @ApiConflictResponse(OUT_OF_ORDER)
  declined(
    @Ctx() ctx: RequestContext,
    @Param('id') id: string,
    @Body() dto: RecommendationStatusDto,
  ): Promise<RecommendationDetailResponse> {
    return this.status.apply(ctx, id, 'declined', dto.note);
  }
}
