import type { Response } from 'supertest';
import type { HttpApi, Session, TestApi } from './api.js';
import type { ErrorBody } from './http.js';
import { testPool } from './factories.js';
import { seedSource } from './sources.js';

/** A rating as sent and answered. */
export interface RatingBody {
  factor: number;
  rating: number;
  confidence: string;
  rationale?: string;
  evidenceItemIds?: string[];
  indicatorIds?: string[];
}

/** An assessment as the API answers it. */
export interface AssessmentBody {
  id: string;
  caseId: string;
  period: string;
  status: 'draft' | 'finalised' | 'superseded';
  crimeTypes: string[];
  applicableFactors: number[];
  ratings: Required<RatingBody>[];
  overallLevel: string | null;
  computedLevel: string;
  computedReasons: string[];
  trend: string | null;
  flags: string[];
  summary: string;
  supersedesId: string | null;
  version: number;
  createdBy: { id: string; displayName: string };
  finalisedBy: { id: string; displayName: string } | null;
  finalisedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** The month `n` months before this one, `YYYY-MM` (UTC). */
export function monthsAgo(n: number): string {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - n, 1))
    .toISOString()
    .slice(0, 7);
}

/** A rating for each factor, `rating` unless `overrides` says otherwise. */
export function rateAll(
  factors: readonly number[],
  rating = 1,
  overrides: Record<number, number> = {},
): RatingBody[] {
  return factors.map((factor) => ({
    factor,
    rating: overrides[factor] ?? rating,
    confidence: 'medium',
    rationale: `Rationale for RF${factor}.`,
  }));
}

/** The 14 factor numbers; 1–8 (common) and with crime types as named. */
export const ALL_FACTORS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14];
export const GENOCIDE_FACTORS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

/** POST /api/cases/:id/assessments as `s`. */
export function postAssessment(
  api: HttpApi,
  s: Session,
  caseId: string,
  body: Record<string, unknown>,
): Promise<Response> {
  return api.http().post(`/api/cases/${caseId}/assessments`).set(s.auth()).send(body);
}

/** A draft, then finalised by `adviser`; fails the test on any refusal. */
export async function finalisedAssessment(
  api: HttpApi,
  author: Session,
  adviser: Session,
  caseId: string,
  body: Record<string, unknown>,
): Promise<AssessmentBody> {
  const draft = await postAssessment(api, author, caseId, body);
  if (draft.status !== 201)
    throw new Error(`create assessment: ${draft.status} ${JSON.stringify(draft.body)}`);
  const id = (draft.body as AssessmentBody).id;
  const done = await api.http().post(`/api/assessments/${id}/finalise`).set(adviser.auth());
  if (done.status !== 200)
    throw new Error(`finalise assessment: ${done.status} ${JSON.stringify(done.body)}`);
  return done.body as AssessmentBody;
}

/** What a refused write must leave untouched: a case's assessments, ratings, timeline, audit. */
export async function writesOn(caseId: string): Promise<Record<string, number>> {
  const { rows } = await testPool().query<Record<string, number>>(
    `SELECT (SELECT count(*)::int FROM risk_assessments WHERE case_id = $1) AS assessments,
       (SELECT coalesce(sum(version), 0)::int FROM risk_assessments WHERE case_id = $1) AS versions,
       (SELECT count(*)::int FROM risk_factor_ratings r JOIN risk_assessments a ON a.id = r.assessment_id
          WHERE a.case_id = $1) AS ratings,
       (SELECT count(*)::int FROM case_events WHERE case_id = $1) AS events,
       (SELECT count(*)::int FROM audit_log WHERE case_id = $1) AS audit`,
    [caseId],
  );
  return rows[0] ?? {};
}

/** Options of an information item written straight to the database. */
export interface ItemSeed {
  createdBy: string;
  classification?: 'unclassified' | 'confidential' | 'strictly_confidential';
  caseIds?: string[];
  indicatorIds?: string[];
  /** SQL interval before now for created_at (and linked_at), e.g. '2 days'. */
  age?: string;
}

/**
 * An information item with a source, case links and indicator tags, inserted with SQL: these
 * suites must not depend on the items API. Returns the item id.
 */
export async function seedItem(seed: ItemSeed): Promise<string> {
  const pool = testPool();
  const age = seed.age ?? '0 seconds';
  const sourceId = await seedSource({ createdBy: seed.createdBy }, pool);
  const { rows: items } = await pool.query<{ id: string }>(
    `INSERT INTO information_items (title, description, country, event_date, kind, source_id,
       source_reliability, credibility, consent, classification, created_by, created_at, updated_at)
     VALUES ('Reported attack', 'Details.', 'KEN', current_date, 'incident', $1, 'B', 2, 'yes', $2, $3,
       now() - $4::interval, now() - $4::interval)
     RETURNING id`,
    [sourceId, seed.classification ?? 'unclassified', seed.createdBy, age],
  );
  const id = items[0]?.id ?? '';
  for (const caseId of seed.caseIds ?? []) {
    await pool.query(
      `INSERT INTO information_item_cases (item_id, case_id, linked_by, linked_at)
       VALUES ($1, $2, $3, now() - $4::interval)`,
      [id, caseId, seed.createdBy, age],
    );
  }
  for (const indicatorId of seed.indicatorIds ?? []) {
    await pool.query(
      'INSERT INTO information_item_indicators (item_id, indicator_id) VALUES ($1, $2)',
      [id, indicatorId],
    );
  }
  return id;
}

/** An error's message and each field's message, for matching either. */
export function problemText(error: ErrorBody): string {
  const details = Array.isArray(error.details) ? error.details.map((d) => d.message) : [];
  return [error.message, ...details].join(' | ');
}

/** GET /api/cases/:id/evidence-since-assessment: `since`, and new items per factor (non-zero). */
export async function evidenceSince(api: TestApi, s: Session, caseId: string) {
  const res = await api.http().get(`/api/cases/${caseId}/evidence-since-assessment`).set(s.auth());
  if (res.status !== 200) throw new Error(`evidence since: ${res.status}`);
  const body = res.body as {
    since: string | null;
    items: { factor: number; shortName: string; newItems: number; latestItemAt: string | null }[];
  };
  const counted = body.items.filter((i) => i.newItems > 0);
  return { ...body, byFactor: Object.fromEntries(counted.map((i) => [i.factor, i.newItems])) };
}

/** A heat-map row as answered. */
export interface HeatMapRowBody {
  caseId: string;
  reference: string;
  title: string;
  country: string;
  stage: string;
  overallLevel: string;
  trend: string | null;
  period: string;
  ratings: Record<string, number>;
}

/** GET /api/risk/heat-map as `s`, keeping only the rows of `caseIds` (other suites share the database). */
export async function heatMap(api: TestApi, s: Session, caseIds: string[]) {
  const res = await api.http().get('/api/risk/heat-map').set(s.auth());
  if (res.status !== 200) throw new Error(`heat map: ${res.status}`);
  const body = res.body as {
    factors: { factor: number; shortName: string }[];
    items: HeatMapRowBody[];
  };
  return { ...body, items: body.items.filter((i) => caseIds.includes(i.caseId)) };
}
