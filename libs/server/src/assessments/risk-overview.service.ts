import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { RequestContext } from '../common/request-context.js';
import { CasesService } from '../cases/cases.service.js';
import { countryName } from '../cases/countries.js';
import type {
  EvidenceSinceResponse,
  HeatMapFactor,
  HeatMapResponse,
} from './dto/assessment.response.js';
import {
  evidenceSinceRows,
  heatMapRows,
  latestFinalised,
  riskFactors,
} from './risk-overview.store.js';

/** Views across assessments: the heat map of situations and what arrived since the last one. */
@Injectable()
export class RiskOverviewService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly cases: CasesService,
  ) {}

  /**
   * Every readable case with a standing finalised assessment (its latest month), rated per
   * factor; highest level first, then by reference. Filtered in SQL by the caller's abilities.
   */
  async heatMap(context: RequestContext): Promise<HeatMapResponse> {
    const rows = await heatMapRows(this.db, context);
    return {
      factors: await this.factors(),
      items: rows.map((r) => ({
        caseId: r.case_id,
        assessmentId: r.assessment_id,
        reference: r.reference,
        title: r.title,
        country: r.country,
        countryName: countryName(r.country),
        stage: r.stage,
        overallLevel: r.overall_level,
        trend: r.trend,
        period: r.period,
        ratings: r.ratings,
      })),
    };
  }

  /**
   * Per factor, the information linked to the case since its latest finalised assessment (all of
   * it when there is none) and tagged with that factor's indicators: items you may read only.
   * An item counts from when it was recorded or linked to the case, whichever is later: an old
   * report linked today is new to this case's assessment.
   */
  async evidenceSince(context: RequestContext, caseId: string): Promise<EvidenceSinceResponse> {
    await this.cases.loadCase(this.db.manager, context, caseId);
    const latest = await latestFinalised(this.db, caseId);
    const rows = await evidenceSinceRows(this.db, context, caseId);
    return {
      since: latest?.finalised_at.toISOString() ?? null,
      assessmentId: latest?.id ?? null,
      items: rows.map((r) => ({
        factor: r.factor,
        shortName: r.short_name,
        newItems: r.new_items,
        latestItemAt: r.latest_at?.toISOString() ?? null,
      })),
    };
  }

  private async factors(): Promise<HeatMapFactor[]> {
    const rows = await riskFactors(this.db);
    return rows.map((r) => ({ factor: r.number, shortName: r.short_name }));
  }
}
