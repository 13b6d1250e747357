import { sessionFor, startTestApi, type Session, type TestApi } from '../support/api.js';
import { ALL_FACTS, openCase, supplyFacts } from '../support/cases.js';
import { buildUser, closeTestPool, testPool } from '../support/factories.js';
import { decideOn, proposeMove, type EscalationBody } from '../support/workflow-helpers.js';

let api: TestApi;
let lead: Session;
let adviser: Session;
let adviser2: Session;
let lowAdviser: Session;
let facts: ReturnType<typeof supplyFacts>;

beforeAll(async () => {
  api = await startTestApi();
  facts = supplyFacts(api);
  const cleared = { clearance: 'strictly_confidential' as const };
  lead = await sessionFor(api, { roles: ['analyst'], ...cleared });
  adviser = await sessionFor(api, { roles: ['adviser'], ...cleared });
  adviser2 = await sessionFor(api, { roles: ['adviser'], ...cleared });
  lowAdviser = await sessionFor(api, { roles: ['adviser'], clearance: 'confidential' });
});

afterAll(async () => {
  await api.close();
  await closeTestPool();
});

const http = () => api.http();

interface NotificationBody {
  id: string;
  type: string;
  caseId: string | null;
  payload: Record<string, unknown>;
  readAt: string | null;
}

/** `s`'s notifications of `type` about `caseId`, through their own list. */
async function notes(s: Session, caseId: string, type: string): Promise<NotificationBody[]> {
  const res = await http().get('/api/notifications').query({ limit: '100' }).set(s.auth());
  expect(res.status).toBe(200);
  return (res.body as { items: NotificationBody[] }).items.filter(
    (n) => n.caseId === caseId && n.type === type,
  );
}

async function strictCase() {
  const c = await openCase(api, lead, { classification: 'strictly_confidential' });
  facts.set(c.id, ALL_FACTS);
  return c;
}

async function propose(s: Session, caseId: string, toStage: string): Promise<EscalationBody> {
  const res = await proposeMove(http, s, caseId, toStage);
  expect(res.status).toBe(201);
  return res.body as EscalationBody;
}

async function decide(s: Session, id: string, decision: 'approve' | 'reject' | 'withdraw') {
  const res = await decideOn(http, s, id, decision, 'Decision note: secret reasoning.');
  expect(res.status).toBe(200);
  return res.body as EscalationBody;
}

describe('a proposal awaiting approval', () => {
  it('notifies every active adviser cleared for the case, not the proposer nor anyone cleared below it', async () => {
    const c = await strictCase();
    const inactive = await buildUser({
      roles: ['adviser'],
      clearance: 'strictly_confidential',
      active: false,
    });
    const e = await propose(lead, c.id, 'alert');
    for (const s of [adviser, adviser2]) {
      const mine = await notes(s, c.id, 'escalation.awaiting_approval');
      expect(mine).toHaveLength(1);
      // Exactly these keys: the justification stays behind the proposal's own access checks.
      expect(mine[0]?.payload).toEqual({
        escalationId: e.id,
        reference: c.reference,
        toStage: 'alert',
        proposerName: lead.user.displayName,
      });
      expect(JSON.stringify(mine[0])).not.toContain('evidence attached');
    }
    expect(await notes(lead, c.id, 'escalation.awaiting_approval')).toEqual([]);
    expect(await notes(lowAdviser, c.id, 'escalation.awaiting_approval')).toEqual([]);
    const { rows } = await testPool().query('SELECT 1 FROM notifications WHERE user_id = $1', [
      inactive.id,
    ]);
    expect(rows).toHaveLength(0);
  });

  it('an adviser proposing is not asked to approve their own proposal; the others are', async () => {
    const c = await strictCase();
    const e = await propose(adviser, c.id, 'closed');
    expect(await notes(adviser, c.id, 'escalation.awaiting_approval')).toEqual([]);
    const theirs = await notes(adviser2, c.id, 'escalation.awaiting_approval');
    expect(theirs.map((n) => n.payload)).toEqual([
      {
        escalationId: e.id,
        reference: c.reference,
        toStage: 'closed',
        proposerName: adviser.user.displayName,
      },
    ]);
  });

  it('a refused proposal notifies nobody', async () => {
    const c = await strictCase();
    const res = await proposeMove(http, lowAdviser, c.id, 'alert');
    expect(res.status).toBe(404);
    expect(await notes(adviser, c.id, 'escalation.awaiting_approval')).toEqual([]);
  });
});

describe('a decided proposal', () => {
  it('notifies the proposer once it is approved by enough advisers, with the decider', async () => {
    const c = await strictCase();
    const toAlert = await propose(lead, c.id, 'alert');
    await decide(adviser, toAlert.id, 'approve');
    const toRec = await propose(lead, c.id, 'recommendation');
    await decide(adviser2, toRec.id, 'approve');
    const toMob = await propose(lead, c.id, 'mobilisation');
    expect((await decide(adviser, toMob.id, 'approve')).status).toBe('pending');
    // One approval of the two needed decides nothing yet.
    const partway = await notes(lead, c.id, 'escalation.decided');
    expect(partway.map((n) => n.payload.escalationId)).not.toContain(toMob.id);
    expect((await decide(adviser2, toMob.id, 'approve')).status).toBe('approved');

    const decided = await notes(lead, c.id, 'escalation.decided');
    expect(decided.map((n) => n.payload).reverse()).toEqual([
      {
        escalationId: toAlert.id,
        reference: c.reference,
        toStage: 'alert',
        decision: 'approved',
        deciderName: adviser.user.displayName,
      },
      {
        escalationId: toRec.id,
        reference: c.reference,
        toStage: 'recommendation',
        decision: 'approved',
        deciderName: adviser2.user.displayName,
      },
      {
        escalationId: toMob.id,
        reference: c.reference,
        toStage: 'mobilisation',
        decision: 'approved',
        deciderName: adviser2.user.displayName,
      },
    ]);
    expect(JSON.stringify(decided)).not.toMatch(/secret reasoning|evidence attached/);
    // The deciders hear nothing about a decision they made.
    expect(await notes(adviser, c.id, 'escalation.decided')).toEqual([]);
  });

  it('notifies the proposer of a rejection; a withdrawal notifies nobody', async () => {
    const c = await strictCase();
    const rejected = await propose(lead, c.id, 'alert');
    await decide(adviser, rejected.id, 'reject');
    const withdrawn = await propose(lead, c.id, 'alert');
    await decide(lead, withdrawn.id, 'withdraw');

    const decided = await notes(lead, c.id, 'escalation.decided');
    expect(decided.map((n) => n.payload)).toEqual([
      {
        escalationId: rejected.id,
        reference: c.reference,
        toStage: 'alert',
        decision: 'rejected',
        deciderName: adviser.user.displayName,
      },
    ]);
    for (const s of [adviser, adviser2]) {
      expect(await notes(s, c.id, 'escalation.decided')).toEqual([]);
    }
  });
});
