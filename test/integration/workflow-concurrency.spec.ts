import type { WorkflowFacts } from '@vigil/domain';
import { sessionFor, type Session, type TestApi } from '../support/api.js';
import { ALL_FACTS, openCase, supplyFacts } from '../support/cases.js';
import { type ConcurrentApi, startConcurrentApi } from '../support/concurrency.js';
import { closeTestPool, testPool } from '../support/factories.js';
import {
  decideOn,
  proposeMove,
  sessionsFor,
  tally,
  type EscalationBody,
} from '../support/workflow-helpers.js';

let api: TestApi;
let http: ConcurrentApi['http'];
let warmPool: ConcurrentApi['warmPool'];
let facts: Map<string, WorkflowFacts>;
let analyst: Session;

beforeAll(async () => {
  ({ api, http, warmPool } = await startConcurrentApi(25));
  facts = supplyFacts(api);
  analyst = await sessionFor(api, { roles: ['analyst'], clearance: 'strictly_confidential' });
});

afterAll(async () => {
  await api.close();
  await closeTestPool();
});

async function caseState(caseId: string) {
  const { rows } = await testPool().query<{
    stage: string;
    sub_state: string;
    transitions: number;
    approvals: number;
    version: number;
  }>(
    `SELECT c.stage, c.sub_state, c.version,
       (SELECT count(*) FROM case_events e WHERE e.case_id = c.id AND e.type = 'case.transitioned')::int AS transitions,
       (SELECT count(*) FROM audit_log a WHERE a.entity_id = c.id::text AND a.action = 'case.workflow.approve')::int AS approvals
     FROM cases c WHERE c.id = $1`,
    [caseId],
  );
  return rows[0];
}

describe('advisers deciding one proposal at once', () => {
  it('20 concurrent approvals of an escalation to alert: one 200 approved, 19 × 409, one transition, one audit row', async () => {
    const c = await openCase(api, analyst);
    facts.set(c.id, ALL_FACTS);
    const proposal = await proposeMove(http, analyst, c.id, 'alert');
    expect(proposal.status).toBe(201);
    const escalationId = (proposal.body as EscalationBody).id;
    const advisers = await sessionsFor(api, 20, {
      roles: ['adviser'],
      clearance: 'strictly_confidential',
    });

    await warmPool();
    const answers = await Promise.all(
      advisers.map((a, i) => decideOn(http, a, escalationId, 'approve', `Agreed ${i}.`)),
    );

    expect(tally(answers)).toEqual({ 200: 1, 409: 19 });
    const winner = answers.find((a) => a.status === 200);
    const winnerBody = winner?.body as EscalationBody;
    expect(winnerBody).toMatchObject({
      status: 'approved',
      approvalsRequired: 1,
      toStage: 'alert',
    });
    expect(winnerBody.approvals).toHaveLength(1);
    expect(winnerBody.decidedBy?.id).toBe(winnerBody.approvals[0]?.userId);
    for (const loser of answers.filter((a) => a.status === 409)) {
      expect(loser.body).toEqual({
        statusCode: 409,
        error: 'Conflict',
        message: 'This proposal is no longer pending: it was approved.',
      });
    }

    const state = await caseState(c.id);
    expect(state).toMatchObject({
      stage: 'alert',
      sub_state: 'steady',
      transitions: 1,
      approvals: 1,
    });
    // created (1) + proposal (2) + the one approval (3): the losers bumped nothing.
    expect(state?.version).toBe(3);
    const wf = await http().get(`/api/cases/${c.id}/workflow`).set(analyst.auth());
    expect(wf.body).toMatchObject({
      stage: 'alert',
      subState: 'steady',
      pendingEscalationId: null,
    });
    const stored = await http().get(`/api/escalations/${escalationId}`).set(analyst.auth());
    expect(stored.body).toMatchObject({
      status: 'approved',
      approvals: [expect.objectContaining({ userId: winnerBody.decidedBy?.id })],
    });
  });

  it('10 concurrent approvals of a move to mobilisation (two needed): one transition, two distinct approvers, not the proposer', async () => {
    const c = await openCase(api, analyst);
    facts.set(c.id, ALL_FACTS);
    const [first, ...rest] = await sessionsFor(api, 11, {
      roles: ['adviser'],
      clearance: 'strictly_confidential',
    });
    if (!first) throw new Error('no adviser');
    // monitoring → alert → recommendation, one approval each.
    for (const stage of ['alert', 'recommendation']) {
      const p = await proposeMove(http, analyst, c.id, stage);
      expect(
        (await decideOn(http, first, (p.body as EscalationBody).id, 'approve')).body,
      ).toMatchObject({ status: 'approved' });
    }
    const proposer = rest[0];
    if (!proposer) throw new Error('no proposer');
    const toMob = await proposeMove(http, proposer, c.id, 'mobilisation');
    expect(toMob.status).toBe(201);
    expect((toMob.body as EscalationBody).approvalsRequired).toBe(2);
    const escalationId = (toMob.body as EscalationBody).id;
    // The proposer races too: their own approval must be refused whatever the order.
    const racers = rest.slice(0, 10);
    expect(racers).toHaveLength(10);

    await warmPool();
    const answers = await Promise.all(
      racers.map((a) => decideOn(http, a, escalationId, 'approve')),
    );

    expect(tally(answers)).toEqual({ 200: 2, 409: 8 });
    const proposerAnswer = answers[0];
    expect(proposerAnswer?.status).toBe(409);
    expect((proposerAnswer?.body as { message: string }).message).toMatch(
      /^(You cannot approve your own proposal\.|This proposal is no longer pending: it was approved\.)$/,
    );
    const oks = answers.filter((a) => a.status === 200).map((a) => a.body as EscalationBody);
    expect(oks.map((b) => b.status).sort()).toEqual(['approved', 'pending']);

    const stored = (await http().get(`/api/escalations/${escalationId}`).set(analyst.auth()))
      .body as EscalationBody;
    expect(stored.status).toBe('approved');
    expect(stored.approvals).toHaveLength(2);
    const approvers = stored.approvals.map((a) => a.userId);
    expect(new Set(approvers).size).toBe(2);
    expect(approvers).not.toContain(proposer.user.id);
    for (const id of approvers) expect(racers.map((r) => r.user.id)).toContain(id);

    const state = await caseState(c.id);
    expect(state).toMatchObject({ stage: 'mobilisation', sub_state: 'steady', transitions: 3 });
    // Two approvals of alert/recommendation by `first`, two of mobilisation.
    expect(state?.approvals).toBe(4);
    const { rows } = await testPool().query<{ type: string }>(
      `SELECT type FROM case_events WHERE case_id = $1 AND seq > (SELECT max(seq) FROM case_events WHERE case_id = $1 AND type = 'escalation.proposed') ORDER BY seq`,
      [c.id],
    );
    expect(rows.map((r) => r.type)).toEqual(['escalation.approval_recorded', 'case.transitioned']);
  });
});
