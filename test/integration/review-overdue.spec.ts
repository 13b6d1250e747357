import type { INestApplicationContext } from '@nestjs/common';
import type { WorkflowFacts } from '@vigil/domain';
import { ReviewOverdueJob } from '@vigil/server';
import { createWorker } from '../../apps/worker/src/create-worker.js';
import { sessionFor, startTestApi, type Session, type TestApi } from '../support/api.js';
import { ALL_FACTS, openCase, supplyFacts } from '../support/cases.js';
import { buildUser, closeTestPool, testPool } from '../support/factories.js';
import { testConfig } from '../support/test-config.js';
import { decideOn, proposeMove, type EscalationBody } from '../support/workflow-helpers.js';

let api: TestApi;
let worker: INestApplicationContext;
let job: ReviewOverdueJob;
let facts: Map<string, WorkflowFacts>;
let lead: Session;
let adviser: Session;
let adviser2: Session;
let lowAdviser: Session;
let memberAnalyst: Session;

const DAY = 86_400_000;

beforeAll(async () => {
  api = await startTestApi();
  facts = supplyFacts(api);
  worker = await createWorker(testConfig());
  job = worker.get(ReviewOverdueJob);
  lead = await sessionFor(api, { roles: ['analyst'], clearance: 'strictly_confidential' });
  adviser = await sessionFor(api, { roles: ['adviser'], clearance: 'strictly_confidential' });
  adviser2 = await sessionFor(api, { roles: ['adviser'], clearance: 'strictly_confidential' });
  lowAdviser = await sessionFor(api, { roles: ['adviser'], clearance: 'confidential' });
  memberAnalyst = await sessionFor(api, { roles: ['analyst'], clearance: 'strictly_confidential' });
});

afterAll(async () => {
  await worker.close();
  await api.close();
  await closeTestPool();
});

interface NotificationBody {
  id: string;
  type: string;
  caseId: string | null;
  payload: Record<string, unknown>;
  readAt: string | null;
}

/** `s`'s review.overdue notifications about `caseId` (through their own list). */
async function overdueNotes(s: Session, caseId: string): Promise<NotificationBody[]> {
  const res = await api.http().get('/api/notifications').query({ limit: '100' }).set(s.auth());
  expect(res.status).toBe(200);
  return (res.body as { items: NotificationBody[] }).items.filter(
    (n) => n.caseId === caseId && n.type === 'review.overdue',
  );
}

async function makeOverdue(caseId: string): Promise<Date> {
  const { rows } = await testPool().query<{ next_review_due: Date }>(
    `UPDATE cases SET next_review_due = now() - interval '2 days' WHERE id = $1 RETURNING next_review_due`,
    [caseId],
  );
  const due = rows[0]?.next_review_due;
  if (!due) throw new Error('no such case');
  return due;
}

async function caseBody(s: Session, caseId: string) {
  const res = await api.http().get(`/api/cases/${caseId}`).set(s.auth());
  expect(res.status).toBe(200);
  return res.body as { stage: string; nextReviewDue: string | null; reviewOverdue: boolean };
}

/** Asserts `iso` is about `days` days from now. */
function expectDueIn(iso: string | null, days: number): void {
  expect(iso).not.toBeNull();
  const delta = new Date(iso ?? 0).getTime() - (Date.now() + days * DAY);
  expect(Math.abs(delta)).toBeLessThan(60_000);
}

async function overdueListIds(s: Session): Promise<string[]> {
  const res = await api
    .http()
    .get('/api/cases')
    .query({ overdue: 'true', leadAnalystId: lead.user.id, limit: '100' })
    .set(s.auth());
  expect(res.status).toBe(200);
  return (res.body as { items: { id: string }[] }).items.map((c) => c.id);
}

describe('review-overdue job', () => {
  it('notifies the lead analyst and every active cleared adviser once, then nothing after the review', async () => {
    const c = await openCase(api, lead, { classification: 'strictly_confidential' });
    const added = await api
      .http()
      .post(`/api/cases/${c.id}/members`)
      .set(lead.auth())
      .send({ userId: memberAnalyst.user.id, role: 'analyst' });
    expect(added.status).toBe(201);
    const inactiveAdviser = await buildUser({
      roles: ['adviser'],
      clearance: 'strictly_confidential',
      active: false,
    });
    expect((await caseBody(lead, c.id)).reviewOverdue).toBe(false);
    const due = await makeOverdue(c.id);
    expect(await caseBody(lead, c.id)).toMatchObject({
      reviewOverdue: true,
      nextReviewDue: due.toISOString(),
    });
    expect(await overdueListIds(lead)).toEqual([c.id]);

    const first = await job.run();
    expect(first.overdueCases).toBeGreaterThanOrEqual(1);
    expect(first.notified).toBeGreaterThanOrEqual(3);

    for (const s of [lead, adviser, adviser2]) {
      const notes = await overdueNotes(s, c.id);
      expect(notes).toHaveLength(1);
      expect(notes[0]).toMatchObject({
        type: 'review.overdue',
        caseId: c.id,
        readAt: null,
        payload: {
          reference: c.reference,
          title: 'Situation under watch',
          nextReviewDue: due.toISOString(),
        },
      });
    }
    expect(await overdueNotes(lowAdviser, c.id)).toEqual([]);
    expect(await overdueNotes(memberAnalyst, c.id)).toEqual([]);
    const { rows: inactive } = await testPool().query(
      'SELECT 1 FROM notifications WHERE user_id = $1',
      [inactiveAdviser.id],
    );
    expect(inactive).toHaveLength(0);

    // A second run adds nothing for this due date.
    await job.run();
    for (const s of [lead, adviser, adviser2]) expect(await overdueNotes(s, c.id)).toHaveLength(1);
    const { rows: audited } = await testPool().query<{ n: number; notified: number }>(
      `SELECT count(*)::int AS n, max((diff->>'notified')::int) AS notified FROM audit_log
       WHERE action = 'case.review_overdue_notified' AND entity_id = $1`,
      [c.id],
    );
    expect(audited[0]?.n).toBe(1);
    expect(audited[0]?.notified).toBeGreaterThanOrEqual(3);

    // Recording the review resets the clock: 90 days in monitoring, no longer flagged.
    const reviewed = await api
      .http()
      .post(`/api/cases/${c.id}/reviews`)
      .set(lead.auth())
      .send({ note: 'Quarterly review done.' });
    expect(reviewed.status).toBe(200);
    expect(reviewed.body).toMatchObject({ stage: 'monitoring', subState: 'steady' });
    expectDueIn((reviewed.body as { nextReviewDue: string | null }).nextReviewDue, 90);
    const after = await caseBody(lead, c.id);
    expect(after.reviewOverdue).toBe(false);
    expectDueIn(after.nextReviewDue, 90);
    expect(await overdueListIds(lead)).toEqual([]);
    const { rows: flagged } = await testPool().query(
      `SELECT 1 FROM cases WHERE id = $1 AND stage <> 'closed' AND next_review_due < now()`,
      [c.id],
    );
    expect(flagged).toHaveLength(0);
    await job.run();
    for (const s of [lead, adviser, adviser2]) expect(await overdueNotes(s, c.id)).toHaveLength(1);

    const timeline = await api.http().get(`/api/cases/${c.id}/events`).set(lead.auth());
    const last = (
      timeline.body as { items: { type: string; payload: Record<string, unknown> }[] }
    ).items.at(-1);
    expect(last).toMatchObject({
      type: 'case.reviewed',
      payload: { note: 'Quarterly review done.' },
    });
  });

  it('a review needs a note and the review right: empty note 400, Framework Team 404', async () => {
    const c = await openCase(api, lead);
    const empty = await api
      .http()
      .post(`/api/cases/${c.id}/reviews`)
      .set(lead.auth())
      .send({ note: '   ' });
    expect(empty.status).toBe(400);
    expect(empty.body).toMatchObject({ details: [expect.objectContaining({ field: 'note' })] });
    const ft = await sessionFor(api, {
      roles: ['framework_team'],
      clearance: 'strictly_confidential',
    });
    expect(
      (await api.http().post(`/api/cases/${c.id}/reviews`).set(ft.auth()).send({ note: 'x' }))
        .status,
    ).toBe(404);
  });

  it('RECORD_REVIEW sets the date per stage and every stage change resets it', async () => {
    const c = await openCase(api, lead);
    facts.set(c.id, ALL_FACTS);
    expectDueIn((await caseBody(lead, c.id)).nextReviewDue, 90);

    const expectations: [string, number][] = [
      ['alert', 30],
      ['recommendation', 14],
      ['mobilisation', 7],
    ];
    for (const [stage, days] of expectations) {
      await makeOverdue(c.id);
      const p = await proposeMove(() => api.http(), lead, c.id, stage);
      expect(p.status).toBe(201);
      // A proposal is not a stage change: the overdue date stays.
      expect((await caseBody(lead, c.id)).reviewOverdue).toBe(true);
      const id = (p.body as EscalationBody).id;
      const a1 = await decideOn(() => api.http(), adviser, id, 'approve');
      expect(a1.status).toBe(200);
      if (stage === 'mobilisation') {
        expect((a1.body as EscalationBody).status).toBe('pending');
        expect((await decideOn(() => api.http(), adviser2, id, 'approve')).status).toBe(200);
      }
      const body = await caseBody(lead, c.id);
      expect(body).toMatchObject({ stage, reviewOverdue: false });
      expectDueIn(body.nextReviewDue, days);

      await makeOverdue(c.id);
      const reviewed = await api
        .http()
        .post(`/api/cases/${c.id}/reviews`)
        .set(adviser.auth())
        .send({ note: `Review in ${stage}.` });
      expect(reviewed.status).toBe(200);
      expectDueIn((reviewed.body as { nextReviewDue: string | null }).nextReviewDue, days);
    }

    // De-escalation back to monitoring: 90 days again.
    await makeOverdue(c.id);
    const down = await proposeMove(() => api.http(), lead, c.id, 'monitoring');
    expect(
      (await decideOn(() => api.http(), adviser, (down.body as EscalationBody).id, 'approve')).body,
    ).toMatchObject({ status: 'approved' });
    expectDueIn((await caseBody(lead, c.id)).nextReviewDue, 90);

    // Closing clears the date (a closed case is never overdue); reopening sets monitoring's again.
    const close = await proposeMove(() => api.http(), lead, c.id, 'closed');
    expect(
      (await decideOn(() => api.http(), adviser, (close.body as EscalationBody).id, 'approve'))
        .body,
    ).toMatchObject({ status: 'approved' });
    expect(await caseBody(lead, c.id)).toMatchObject({
      stage: 'closed',
      nextReviewDue: null,
      reviewOverdue: false,
    });
    const closedReview = await api
      .http()
      .post(`/api/cases/${c.id}/reviews`)
      .set(lead.auth())
      .send({ note: 'Too late.' });
    expect(closedReview.status).toBe(409);
    expect(closedReview.body).toMatchObject({ message: 'The case is closed.' });
    const reopened = await api
      .http()
      .post(`/api/cases/${c.id}/reopen`)
      .set(adviser.auth())
      .send({ note: 'New reports.' });
    expect(reopened.status).toBe(200);
    expectDueIn((reopened.body as { nextReviewDue: string | null }).nextReviewDue, 90);
  });
});
