import type { Response } from 'supertest';
import { signIn, startTestApi, type Session, type TestApi } from '../support/api.js';
import { buildUser, testPool } from '../support/factories.js';
import { castActors } from './actors.js';
import {
  expectOk,
  freshCase,
  freshComment,
  freshDocument,
  freshEngagement,
  freshItem,
  freshRecommendation,
  freshSource,
  partner,
  assessmentInput,
  satisfyWorkflowGuards,
  type Ctx,
} from './fixtures.js';
import { recommendationInput } from '../support/recommendations.js';
import { itemInput } from '../support/information.js';

import { expect } from '@jest/globals';

/** Two situations A and B and the people around them, for swapping ids across them. */
export interface SwapWorld {
  api: TestApi;
  ctx: Ctx;
  otherLead: Session;
  A: SwapA;
  B: SwapB;
}
let api: TestApi;
let ctx: Ctx;
/** Lead of case B only: works a confidential situation, but not A. */
let otherLead: Session;
type SwapA = Record<
  | 'caseId'
  | 'commentId'
  | 'recId'
  | 'engagementId'
  | 'documentId'
  | 'itemId'
  | 'sourceId'
  | 'assessmentId'
  | 'escalationId'
  | 'attachmentId',
  string
>;
type SwapB = Record<'caseId' | 'itemId' | 'recId', string>;
let A: SwapA;
let B: SwapB;

/** Builds A (led by analyst-lead, confidential, shared) and B (led by someone else). */
export async function buildSwapWorld(): Promise<SwapWorld> {
  A = {} as SwapA;
  B = {} as SwapB;
  api = await startTestApi({ WRITE_RATE_LIMIT: '100000' });
  satisfyWorkflowGuards(api);
  ctx = { api, cast: await castActors(api), known: new Set() };
  const { lead } = ctx.cast;
  A.caseId = await freshCase(ctx, 'confidential-shared');
  A.commentId = (await freshComment(ctx, A.caseId, 'internal')).id;
  A.recId = (await freshRecommendation(ctx, A.caseId, 'draft')).id;
  A.engagementId = (await freshEngagement(ctx, A.caseId, await partner())).id;
  A.documentId = (await freshDocument(ctx, A.caseId, 'drafting')).id;
  A.sourceId = (await freshSource(ctx)).id;
  A.itemId = (await freshItem(ctx, 'confidential-shared', A.caseId, A.sourceId)).id;
  const post = (s: Session, path: string, body: object) =>
    api.http().post(path).set(s.auth()).send(body);
  A.assessmentId = expectOk(
    await post(lead, `/api/cases/${A.caseId}/assessments`, assessmentInput()),
    201,
    'assessment',
  ).id;
  A.escalationId = expectOk(
    await post(lead, `/api/cases/${A.caseId}/escalations`, {
      toStage: 'alert',
      justification: 'Rising risk.',
    }),
    201,
    'escalation',
  ).id;
  A.attachmentId = expectOk(
    await api
      .http()
      .post(`/api/information-items/${A.itemId}/attachments`)
      .set(lead.auth())
      .attach('file', Buffer.from('notes\n'), { filename: 'a.txt', contentType: 'text/plain' }),
    201,
    'attachment',
  ).id;
  // B: a confidential situation led by someone else, with the lead of A as a member (for the
  // path swaps the lead of both makes).
  otherLead = await signIn(
    api,
    await buildUser({ roles: ['analyst'], clearance: 'strictly_confidential' }),
  );
  const b = expectOk(
    await post(otherLead, '/api/cases', {
      title: 'Matrix B',
      country: 'UGA',
      summary: 'B.',
      classification: 'confidential',
    }),
    201,
    'case B',
  );
  B.caseId = b.id;
  expectOk(
    await post(otherLead, `/api/cases/${B.caseId}/members`, {
      userId: lead.user.id,
      role: 'analyst',
    }),
    201,
    'member of B',
  );
  const sourceB = expectOk(
    await post(otherLead, '/api/sources', { name: 'B monitor', kind: 'media', reliability: 'C' }),
    201,
    'source B',
  );
  B.itemId = expectOk(
    await post(
      otherLead,
      '/api/information-items',
      itemInput(sourceB.id, { classification: 'confidential', caseIds: [B.caseId] }),
    ),
    201,
    'item B',
  ).id;
  B.recId = expectOk(
    await post(otherLead, `/api/cases/${B.caseId}/recommendations`, recommendationInput()),
    201,
    'rec B',
  ).id;
  return { api, ctx, otherLead, A, B };
}

/** Everything stored about the two situations, as one fingerprint (any write changes it). */
export async function fingerprint(): Promise<string> {
  const ids = [A.caseId, B.caseId];
  const table = (name: string, where: string) =>
    `(SELECT md5(coalesce(json_agg(t ORDER BY t::text)::text, '')) FROM ${name} t WHERE ${where})`;
  const { rows } = await testPool().query<{ f: string }>(
    `SELECT concat_ws('|', ${[
      table('cases', 'id = ANY($1)'),
      table('case_members', 'case_id = ANY($1)'),
      table('comments', 'case_id = ANY($1)'),
      table('recommendations', 'case_id = ANY($1)'),
      table('engagements', 'case_id = ANY($1)'),
      table('documents', 'case_id = ANY($1)'),
      table('risk_assessments', 'case_id = ANY($1)'),
      table('escalation_requests', 'case_id = ANY($1)'),
      table('information_item_cases', 'case_id = ANY($1)'),
      table('information_items', 'id = ANY($2)'),
      table('information_item_attachments', 'item_id = ANY($2)'),
      '(SELECT count(*)::text FROM audit_log WHERE case_id = ANY($1))',
    ].join(', ')}) AS f`,
    [ids, [A.itemId, B.itemId]],
  );
  return rows[0]?.f ?? '';
}

/** Sends each call; every status must be one of `allowed`, and nothing stored may change. */
export async function refusedAndUnchanged(
  calls: [string, () => Promise<Response>][],
  allowed: number[],
) {
  const before = await fingerprint();
  const got: string[] = [];
  for (const [what, call] of calls) {
    const res = await call();
    if (!allowed.includes(res.status))
      got.push(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
  }
  expect(got).toEqual([]);
  expect(await fingerprint()).toBe(before);
}
