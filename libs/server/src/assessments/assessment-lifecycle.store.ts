import type { RiskLevel, RiskTrend } from '@vigil/domain';
import type { EntityManager } from 'typeorm';
import { queryRows } from '../database/named-query.js';
import type { AssessmentRow } from './assessment.store.js';

/**
 * Statements of finalising and superseding (AssessmentLifecycleService): the standing assessment
 * of a month, the trend against the month before, and the case's risk level. Each runs in the
 * caller's transaction, which has locked the case row and then the assessment.
 */

/** The overall level of the case's standing assessment of the latest month before `period`. */
export async function previousFinalisedLevel(
  m: EntityManager,
  caseId: string,
  period: string,
): Promise<RiskLevel | null> {
  const [previous] = (await m.query(
    `SELECT overall_level FROM risk_assessments
         WHERE case_id = $1 AND status = 'finalised' AND period < $2 ORDER BY period DESC LIMIT 1`,
    [caseId, period],
  )) as { overall_level: RiskLevel }[];
  return previous?.overall_level ?? null;
}

/** Marks the month's standing (finalised) assessment superseded; returns its id, if there was one. */
export async function supersedeStanding(
  m: EntityManager,
  caseId: string,
  period: string,
): Promise<string | null> {
  const [superseded] = await queryRows<{ id: string }>(
    m,
    `UPDATE risk_assessments SET status = 'superseded', updated_at = now()
         WHERE case_id = $1 AND period = $2 AND status = 'finalised' RETURNING id`,
    [caseId, period],
  );
  return superseded?.id ?? null;
}

/** Marks a draft finalised by `userId`, with its trend and computed level; bumps its version. */
export async function markFinalised(
  m: EntityManager,
  id: string,
  userId: string,
  trend: RiskTrend | null,
  computedLevel: RiskLevel,
): Promise<void> {
  await m.query(
    `UPDATE risk_assessments SET status = 'finalised', finalised_by = $2, finalised_at = now(),
           trend = $3, computed_level = $4, version = version + 1, updated_by = $2, updated_at = now()
         WHERE id = $1`,
    [id, userId, trend, computedLevel],
  );
}

/** Inserts a new draft revising the finalised `row` (same month, its fields); returns its id. */
export async function insertRevision(
  m: EntityManager,
  row: AssessmentRow,
  computedLevel: RiskLevel,
  userId: string,
): Promise<string> {
  const [created] = (await m.query(
    `INSERT INTO risk_assessments (case_id, period, crime_types, overall_level, computed_level, flags, summary, supersedes_id, created_by, updated_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) RETURNING id`,
    [
      row.case_id,
      row.period,
      row.crime_types,
      row.overall_level,
      computedLevel,
      row.flags,
      row.summary,
      row.id,
      userId,
    ],
  )) as { id: string }[];
  if (!created) throw new Error('insert returned no row');
  return created.id;
}

/** Whether the case has a finalised assessment of a month after `period`. */
export async function hasLaterFinalised(
  m: EntityManager,
  caseId: string,
  period: string,
): Promise<boolean> {
  const later = (await m.query(
    `SELECT 1 FROM risk_assessments WHERE case_id = $1 AND status = 'finalised' AND period > $2 LIMIT 1`,
    [caseId, period],
  )) as unknown[];
  return later.length > 0;
}

/** Sets the case's risk level and trend (not a case edit: its version stays). */
export async function setCaseRisk(
  m: EntityManager,
  caseId: string,
  level: RiskLevel,
  trend: RiskTrend | null,
): Promise<void> {
  await m.query('UPDATE cases SET risk_level = $2, risk_trend = $3 WHERE id = $1', [
    caseId,
    level,
    trend,
  ]);
}
