import { Body, Controller, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiTags } from '@nestjs/swagger';
import { CaseEventPageResponse } from '../cases/dto/case-event.response.js';
import { ErrorResponse } from '../common/error-response.js';
import { PageQueryDto } from '../common/pagination.js';
import { Ctx, type RequestContext } from '../common/request-context.js';
import { CaseEventsQueryDto } from '../cases/dto/case-events.query.js';
import { EndorsementDto } from './dto/priority-input.dto.js';
import {
  EndorsementResponse,
  PrioritySituationPageResponse,
  PrioritySituationResponse,
} from './dto/priority-situation.response.js';
import { EndorsementsService } from './endorsements.service.js';
import { PrioritySituationsService } from './priority-situations.service.js';
import { Route } from '../authorization/route.decorator.js';
import { IdParam } from '../common/id-param.js';

/** The Framework Team's portal: the restricted view of priority situations, and endorsements. */
@ApiTags('priority-situations')
@ApiBearerAuth()
@Controller('priority-situations')
export class PrioritySituationsController {
  constructor(
    private readonly situations: PrioritySituationsService,
    private readonly endorsements: EndorsementsService,
  ) {}

  @Route('GET', undefined, {
    access: 'authenticated',
    summary: 'Priority situations shared with you (restricted view)',
    answers: PrioritySituationPageResponse,
  })
  // Anyone signed in may ask; the list is filtered in SQL, so it is empty for all but the Team.
  list(
    @Ctx() ctx: RequestContext,
    @Query() query: PageQueryDto,
  ): Promise<PrioritySituationPageResponse> {
    return this.situations.list(ctx, query);
  }

  @Route('GET', ':id', {
    access: ['read', 'PrioritySituation'],
    summary: 'One priority situation (restricted view)',
    answers: PrioritySituationResponse,
  })
  @ApiNotFoundResponse({ type: ErrorResponse })
  get(@Ctx() ctx: RequestContext, @IdParam() id: string): Promise<PrioritySituationResponse> {
    return this.situations.get(ctx, id);
  }

  @Route('GET', ':id/events', {
    access: ['read', 'PrioritySituation'],
    summary: 'The timeline as the restricted view may see it, oldest first; `after` to catch up',
    answers: CaseEventPageResponse,
  })
  timeline(
    @Ctx() ctx: RequestContext,
    @IdParam() id: string,
    @Query() query: CaseEventsQueryDto,
  ): Promise<CaseEventPageResponse> {
    return this.situations.timeline(ctx, id, query.after ?? 0, query.limit ?? 100);
  }

  @Route('PUT', ':id/endorsement', {
    access: ['endorse', 'PrioritySituation'],
    summary: 'Endorse with a note, or change your note (one per person)',
    answers: EndorsementResponse,
  })
  endorse(
    @Ctx() ctx: RequestContext,
    @IdParam() id: string,
    @Body() dto: EndorsementDto,
  ): Promise<EndorsementResponse> {
    return this.endorsements.save(ctx, id, dto.note);
  }

  @Route('DELETE', ':id/endorsement', {
    access: ['endorse', 'PrioritySituation'],
    summary: 'Withdraw your endorsement',
    status: 204,
  })
  withdraw(@Ctx() ctx: RequestContext, @IdParam() id: string): Promise<void> {
    return this.endorsements.withdraw(ctx, id);
  }
}
