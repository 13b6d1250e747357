import { Body, Controller, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiTags } from '@nestjs/swagger';
import { ErrorResponse } from '../common/error-response.js';
import { PageQueryDto } from '../common/pagination.js';
import { Ctx, type RequestContext } from '../common/request-context.js';
import { CreateEngagementDto, UpdateEngagementDto } from './dto/engagement-input.dto.js';
import { EngagementPageResponse, EngagementResponse } from './dto/engagement.response.js';
import { EngagementsService } from './engagements.service.js';
import { Route } from '../authorization/route.decorator.js';
import { IdParam } from '../common/id-param.js';

@ApiTags('engagements')
@ApiBearerAuth()
@Controller()
export class EngagementsController {
  constructor(private readonly engagements: EngagementsService) {}

  @Route('POST', 'cases/:id/engagements', {
    access: ['draft', 'Case'],
    summary: 'Record an engagement with a partner (members and advisers)',
    answers: EngagementResponse,
  })
  create(
    @Ctx() ctx: RequestContext,
    @IdParam() id: string,
    @Body() dto: CreateEngagementDto,
  ): Promise<EngagementResponse> {
    return this.engagements.create(ctx, id, dto);
  }

  @Route('GET', 'cases/:id/engagements', {
    access: ['read', 'Case'],
    summary: 'Engagements of a case, newest date first, with overdue follow-ups flagged',
    answers: EngagementPageResponse,
  })
  list(
    @Ctx() ctx: RequestContext,
    @IdParam() id: string,
    @Query() query: PageQueryDto,
  ): Promise<EngagementPageResponse> {
    return this.engagements.list(ctx, id, query);
  }

  @Route('PATCH', 'engagements/:id', {
    access: ['draft', 'Case'],
    summary:
      'Edit an engagement or mark its follow-up done; send the version you read (409 with currentVersion if stale)',
    answers: EngagementResponse,
  })
  @ApiConflictResponse({ type: ErrorResponse, description: 'Stale version' })
  update(
    @Ctx() ctx: RequestContext,
    @IdParam() id: string,
    @Body() dto: UpdateEngagementDto,
  ): Promise<EngagementResponse> {
    return this.engagements.update(ctx, id, dto);
  }
}
