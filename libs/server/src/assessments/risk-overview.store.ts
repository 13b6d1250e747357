import type { RiskLevel, RiskTrend, Stage } from '@vigil/domain';
import { abilityToSql } from '../authorization/rules-to-sql.js';
import { CASE_SQL_FIELDS } from '../cases/case.store.js';
import type { RequestContext } from '../common/request-context.js';
import { namedQuery, type Db } from '../database/named-query.js';
import { ITEM_SQL_FIELDS } from '../information/item-access.sql.js';

/** Reads across assessments (RiskOverviewService): the heat map and evidence since the last one. */

// The case's latest finalised assessment (status 'finalised': superseded ones were replaced).
const LATEST_FINALISED = `WITH latest AS (SELECT id, finalised_at FROM risk_assessments
  WHERE case_id = $1 AND status = 'finalised' ORDER BY finalised_at DESC LIMIT 1)`;

/** A heat-map line: a case and its standing assessment of the latest month, rated per factor. */
export interface HeatMapSqlRow {
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

/** Per risk factor, how many readable items arrived since the latest finalised assessment. */
export interface EvidenceSinceRow {
  factor: number;
  short_name: string;
  new_items: number;
  latest_at: Date | null;
}

/**
 * Every case the caller may read with a standing finalised assessment (its latest month), highest
 * level first, then by reference; filtered in SQL by the caller's abilities.
 */
export async function heatMapRows(db: Db, context: RequestContext): Promise<HeatMapSqlRow[]> {
  const acl = abilityToSql(context.ability, 'read', 'Case', CASE_SQL_FIELDS);
  return namedQuery<HeatMapSqlRow>(
    db,
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
}

/** The case's latest finalised assessment and when it was finalised, if any. */
export async function latestFinalised(
  db: Db,
  caseId: string,
): Promise<{ id: string; finalised_at: Date } | undefined> {
  const [latest] = (await db.query(`${LATEST_FINALISED} SELECT * FROM latest`, [caseId])) as {
    id: string;
    finalised_at: Date;
  }[];
  return latest;
}

/**
 * Per factor, the items linked to the case since its latest finalised assessment (all when there
 * is none), tagged with that factor's indicators, that the caller may read. An item counts from
 * when it was recorded or linked, whichever is later. The cut-off stays in SQL: a JavaScript Date
 * would drop its microseconds.
 */
export async function evidenceSinceRows(
  db: Db,
  context: RequestContext,
  caseId: string,
): Promise<EvidenceSinceRow[]> {
  const acl = abilityToSql(context.ability, 'read', 'InformationItem', ITEM_SQL_FIELDS);
  return namedQuery<EvidenceSinceRow>(
    db,
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
}

/** The Framework's risk factors, by number. */
export async function riskFactors(db: Db): Promise<{ number: number; short_name: string }[]> {
  return (await db.query('SELECT number, short_name FROM risk_factors ORDER BY number')) as {
    number: number;
    short_name: string;
  }[];
}
