import { jest } from '@jest/globals';
import { RABAT_PARTS } from '@vigil/domain';
import { WorkflowFactsProvider } from '@vigil/server';
import type { Response } from 'supertest';
import type { Session, TestApi } from '../support/api.js';
import { ALL_FACTORS, rateAll } from '../support/assessments.js';
import { ALL_FACTS } from '../support/cases.js';
import { appendContent, paragraph } from '../support/documents.js';
import { buildOrganisation, buildUser, testPool } from '../support/factories.js';
import { itemInput } from '../support/information.js';
import { recommendationInput } from '../support/recommendations.js';
import type { Cast } from './actors.js';

/** The two case states every case-scoped route is called against. */
export const CASE_STATES = ['confidential-shared', 'unclassified'] as const;
export type CaseState = (typeof CASE_STATES)[number];

/** The api, the cast and every id the fixtures created (for picking our rows out of lists). */
export interface Ctx {
  api: TestApi;
  cast: Cast;
  known: Set<string>;
}

/** Fails the run unless `res` has `status`; returns its body. */
export function expectOk<T = { id: string; version: number }>(
  res: Response,
  status: number,
  what: string,
): T {
  if (res.status !== status)
    throw new Error(`fixture ${what}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as T;
}

/** Every workflow guard satisfied, so escalations are refused only by authorization. */
export function satisfyWorkflowGuards(api: TestApi): void {
  const provider = api.app.get(WorkflowFactsProvider, { strict: false });
  jest.spyOn(provider, 'load').mockImplementation(() => Promise.resolve(ALL_FACTS));
}

function post(ctx: Ctx, s: Session, path: string, body: object = {}) {
  return ctx.api.http().post(path).set(s.auth()).send(body);
}

function remember<T extends { id: string }>(ctx: Ctx, body: T): T {
  ctx.known.add(body.id);
  return body;
}

/** A case led by analyst-lead with analyst-member as member; shared when the state says so. */
export async function freshCase(ctx: Ctx, state: CaseState): Promise<string> {
  const { lead, adviser, member } = ctx.cast;
  const created = remember(
    ctx,
    expectOk(
      await post(ctx, lead, '/api/cases', {
        title: `Matrix situation ${state}`,
        country: 'KEN',
        summary: 'Reports of targeted attacks.',
        classification: state === 'unclassified' ? 'unclassified' : 'confidential',
      }),
      201,
      'case',
    ),
  );
  expectOk(
    await post(ctx, lead, `/api/cases/${created.id}/members`, {
      userId: member.user.id,
      role: 'analyst',
    }),
    201,
    'member',
  );
  if (state === 'confidential-shared')
    expectOk(
      await post(ctx, adviser, `/api/cases/${created.id}/priority`, { shared: true }),
      200,
      'share',
    );
  return created.id;
}

/** The case's current optimistic-lock version. */
export async function caseVersion(ctx: Ctx, caseId: string): Promise<number> {
  const res = await ctx.api.http().get(`/api/cases/${caseId}`).set(ctx.cast.lead.auth());
  return expectOk<{ version: number }>(res, 200, 'read case').version;
}

/** A pending escalation to alert proposed by the lead on a fresh case. */
export async function freshEscalation(ctx: Ctx, state: CaseState) {
  const caseId = await freshCase(ctx, state);
  const esc = expectOk(
    await post(ctx, ctx.cast.lead, `/api/cases/${caseId}/escalations`, {
      toStage: 'alert',
      justification: 'Risk factors deteriorated.',
    }),
    201,
    'escalation',
  );
  return { caseId, id: remember(ctx, esc).id };
}

/** A fresh case closed through the workflow (lead proposes, adviser approves). */
export async function freshClosedCase(ctx: Ctx, state: CaseState): Promise<string> {
  const caseId = await freshCase(ctx, state);
  const esc = expectOk(
    await post(ctx, ctx.cast.lead, `/api/cases/${caseId}/escalations`, {
      toStage: 'closed',
      justification: 'Situation resolved.',
    }),
    201,
    'close proposal',
  );
  expectOk(await post(ctx, ctx.cast.adviser, `/api/escalations/${esc.id}/approve`), 200, 'close');
  return caseId;
}

/** A valid assessment body rating every factor. */
export function assessmentInput() {
  return {
    crimeTypes: ['genocide', 'crimes_against_humanity', 'war_crimes'],
    ratings: rateAll(ALL_FACTORS, 1),
    overallLevel: 'moderate',
    summary: 'Matrix assessment.',
  };
}

/** A draft (or finalised) assessment on a fresh case (one draft per case and month). */
export async function freshAssessment(ctx: Ctx, state: CaseState, finalised = false) {
  const caseId = await freshCase(ctx, state);
  const a = remember(
    ctx,
    expectOk(
      await post(ctx, ctx.cast.lead, `/api/cases/${caseId}/assessments`, assessmentInput()),
      201,
      'assessment',
    ),
  );
  if (finalised)
    expectOk(await post(ctx, ctx.cast.adviser, `/api/assessments/${a.id}/finalise`), 200, 'final');
  return { caseId, id: a.id, version: a.version };
}

/** The four steps of a document's review, in order, and who takes them. */
const DOCUMENT_STEPS = [
  ['submit', 'lead', {}],
  ['approve', 'adviser', {}],
  ['transmit', 'adviser', { recipient: 'Executive Office of the Secretary-General' }],
] as const;
export type DocumentStatus = 'drafting' | 'in_review' | 'approved' | 'transmitted';

/** A document on `caseId` with some content, taken to `status`. */
export async function freshDocument(ctx: Ctx, caseId: string, status: DocumentStatus) {
  const { lead } = ctx.cast;
  const doc = remember(
    ctx,
    expectOk(
      await post(ctx, lead, `/api/cases/${caseId}/documents`, {
        kind: 'advice_to_sg',
        title: 'Matrix advice',
      }),
      201,
      'document',
    ),
  );
  await appendContent(ctx.api, doc.id, lead.user.id, [paragraph('The risk is rising.')]);
  const stop = ['drafting', 'in_review', 'approved', 'transmitted'].indexOf(status);
  for (const [step, who, body] of DOCUMENT_STEPS.slice(0, stop)) {
    const s = who === 'lead' ? lead : ctx.cast.adviser;
    expectOk(await post(ctx, s, `/api/documents/${doc.id}/${step}`, body), 200, step);
  }
  return { id: doc.id };
}

/** A recommendation on `caseId` taken to `status` by the adviser. */
export async function freshRecommendation(
  ctx: Ctx,
  caseId: string,
  status: 'draft' | 'approved' | 'transmitted',
) {
  const rec = remember(
    ctx,
    expectOk(
      await post(ctx, ctx.cast.lead, `/api/cases/${caseId}/recommendations`, recommendationInput()),
      201,
      'recommendation',
    ),
  );
  const steps =
    status === 'draft' ? [] : status === 'approved' ? ['approve'] : ['approve', 'transmit'];
  for (const step of steps)
    expectOk(
      await post(ctx, ctx.cast.adviser, `/api/recommendations/${rec.id}/${step}`),
      200,
      step,
    );
  return { id: rec.id, version: rec.version };
}

/** A partner organisation for engagements (never named like a demo organisation). */
export async function partner(): Promise<string> {
  return (await buildOrganisation({ kind: 'regional_org' })).id;
}

/** A valid engagement body. */
export function engagementInput(organisationId: string) {
  return {
    organisationId,
    kind: 'meeting',
    date: '2026-01-15',
    summary: 'Briefed the regional envoy.',
    followUpDue: '2026-02-01',
  };
}

/** An engagement on `caseId`. */
export async function freshEngagement(ctx: Ctx, caseId: string, organisationId: string) {
  const e = expectOk(
    await post(
      ctx,
      ctx.cast.lead,
      `/api/cases/${caseId}/engagements`,
      engagementInput(organisationId),
    ),
    201,
    'engagement',
  );
  return remember(ctx, e);
}

/** A comment by the lead in `thread` of `caseId`. */
export async function freshComment(
  ctx: Ctx,
  caseId: string,
  thread: 'internal' | 'framework_team',
) {
  const c = expectOk(
    await post(ctx, ctx.cast.lead, `/api/cases/${caseId}/comments`, {
      thread,
      body: 'Matrix comment.',
    }),
    201,
    'comment',
  );
  return remember(ctx, c);
}

/** A source recorded by the lead. */
export async function freshSource(ctx: Ctx) {
  const s = expectOk<{ id: string; version: number; name: string }>(
    await post(ctx, ctx.cast.lead, '/api/sources', {
      name: `Matrix monitor ${ctx.known.size}`,
      kind: 'civil_society',
      reliability: 'B',
      contactNotes: 'Through the regional office.',
    }),
    201,
    'source',
  );
  return remember(ctx, s);
}

/** An item by the lead citing `sourceId`, linked to `caseId`, classified as the case's state. */
export async function freshItem(
  ctx: Ctx,
  state: CaseState,
  caseId: string,
  sourceId: string,
  overrides: Record<string, unknown> = {},
) {
  const classification = state === 'unclassified' ? 'unclassified' : 'confidential';
  const item = expectOk(
    await post(
      ctx,
      ctx.cast.lead,
      '/api/information-items',
      itemInput(sourceId, { classification, caseIds: [caseId], ...overrides }),
    ),
    201,
    'item',
  );
  return remember(ctx, item);
}

/** A valid Rabat assessment body. */
export function speechInput() {
  return {
    speaker: 'Regional governor',
    targetGroup: 'Masalit civilians',
    parts: RABAT_PARTS.map((part) => ({ part, met: false, note: '' })),
  };
}

/** A user in the Office (a target for the admin routes and for membership). */
export async function freshUser(ctx: Ctx) {
  const u = await buildUser({ roles: ['analyst'], organisationId: ctx.cast.officeId });
  ctx.known.add(u.id);
  return u;
}

/** A notification of the lead about `caseId`, written straight to the table. */
export async function leadNotification(ctx: Ctx, caseId: string): Promise<string> {
  const { rows } = await testPool().query<{ id: string }>(
    `INSERT INTO notifications (user_id, type, case_id, payload) VALUES ($1, 'mention', $2, '{}')
     RETURNING id`,
    [ctx.cast.lead.user.id, caseId],
  );
  const id = rows[0]?.id ?? '';
  ctx.known.add(id);
  return id;
}
