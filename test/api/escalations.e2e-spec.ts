import { randomUUID } from 'node:crypto';
import type { WorkflowFacts } from '@vigil/domain';
import { sessionFor, type Session, type TestApi } from '../support/api.js';
import { ALL_FACTS, openCase, startWorkflowApi } from '../support/cases.js';
import { closeTestPool, testPool } from '../support/factories.js';
import { auditEntries, expectError } from '../support/http.js';
import {
  allPages,
  decideOn,
  proposeMove,
  type EscalationBody,
} from '../support/workflow-helpers.js';

let api: TestApi;
let facts: Map<string, WorkflowFacts>;
let analyst: Session;
let adviser: Session;
let adviser2: Session;
let admin: Session;
let ft: Session;

beforeAll(async () => {
  ({ api, facts, analyst, adviser, adviser2, admin, ft } = await startWorkflowApi());
});

afterAll(async () => {
  await api.close();
  await closeTestPool();
});

const http = () => api.http();
const testTag = () => randomUUID().slice(0, 8);
const inbox = (s: Session, status: string, limit = '100') =>
  allPages<EscalationBody>(http, s, '/api/escalations', { status, limit });
const workflow = async (s: Session, caseId: string) => {
  const res = await http().get(`/api/cases/${caseId}/workflow`).set(s.auth());
  expect(res.status).toBe(200);
  return res.body as {
    stage: string;
    subState: string;
    allowedEvents: string[];
    proposableStages: string[];
    pendingEscalationId: string | null;
    version: number;
  };
};

describe('the approvals inbox', () => {
  it('pending: oldest first, waitingSeconds ≥ 0, canApprove false on one’s own proposal and true for another adviser', async () => {
    const a = await openCase(api, analyst);
    const b = await openCase(api, analyst);
    facts.set(a.id, ALL_FACTS);
    facts.set(b.id, ALL_FACTS);
    const pa = (await proposeMove(http, analyst, a.id, 'alert')).body as EscalationBody;
    const pb = (await proposeMove(http, adviser, b.id, 'alert')).body as EscalationBody;
    expect(pb).toMatchObject({
      status: 'pending',
      proposedBy: { id: adviser.user.id },
      canApprove: false,
      approvalsRequired: 1,
    });

    const seenBy2 = await inbox(adviser2, 'pending');
    const created = seenBy2.map((e) => e.createdAt);
    expect(created).toEqual([...created].sort());
    const mine2 = seenBy2.filter((e) => e.id === pa.id || e.id === pb.id);
    expect(mine2.map((e) => e.id)).toEqual([pa.id, pb.id]);
    for (const e of mine2) {
      expect(e.waitingSeconds).toBeGreaterThanOrEqual(0);
      expect(e.canApprove).toBe(true);
      expect(e.decidedBy).toBeNull();
    }
    const seenBy1 = (await inbox(adviser, 'pending')).filter(
      (e) => e.id === pa.id || e.id === pb.id,
    );
    expect(seenBy1.map((e) => [e.id, e.canApprove])).toEqual([
      [pa.id, true],
      [pb.id, false],
    ]);
    // The lead analyst sees their own pending proposal but cannot approve anything.
    const seenByAnalyst = (await inbox(analyst, 'pending')).filter(
      (e) => e.id === pa.id || e.id === pb.id,
    );
    expect(seenByAnalyst.map((e) => e.canApprove)).toEqual([false, false]);
    // Framework Team reads no cases, so has no inbox.
    expectError(
      await http().get('/api/escalations').set(ft.auth()),
      403,
      /^Your role does not allow this \(read Case\)\.$/,
    );
    expectError(
      await http().get('/api/escalations').query({ status: 'lost' }).set(adviser.auth()),
      400,
    );
  });

  it('approved: newest first with decidedBy; rejected: decidedBy and note, case back to steady', async () => {
    const a = await openCase(api, analyst);
    const b = await openCase(api, analyst);
    const c = await openCase(api, analyst);
    for (const x of [a, b, c]) facts.set(x.id, ALL_FACTS);
    const pa = (await proposeMove(http, analyst, a.id, 'alert')).body as EscalationBody;
    const pb = (await proposeMove(http, analyst, b.id, 'alert')).body as EscalationBody;
    expect((await decideOn(http, adviser2, pb.id, 'approve', 'Seen.')).status).toBe(200);
    const approvedA = await decideOn(http, adviser, pa.id, 'approve');
    expect(approvedA.body).toMatchObject({
      status: 'approved',
      decidedBy: { id: adviser.user.id },
      decidedAt: expect.any(String),
    });

    const approved = (await inbox(adviser, 'approved')).filter(
      (e) => e.id === pa.id || e.id === pb.id,
    );
    expect(approved.map((e) => e.id)).toEqual([pb.id, pa.id]);
    expect(approved[0]).toMatchObject({
      decidedBy: { id: adviser2.user.id, displayName: adviser2.user.displayName },
      approvals: [
        expect.objectContaining({
          userId: adviser2.user.id,
          email: adviser2.user.email,
          note: 'Seen.',
        }),
      ],
      canApprove: false,
    });

    const pc = (await proposeMove(http, analyst, c.id, 'alert')).body as EscalationBody;
    expect((await workflow(analyst, c.id)).subState).toBe('pending');
    expectError(await decideOn(http, analyst, pc.id, 'reject'), 403);
    const rejected = await decideOn(http, adviser, pc.id, 'reject', 'Evidence too thin.');
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({
      status: 'rejected',
      decidedBy: { id: adviser.user.id },
      decisionNote: 'Evidence too thin.',
      approvals: [],
    });
    expect(await workflow(analyst, c.id)).toMatchObject({
      stage: 'monitoring',
      subState: 'steady',
      pendingEscalationId: null,
    });
    const rejectedList = (await inbox(analyst, 'rejected')).filter((e) => e.id === pc.id);
    expect(rejectedList).toHaveLength(1);
    expect((await inbox(analyst, 'pending')).map((e) => e.id)).not.toContain(pc.id);
    expectError(
      await decideOn(http, adviser2, pc.id, 'approve'),
      409,
      /^This proposal is no longer pending: it was rejected\.$/,
    );

    const timeline = await http().get(`/api/cases/${c.id}/events`).set(analyst.auth());
    expect(
      (timeline.body as { items: { type: string; payload: Record<string, unknown> }[] }).items.map(
        (e) => e.type,
      ),
    ).toEqual(['case.created', 'escalation.proposed', 'escalation.rejected']);
    const actions = (await auditEntries(api, admin, { entity: 'case', entityId: c.id })).map(
      (e) => e.action,
    );
    expect(actions).toEqual(['case.workflow.reject', 'case.workflow.propose', 'case.create']);
    // An administrator who also advises (and so may read the case) sees what changed...
    const auditor = await sessionFor(api, {
      roles: ['admin', 'adviser'],
      clearance: 'strictly_confidential',
    });
    const audit = await auditEntries(api, auditor, { entity: 'case', entityId: a.id });
    expect(audit[0]).toMatchObject({
      action: 'case.workflow.approve',
      actorId: adviser.user.id,
      diff: { from: 'monitoring.pending', to: 'alert.steady' },
      contentWithheld: false,
    });
    // ...an administrator alone sees who did what, not the content (need to know).
    const [plain] = await auditEntries(api, admin, { entity: 'case', entityId: a.id });
    expect(plain).toMatchObject({
      action: 'case.workflow.approve',
      actorId: adviser.user.id,
      diff: {},
      contentWithheld: true,
    });
    expect(plain?.withheldFields).toEqual(expect.arrayContaining(['from', 'to']));
  });

  it('the proposer cannot reject; a withdrawn proposal lists under withdrawn', async () => {
    const c = await openCase(api, analyst);
    const p = (await proposeMove(http, adviser, c.id, 'closed')).body as EscalationBody;
    expect(p).toMatchObject({ toStage: 'closed', approvalsRequired: 1 });
    expectError(
      await decideOn(http, adviser, p.id, 'reject'),
      409,
      /^You cannot reject your own proposal; withdraw it instead\.$/,
    );
    expectError(
      await decideOn(http, adviser2, p.id, 'withdraw'),
      403,
      /^Only the proposer can withdraw a proposal\.$/,
    );
    expect(
      (await decideOn(http, adviser, p.id, 'withdraw', 'Changed my mind.')).body,
    ).toMatchObject({ status: 'withdrawn', decisionNote: 'Changed my mind.' });
    expect((await inbox(adviser, 'withdrawn')).filter((e) => e.id === p.id)).toHaveLength(1);
  });

  it('two approvers with one display name are told apart by their account (e-mail)', async () => {
    // Display names are unique per organisation only: two people of one name can exist.
    const name = `Lena Okafor ${testTag()}`;
    const [first, second] = await Promise.all(
      [0, 1].map(() =>
        sessionFor(api, {
          roles: ['adviser'],
          clearance: 'strictly_confidential',
          displayName: name,
        }),
      ),
    );
    if (!first || !second) throw new Error('no advisers');
    const c = await openCase(api, analyst);
    facts.set(c.id, ALL_FACTS);
    for (const stage of ['alert', 'recommendation']) {
      const p = (await proposeMove(http, analyst, c.id, stage)).body as EscalationBody;
      expect((await decideOn(http, adviser, p.id, 'approve')).status).toBe(200);
    }
    const mob = (await proposeMove(http, adviser, c.id, 'mobilisation')).body as EscalationBody;
    expect((await decideOn(http, first, mob.id, 'approve')).status).toBe(200);
    const done = await decideOn(http, second, mob.id, 'approve');
    expect(done.body).toMatchObject({
      status: 'approved',
      approvals: [
        { userId: first.user.id, displayName: name, email: first.user.email },
        { userId: second.user.id, displayName: name, email: second.user.email },
      ],
    });
    expect(first.user.email).not.toBe(second.user.email);
  });

  it('inbox paging keeps every proposal when creation times differ by microseconds only', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      const c = await openCase(api, analyst);
      ids.push(((await proposeMove(http, analyst, c.id, 'closed')).body as EscalationBody).id);
    }
    await testPool().query(
      `UPDATE escalation_requests SET created_at = '2001-01-01T00:00:00.000100Z'::timestamptz + (interval '100 microseconds' * x.i)
       FROM (SELECT id, row_number() OVER (ORDER BY id) AS i FROM escalation_requests WHERE id = ANY($1::uuid[])) x
       WHERE escalation_requests.id = x.id`,
      [ids],
    );
    const items = await inbox(adviser, 'pending', '2');
    expect(
      items
        .filter((e) => ids.includes(e.id))
        .map((e) => e.id)
        .sort(),
    ).toEqual([...ids].sort());
    expect(new Set(items.map((e) => e.id)).size).toBe(items.length);
  });
});

describe('GET /api/cases/:id/workflow per role', () => {
  it('monitoring.steady: lead analyst PROPOSE, RECORD_REVIEW, CLOSE; adviser the same (no REOPEN); outsider analyst nothing; FT 404', async () => {
    // Unclassified, so an analyst who does not work it may still read it (and do nothing).
    const c = await openCase(api, analyst, { classification: 'unclassified' });
    expect(await workflow(analyst, c.id)).toMatchObject({
      stage: 'monitoring',
      subState: 'steady',
      version: 1,
      allowedEvents: ['PROPOSE', 'RECORD_REVIEW', 'CLOSE'],
      proposableStages: ['closed'],
    });
    facts.set(c.id, ALL_FACTS);
    expect((await workflow(analyst, c.id)).proposableStages).toEqual(['alert', 'closed']);
    expect(await workflow(adviser, c.id)).toMatchObject({
      allowedEvents: ['PROPOSE', 'RECORD_REVIEW', 'CLOSE'],
      proposableStages: ['alert', 'closed'],
    });
    const outsider = await sessionFor(api, {
      roles: ['analyst'],
      clearance: 'strictly_confidential',
    });
    expect(await workflow(outsider, c.id)).toMatchObject({
      allowedEvents: [],
      proposableStages: [],
    });
    expectError(await http().get(`/api/cases/${c.id}/workflow`).set(ft.auth()), 404);
    expectError(await http().get(`/api/cases/${c.id}/workflow`).set(admin.auth()), 404);

    // Pending: the proposer may withdraw, advisers decide.
    const p = (await proposeMove(http, analyst, c.id, 'alert')).body as EscalationBody;
    expect(await workflow(analyst, c.id)).toMatchObject({
      subState: 'pending',
      pendingEscalationId: p.id,
      allowedEvents: ['WITHDRAW', 'RECORD_REVIEW'],
      proposableStages: [],
    });
    expect((await workflow(adviser, c.id)).allowedEvents).toEqual([
      'APPROVE',
      'REJECT',
      'RECORD_REVIEW',
    ]);
    expect((await decideOn(http, adviser, p.id, 'withdraw')).status).toBe(403);
    expect((await decideOn(http, analyst, p.id, 'withdraw')).status).toBe(200);

    // Closed: only an adviser may reopen.
    const close = (await proposeMove(http, analyst, c.id, 'closed')).body as EscalationBody;
    expect((await decideOn(http, adviser, close.id, 'approve')).body).toMatchObject({
      status: 'approved',
    });
    expect(await workflow(adviser, c.id)).toMatchObject({
      stage: 'closed',
      allowedEvents: ['REOPEN'],
      proposableStages: [],
      nextReviewDue: null,
    });
    expect(await workflow(analyst, c.id)).toMatchObject({
      allowedEvents: [],
      proposableStages: [],
    });
    expectError(
      await http().post(`/api/cases/${c.id}/reopen`).set(analyst.auth()).send({ note: 'Please.' }),
      403,
    );
    const actions = (await auditEntries(api, admin, { entity: 'case', entityId: c.id })).map(
      (e) => e.action,
    );
    expect(actions).toEqual([
      'case.workflow.approve',
      'case.workflow.close',
      'case.workflow.withdraw',
      'case.workflow.propose',
      'case.create',
    ]);
    const verify = await http().get('/api/audit/verify').set(admin.auth());
    expect(verify.body).toMatchObject({ ok: true, firstBrokenSeq: null });
  });
});
