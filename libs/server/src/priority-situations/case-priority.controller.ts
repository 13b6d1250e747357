import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequirePolicy } from '../authorization/policy.decorator.js';
import { CaseResponse } from '../cases/dto/case.response.js';
import { Ctx, type RequestContext } from '../common/request-context.js';
import { SetPrioritySituationDto } from './dto/priority-input.dto.js';
import { CaseEndorsementsResponse } from './dto/priority-situation.response.js';
import { EndorsementsService } from './endorsements.service.js';
import { PrioritySharingService } from './priority-sharing.service.js';

/** The Office's side: sharing a case with the Framework Team, and reading its endorsements. */
@ApiTags('priority-situations')
@ApiBearerAuth()
@Controller('cases/:id')
export class CasePriorityController {
  constructor(
    private readonly sharing: PrioritySharingService,
    private readonly endorsements: EndorsementsService,
  ) {}

  @Post('priority')
  @HttpCode(200)
  @RequirePolicy('share', 'Case')
  @ApiOperation({
    summary: 'Share the case with the Framework Team as a priority situation, or stop',
  })
  @ApiOkResponse({ type: CaseResponse })
  setPriority(
    @Ctx() ctx: RequestContext,
    @Param('id') id: string,
    @Body() dto: SetPrioritySituationDto,
  ): Promise<CaseResponse> {
    return this.sharing.setShared(ctx, id, dto.shared);
  }

  @Get('endorsements')
  @RequirePolicy('read', 'Case')
  @ApiOperation({ summary: "The Framework Team's endorsements, with counts per organisation" })
  @ApiOkResponse({ type: CaseEndorsementsResponse })
  list(@Ctx() ctx: RequestContext, @Param('id') id: string): Promise<CaseEndorsementsResponse> {
    return this.endorsements.forCase(ctx, id);
  }
}
