import type { Db } from '../database/named-query.js';

/** An indicator of a risk factor, as the catalogue lists it. */
export interface IndicatorRow {
  id: string;
  label: string;
  verification: string;
}

/** A risk factor of the Framework of Analysis with its indicators, in the API's field names. */
export interface RiskFactorRow {
  number: number;
  name: string;
  shortName: string;
  scope: string;
  furtherIndicatorsUnverified: boolean;
  indicators: IndicatorRow[];
}

/** The 14 risk factors in order, each with its indicators in catalogue order. */
export async function riskFactors(db: Db): Promise<RiskFactorRow[]> {
  return (await db.query(
    `SELECT f.number, f.name, f.short_name AS "shortName", f.scope,
         f.further_indicators_unverified AS "furtherIndicatorsUnverified",
         COALESCE((SELECT json_agg(json_build_object('id', i.id, 'label', i.label, 'verification', i.verification)
           ORDER BY i.position, i.id) FROM indicators i WHERE i.factor = f.number), '[]'::json) AS indicators
       FROM risk_factors f ORDER BY f.number`,
  )) as RiskFactorRow[];
}
