import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequirePolicy } from '../authorization/policy.decorator.js';
import { Ctx, type RequestContext } from '../common/request-context.js';
import { EvidenceSinceResponse, HeatMapResponse } from './dto/assessment.response.js';
import { RiskOverviewService } from './risk-overview.service.js';

@ApiTags('assessments')
@ApiBearerAuth()
@Controller()
export class RiskOverviewController {
  constructor(private readonly overview: RiskOverviewService) {}

  @Get('risk/heat-map')
  @RequirePolicy('read', 'Case')
  @ApiOperation({
    summary:
      'Readable cases with a finalised assessment: latest month, level, trend and rating per factor; highest level first',
  })
  @ApiOkResponse({ type: HeatMapResponse })
  heatMap(@Ctx() ctx: RequestContext): Promise<HeatMapResponse> {
    return this.overview.heatMap(ctx);
  }

  @Get('cases/:id/evidence-since-assessment')
  @RequirePolicy('read', 'Case')
  @ApiOperation({
    summary:
      'Per factor, readable information linked to the case since its latest finalised assessment',
  })
  @ApiOkResponse({ type: EvidenceSinceResponse })
  evidenceSince(
    @Ctx() ctx: RequestContext,
    @Param('id') id: string,
  ): Promise<EvidenceSinceResponse> {
    return this.overview.evidenceSince(ctx, id);
  }
}
