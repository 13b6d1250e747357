import { Body, Controller } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CaseResponse } from '../cases/dto/case.response.js';
import { Ctx, type RequestContext } from '../common/request-context.js';
import { SetPrioritySituationDto } from './dto/priority-input.dto.js';
import { CaseEndorsementsResponse } from './dto/priority-situation.response.js';
import { EndorsementsService } from './endorsements.service.js';
import { PrioritySharingService } from './priority-sharing.service.js';
import { Route } from '../authorization/route.decorator.js';
import { IdParam } from '../common/id-param.js';

/** The Office's side: sharing a case with the Framework Team, and reading its endorsements. */
@ApiTags('priority-situations')
@ApiBearerAuth()
@Controller('cases/:id')
export class CasePriorityController {
  constructor(
    private readonly sharing: PrioritySharingService,
    private readonly endorsements: EndorsementsService,
  ) {}

  @Route('POST', 'priority', {
    access: ['share', 'Case'],
    summary: 'Share the case with the Framework Team as a priority situation, or stop',
    answers: CaseResponse,
    status: 200,
  })
  setPriority(
    @Ctx() ctx: RequestContext,
    @IdParam() id: string,
    @Body() dto: SetPrioritySituationDto,
  ): Promise<CaseResponse> {
    return this.sharing.setShared(ctx, id, dto.shared);
  }

  @Route('GET', 'endorsements', {
    access: ['read', 'Case'],
    summary: "The Framework Team's endorsements, with counts per organisation",
    answers: CaseEndorsementsResponse,
  })
  list(@Ctx() ctx: RequestContext, @IdParam() id: string): Promise<CaseEndorsementsResponse> {
    return this.endorsements.forCase(ctx, id);
  }
}
