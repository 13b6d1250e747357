import { Body, Controller, Delete, Get, HttpCode, Param, Put, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Authenticated, RequirePolicy } from '../authorization/policy.decorator.js';
import { CaseEventPageResponse } from '../cases/dto/case-event.response.js';
import { ErrorResponse } from '../common/error-response.js';
import { PageQueryDto } from '../common/pagination.js';
import { Ctx, type RequestContext } from '../common/request-context.js';
import { EndorsementDto, RestrictedEventsQueryDto } from './dto/priority-input.dto.js';
import {
  EndorsementResponse,
  PrioritySituationPageResponse,
  PrioritySituationResponse,
} from './dto/priority-situation.response.js';
import { EndorsementsService } from './endorsements.service.js';
import { PrioritySituationsService } from './priority-situations.service.js';

/** The Framework Team's portal: the restricted view of priority situations, and endorsements. */
@ApiTags('priority-situations')
@ApiBearerAuth()
@Controller('priority-situations')
export class PrioritySituationsController {
  constructor(
    private readonly situations: PrioritySituationsService,
    private readonly endorsements: EndorsementsService,
  ) {}

  // Anyone signed in may ask; the list is filtered in SQL, so it is empty for all but the Team.
  @Get()
  @Authenticated()
  @ApiOperation({ summary: 'Priority situations shared with you (restricted view)' })
  @ApiOkResponse({ type: PrioritySituationPageResponse })
  list(
    @Ctx() ctx: RequestContext,
    @Query() query: PageQueryDto,
  ): Promise<PrioritySituationPageResponse> {
    return this.situations.list(ctx, query);
  }

  @Get(':id')
  @RequirePolicy('read', 'PrioritySituation')
  @ApiOperation({ summary: 'One priority situation (restricted view)' })
  @ApiOkResponse({ type: PrioritySituationResponse })
  @ApiNotFoundResponse({ type: ErrorResponse })
  get(@Ctx() ctx: RequestContext, @Param('id') id: string): Promise<PrioritySituationResponse> {
    return this.situations.get(ctx, id);
  }

  @Get(':id/events')
  @RequirePolicy('read', 'PrioritySituation')
  @ApiOperation({
    summary: 'The timeline as the restricted view may see it, oldest first; `after` to catch up',
  })
  @ApiOkResponse({ type: CaseEventPageResponse })
  timeline(
    @Ctx() ctx: RequestContext,
    @Param('id') id: string,
    @Query() query: RestrictedEventsQueryDto,
  ): Promise<CaseEventPageResponse> {
    return this.situations.timeline(ctx, id, query.after ?? 0, query.limit ?? 100);
  }

  @Put(':id/endorsement')
  @HttpCode(200)
  @RequirePolicy('endorse', 'PrioritySituation')
  @ApiOperation({ summary: 'Endorse with a note, or change your note (one per person)' })
  @ApiOkResponse({ type: EndorsementResponse })
  endorse(
    @Ctx() ctx: RequestContext,
    @Param('id') id: string,
    @Body() dto: EndorsementDto,
  ): Promise<EndorsementResponse> {
    return this.endorsements.save(ctx, id, dto.note);
  }

  @Delete(':id/endorsement')
  @HttpCode(204)
  @RequirePolicy('endorse', 'PrioritySituation')
  @ApiOperation({ summary: 'Withdraw your endorsement' })
  @ApiNoContentResponse()
  withdraw(@Ctx() ctx: RequestContext, @Param('id') id: string): Promise<void> {
    return this.endorsements.withdraw(ctx, id);
  }
}
