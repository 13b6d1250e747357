import { Body, Controller, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiTags } from '@nestjs/swagger';
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
import { Route } from '../authorization/route.decorator.js';
import { IdParam } from '../common/id-param.js';

const OUT_OF_ORDER = { type: ErrorResponse, description: 'Not allowed from the current status' };

@ApiTags('recommendations')
@ApiBearerAuth()
@Controller()
export class RecommendationsController {
  constructor(
    private readonly recommendations: RecommendationsService,
    private readonly status: RecommendationStatusService,
  ) {}

  @Route('POST', 'cases/:id/recommendations', {
    access: ['draft', 'Case'],
    summary: 'Draft a recommendation on a case (members and advisers)',
    answers: RecommendationDetailResponse,
  })
  create(
    @Ctx() ctx: RequestContext,
    @IdParam() id: string,
    @Body() dto: CreateRecommendationDto,
  ): Promise<RecommendationDetailResponse> {
    return this.recommendations.create(ctx, id, dto);
  }

  @Route('GET', 'cases/:id/recommendations', {
    access: ['read', 'Case'],
    summary: 'Recommendations of a case, in the order they were made',
    answers: RecommendationPageResponse,
  })
  list(
    @Ctx() ctx: RequestContext,
    @IdParam() id: string,
    @Query() query: ListRecommendationsQueryDto,
  ): Promise<RecommendationPageResponse> {
    return this.recommendations.list(ctx, id, query);
  }

  @Route('GET', 'recommendations/:id', {
    access: ['read', 'Case'],
    summary: 'One recommendation with the history of its status changes',
    answers: RecommendationDetailResponse,
  })
  get(@Ctx() ctx: RequestContext, @IdParam() id: string): Promise<RecommendationDetailResponse> {
    return this.recommendations.get(ctx, id);
  }

  @Route('PATCH', 'recommendations/:id', {
    access: ['draft', 'Case'],
    summary:
      'Edit a draft recommendation; send the version you read (409 with currentVersion if stale)',
    answers: RecommendationDetailResponse,
  })
  @ApiConflictResponse({ type: ErrorResponse, description: 'Stale version, or no longer a draft' })
  update(
    @Ctx() ctx: RequestContext,
    @IdParam() id: string,
    @Body() dto: UpdateRecommendationDto,
  ): Promise<RecommendationDetailResponse> {
    return this.recommendations.update(ctx, id, dto);
  }

  @Route('POST', 'recommendations/:id/approve', {
    access: ['approve', 'Case'],
    summary: 'Approve a draft recommendation (advisers)',
    answers: RecommendationDetailResponse,
    status: 200,
  })
  @ApiConflictResponse(OUT_OF_ORDER)
  approve(
    @Ctx() ctx: RequestContext,
    @IdParam() id: string,
    @Body() dto: RecommendationStatusDto,
  ): Promise<RecommendationDetailResponse> {
    return this.status.apply(ctx, id, 'approve', dto.note);
  }

  @Route('POST', 'recommendations/:id/transmit', {
    access: ['approve', 'Case'],
    summary: 'Record that an approved recommendation was transmitted (advisers)',
    answers: RecommendationDetailResponse,
    status: 200,
  })
  @ApiConflictResponse(OUT_OF_ORDER)
  transmit(
    @Ctx() ctx: RequestContext,
    @IdParam() id: string,
    @Body() dto: RecommendationStatusDto,
  ): Promise<RecommendationDetailResponse> {
    return this.status.apply(ctx, id, 'transmit', dto.note);
  }

  @Route('POST', 'recommendations/:id/implemented', {
    access: ['approve', 'Case'],
    summary: 'Record that a transmitted recommendation was implemented (advisers)',
    answers: RecommendationDetailResponse,
    status: 200,
  })
  @ApiConflictResponse(OUT_OF_ORDER)
  implemented(
    @Ctx() ctx: RequestContext,
    @IdParam() id: string,
    @Body() dto: RecommendationStatusDto,
  ): Promise<RecommendationDetailResponse> {
    return this.status.apply(ctx, id, 'implemented', dto.note);
  }

  @Route('POST', 'recommendations/:id/declined', {
    access: ['approve', 'Case'],
    summary:
      'Record that a recommendation was declined: dropped by an adviser before transmission, or declined by its addressee',
    answers: RecommendationDetailResponse,
    status: 200,
  })
  @ApiConflictResponse(OUT_OF_ORDER)
  declined(
    @Ctx() ctx: RequestContext,
    @IdParam() id: string,
    @Body() dto: RecommendationStatusDto,
  ): Promise<RecommendationDetailResponse> {
    return this.status.apply(ctx, id, 'declined', dto.note);
  }
}
