import { Controller } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Ctx, type RequestContext } from '../common/request-context.js';
import { EvidenceSinceResponse, HeatMapResponse } from './dto/assessment.response.js';
import { RiskOverviewService } from './risk-overview.service.js';
import { Route } from '../authorization/route.decorator.js';
import { IdParam } from '../common/id-param.js';

@ApiTags('assessments')
@ApiBearerAuth()
@Controller()
export class RiskOverviewController {
  constructor(private readonly overview: RiskOverviewService) {}

  @Route('GET', 'risk/heat-map', {
    access: ['read', 'Case'],
    summary:
      'Readable cases with a finalised assessment: latest month, level, trend and rating per factor; highest level first',
    answers: HeatMapResponse,
  })
  heatMap(@Ctx() ctx: RequestContext): Promise<HeatMapResponse> {
    return this.overview.heatMap(ctx);
  }

  @Route('GET', 'cases/:id/evidence-since-assessment', {
    access: ['read', 'Case'],
    summary:
      'Per factor, readable information linked to the case since its latest finalised assessment',
    answers: EvidenceSinceResponse,
  })
  evidenceSince(@Ctx() ctx: RequestContext, @IdParam() id: string): Promise<EvidenceSinceResponse> {
    return this.overview.evidenceSince(ctx, id);
  }
}
