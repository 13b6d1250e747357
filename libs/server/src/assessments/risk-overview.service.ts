import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { RiskLevel, RiskTrend, Stage } from '@vigil/domain';
import type { DataSource } from 'typeorm';
import { abilityToSql } from '../authorization/rules-to-sql.js';
import type { RequestContext } from '../common/request-context.js';
import { CASE_SQL_FIELDS } from '../cases/case.store.js';
import { CasesService } from '../cases/cases.service.js';
import { countryName } from '../cases/countries.js';
import { namedQuery } from '../database/named-query.js';
import { ITEM_SQL_FIELDS } from '../information/item-access.js';
import type {
  EvidenceSinceResponse,
  HeatMapFactor,
  HeatMapResponse,
} from './dto/assessment.response.js';

// The case's latest finalised assessment (status 'finalised': superseded ones were replaced).
const LATEST_FINALISED = `WITH latest AS (SELECT id, finalised_at FROM risk_assessments
  WHERE case_id = $1 AND status = 'finalised' ORDER BY finalised_at DESC LIMIT 1)`;

interface HeatMapSqlRow {
  case_id: string;
  assessment_id: string;
  reference: string;
  title: string;
  country: string;
  stage: Stage;
  overall_level: RiskLevel;
  trend: RiskTrend | null;
  period: string;
  ratings: Record<string, number>;
}

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
    const acl = abilityToSql(context.ability, 'read', 'Case', CASE_SQL_FIELDS);
    const rows = await namedQuery<HeatMapSqlRow>(
      this.db,
      `SELECT c.id AS case_id, c.reference, c.title, c.country, c.stage, a.id AS assessment_id,
         a.overall_level, a.trend, a.period,
         (SELECT coalesce(jsonb_object_agg(r.factor::text, r.rating), '{}'::jsonb)
            FROM risk_factor_ratings r WHERE r.assessment_id = a.id) AS ratings
       FROM cases c
       JOIN LATERAL (SELECT ra.id, ra.overall_level, ra.trend, ra.period FROM risk_assessments ra
                     WHERE ra.case_id = c.id AND ra.status = 'finalised'
                     ORDER BY ra.period DESC LIMIT 1) a ON TRUE
       WHERE ${acl.sql}
       ORDER BY array_position(ARRAY['low','moderate','high','very_high'], a.overall_level) DESC,
         c.reference`,
      acl.params,
    );
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
    const [latest] = (await this.db.query(`${LATEST_FINALISED} SELECT * FROM latest`, [
      caseId,
    ])) as { id: string; finalised_at: Date }[];
    const acl = abilityToSql(context.ability, 'read', 'InformationItem', ITEM_SQL_FIELDS);
    // The cut-off stays in SQL: a JavaScript Date would drop its microseconds.
    const rows = await namedQuery<{
      factor: number;
      short_name: string;
      new_items: number;
      latest_at: Date | null;
    }>(
      this.db,
      `${LATEST_FINALISED.replace('$1', ':caseId')}, fresh AS (
         SELECT DISTINCT ind.factor, i.id, greatest(i.created_at, ic.linked_at) AS at
         FROM information_item_cases ic
         JOIN information_items i ON i.id = ic.item_id
         JOIN information_item_indicators ii ON ii.item_id = i.id
         JOIN indicators ind ON ind.id = ii.indicator_id
         WHERE ic.case_id = :caseId
           AND (NOT EXISTS (SELECT 1 FROM latest)
                OR greatest(i.created_at, ic.linked_at) > (SELECT finalised_at FROM latest))
           AND ${acl.sql})
       SELECT f.number AS factor, f.short_name, count(fresh.id)::int AS new_items, max(fresh.at) AS latest_at
       FROM risk_factors f LEFT JOIN fresh ON fresh.factor = f.number
       GROUP BY f.number, f.short_name ORDER BY f.number`,
      { ...acl.params, caseId },
    );
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
    const rows = (await this.db.query(
      'SELECT number, short_name FROM risk_factors ORDER BY number',
    )) as { number: number; short_name: string }[];
    return rows.map((r) => ({ factor: r.number, shortName: r.short_name }));
  }
}
