import {
  applyWorkflowEvent,
  describeWorkflow,
  STAGES,
  type WorkflowEvent,
  type WorkflowFacts,
} from '@vigil/domain';
import fc from 'fast-check';
import { sessionFor, startTestApi, type Session, type TestApi } from '../support/api.js';
import { openCase, supplyFacts } from '../support/cases.js';
import { closeTestPool, testPool } from '../support/factories.js';
import { decideOn, proposeMove, type EscalationBody } from '../support/workflow-helpers.js';

let api: TestApi;
let facts: Map<string, WorkflowFacts>;
let analyst: Session;
let advisers: Session[];
const touched: string[] = [];

beforeAll(async () => {
  api = await startTestApi();
  facts = supplyFacts(api);
  analyst = await sessionFor(api, { roles: ['analyst'], clearance: 'strictly_confidential' });
  advisers = await Promise.all(
    [1, 2, 3].map(() =>
      sessionFor(api, { roles: ['adviser'], clearance: 'strictly_confidential' }),
    ),
  );
});

afterAll(async () => {
  await api.close();
  await closeTestPool();
});

type Command =
  | { kind: 'propose'; actor: number; toStage: (typeof STAGES)[number] }
  | { kind: 'approve' | 'reject' | 'withdraw'; actor: number }
  | { kind: 'review'; actor: number }
  | { kind: 'reopen'; actor: number };

const factsArb: fc.Arbitrary<WorkflowFacts> = fc.record({
  latestFinalisedAssessmentAgeDays: fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 60 })),
  openRecommendations: fc.integer({ min: 0, max: 2 }),
  transmittedRecommendations: fc.integer({ min: 0, max: 2 }),
});
// Actor 0 is the lead analyst, 1..3 the advisers.
const actorArb = fc.integer({ min: 0, max: 3 });
const commandArb: fc.Arbitrary<Command> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('propose' as const),
      actor: actorArb,
      toStage: fc.constantFrom(...STAGES),
    }),
  },
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('approve' as const), actor: actorArb }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constantFrom('reject' as const, 'withdraw' as const),
      actor: actorArb,
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('review' as const), actor: actorArb }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('reopen' as const), actor: actorArb }) },
);
const stepArb = fc.tuple(commandArb, factsArb);

const actorOf = (i: number): Session => (i === 0 ? analyst : (advisers[i - 1] ?? analyst));

async function send(
  caseId: string,
  command: Command,
  lastEscalation: { id: string | null },
): Promise<number> {
  const actor = actorOf(command.actor);
  switch (command.kind) {
    case 'propose': {
      const res = await proposeMove(() => api.http(), actor, caseId, command.toStage);
      if (res.status === 201) lastEscalation.id = (res.body as EscalationBody).id;
      return res.status;
    }
    case 'approve':
    case 'reject':
    case 'withdraw': {
      if (!lastEscalation.id) return 0;
      return (await decideOn(() => api.http(), actor, lastEscalation.id, command.kind, 'A note.'))
        .status;
    }
    case 'review':
      return (
        await api
          .http()
          .post(`/api/cases/${caseId}/reviews`)
          .set(actor.auth())
          .send({ note: 'Reviewed.' })
      ).status;
    case 'reopen':
      return (
        await api
          .http()
          .post(`/api/cases/${caseId}/reopen`)
          .set(actor.auth())
          .send({ note: 'Reopened.' })
      ).status;
  }
}

interface StoredCase {
  stage: string;
  sub_state: string;
  workflow_snapshot: unknown;
  events: { seq: number; type: string; to_stage: string | null; event: WorkflowEvent | null }[];
}

async function stored(caseId: string): Promise<StoredCase> {
  const { rows } = await testPool().query<{
    stage: string;
    sub_state: string;
    workflow_snapshot: unknown;
  }>('SELECT stage, sub_state, workflow_snapshot FROM cases WHERE id = $1', [caseId]);
  const { rows: events } = await testPool().query<{
    seq: number;
    type: string;
    to_stage: string | null;
    event: WorkflowEvent | null;
  }>(
    `SELECT seq, type, to_stage, payload->'workflowEvent' AS event FROM case_events WHERE case_id = $1 ORDER BY seq`,
    [caseId],
  );
  const row = rows[0];
  if (!row) throw new Error(`no case ${caseId}`);
  return { ...row, events };
}

it('replaying the event log of every case reproduces its stored stage, sub-state and snapshot', async () => {
  const statuses = new Set<number>();
  await fc.assert(
    fc.asyncProperty(fc.array(stepArb, { minLength: 3, maxLength: 14 }), async (steps) => {
      const c = await openCase(api, analyst);
      touched.push(c.id);
      const lastEscalation: { id: string | null } = { id: null };
      for (const [command, stepFacts] of steps) {
        facts.set(c.id, stepFacts);
        const status = await send(c.id, command, lastEscalation);
        statuses.add(status);
        // Refusals are expected; a server error never is.
        expect([0, 200, 201, 403, 409]).toContain(status);
      }

      const s = await stored(c.id);
      let snapshot: unknown = null;
      let replayed = 0;
      for (const e of s.events) {
        if (e.event === null) continue;
        const { step, snapshot: next } = applyWorkflowEvent(snapshot, e.event);
        // What was accepted once is accepted again from the same history, with its recorded facts.
        expect({ seq: e.seq, accepted: step.accepted, reason: step.reason }).toEqual({
          seq: e.seq,
          accepted: true,
          reason: null,
        });
        expect(step.after.stage).toBe(e.to_stage);
        snapshot = next;
        replayed += 1;
      }
      expect(s.events[0]?.type).toBe('case.created');
      expect(replayed).toBe(s.events.length - 1);
      const fromLog = describeWorkflow(snapshot);
      expect({ stage: fromLog.stage, subState: fromLog.subState }).toEqual({
        stage: s.stage,
        subState: s.sub_state,
      });
      expect(fromLog).toEqual(describeWorkflow(s.workflow_snapshot));
    }),
    { numRuns: 20 },
  );
  // The runs did exercise acceptance and refusal both.
  expect([...statuses].filter((x) => x === 200 || x === 201).length).toBeGreaterThan(0);
  expect(statuses.has(409)).toBe(true);
  expect(touched).toHaveLength(20);
}, 60_000);

it('the runs moved cases between stages (the replay covered transitions)', async () => {
  const { rows } = await testPool().query<{ n: number }>(
    `SELECT count(*)::int AS n FROM case_events WHERE case_id = ANY($1::uuid[]) AND type = 'case.transitioned'`,
    [touched],
  );
  expect(rows[0]?.n).toBeGreaterThan(0);
});
