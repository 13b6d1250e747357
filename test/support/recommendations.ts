import type { Response } from 'supertest';
import type { Session, TestApi } from './api.js';
import { testPool } from './factories.js';

/** A recommendation as the API answers it. */
export interface RecommendationBody {
  id: string;
  caseId: string;
  documentId: string | null;
  addresseeKind: string;
  addresseeOrganisation: { id: string; acronym: string; name: string } | null;
  addresseeName: string;
  actionType: string;
  text: string;
  dueDate: string | null;
  status: 'draft' | 'approved' | 'transmitted' | 'implemented' | 'declined';
  nextActions: string[];
  version: number;
  createdBy: { id: string; displayName: string };
  createdAt: string;
  updatedAt: string;
  history?: {
    fromStatus: string | null;
    toStatus: string;
    note: string | null;
    actor: { id: string; displayName: string } | null;
    at: string;
  }[];
}

/** An engagement as the API answers it. */
export interface EngagementBody {
  id: string;
  caseId: string;
  organisation: { id: string; acronym: string; name: string };
  kind: string;
  date: string;
  summary: string;
  outcome: string | null;
  followUpDue: string | null;
  followUpDoneAt: string | null;
  followUpOverdue: boolean;
  version: number;
  createdBy: { id: string; displayName: string };
  createdAt: string;
  updatedAt: string;
}

/** A valid recommendation body, with `overrides`. */
export function recommendationInput(overrides: Record<string, unknown> = {}) {
  return {
    addresseeKind: 'secretary_general',
    addresseeName: 'The Secretary-General',
    actionType: 'public_statement',
    text: 'Speak publicly about the risk of atrocity crimes.',
    ...overrides,
  };
}

/** POST /api/cases/:id/recommendations as `s`. */
export function postRecommendation(
  api: TestApi,
  s: Session,
  caseId: string,
  body: Record<string, unknown> = recommendationInput(),
): Promise<Response> {
  return api.http().post(`/api/cases/${caseId}/recommendations`).set(s.auth()).send(body);
}

/** A draft recommendation on `caseId`; fails the test unless 201. */
export async function draftRecommendation(
  api: TestApi,
  s: Session,
  caseId: string,
  overrides: Record<string, unknown> = {},
): Promise<RecommendationBody> {
  const res = await postRecommendation(api, s, caseId, recommendationInput(overrides));
  if (res.status !== 201)
    throw new Error(`create recommendation: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as RecommendationBody;
}

/** POST /api/recommendations/:id/<step> as `s`. */
export function stepRecommendation(
  api: TestApi,
  s: Session,
  id: string,
  step: 'approve' | 'transmit' | 'implemented' | 'declined',
  note?: string,
): Promise<Response> {
  return api
    .http()
    .post(`/api/recommendations/${id}/${step}`)
    .set(s.auth())
    .send(note === undefined ? {} : { note });
}

/** Moves a recommendation through `steps` as `adviser`; fails the test on any refusal. */
export async function advance(
  api: TestApi,
  adviser: Session,
  id: string,
  ...steps: ('approve' | 'transmit' | 'implemented' | 'declined')[]
): Promise<RecommendationBody> {
  let body: RecommendationBody | null = null;
  for (const step of steps) {
    const res = await stepRecommendation(api, adviser, id, step);
    if (res.status !== 200) throw new Error(`${step}: ${res.status} ${JSON.stringify(res.body)}`);
    body = res.body as RecommendationBody;
  }
  if (!body) throw new Error('no step given');
  return body;
}

/** A document on `caseId`, written with SQL (the documents API is another suite's). */
export async function seedDocument(caseId: string, createdBy: string): Promise<string> {
  const { rows } = await testPool().query<{ id: string }>(
    `INSERT INTO documents (case_id, kind, title, created_by) VALUES ($1, 'advice_to_sg', 'Advice', $2)
     RETURNING id`,
    [caseId, createdBy],
  );
  return rows[0]?.id ?? '';
}

/** What a refused write must leave untouched: recommendations, history, timeline, audit. */
export async function recommendationWrites(caseId: string): Promise<Record<string, number>> {
  const { rows } = await testPool().query<Record<string, number>>(
    `SELECT (SELECT count(*)::int FROM recommendations WHERE case_id = $1) AS recommendations,
       (SELECT coalesce(sum(version), 0)::int FROM recommendations WHERE case_id = $1) AS versions,
       (SELECT count(*)::int FROM recommendation_status_changes h JOIN recommendations r
          ON r.id = h.recommendation_id WHERE r.case_id = $1) AS history,
       (SELECT count(*)::int FROM engagements WHERE case_id = $1) AS engagements,
       (SELECT coalesce(sum(version), 0)::int FROM engagements WHERE case_id = $1) AS engagement_versions,
       (SELECT count(*)::int FROM case_events WHERE case_id = $1) AS events,
       (SELECT count(*)::int FROM audit_log WHERE case_id = $1) AS audit`,
    [caseId],
  );
  return rows[0] ?? {};
}
