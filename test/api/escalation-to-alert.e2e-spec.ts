import { sessionFor, startTestApi, type Session, type TestApi } from '../support/api.js';
import {
  ALL_FACTORS,
  finalisedAssessment,
  monthsAgo,
  postAssessment,
  rateAll,
} from '../support/assessments.js';
import { openCase } from '../support/cases.js';
import { closeTestPool, testPool } from '../support/factories.js';
import { expectError } from '../support/http.js';
import { decideOn, proposeMove, type EscalationBody } from '../support/workflow-helpers.js';

// The real facts: no supplyFacts here, the guard reads the case's assessments.
let api: TestApi;
let analyst: Session;
let adviser: Session;
let adviser2: Session;

beforeAll(async () => {
  api = await startTestApi();
  [analyst, adviser, adviser2] = await Promise.all(
    (['analyst', 'adviser', 'adviser'] as const).map((role) =>
      sessionFor(api, { roles: [role], clearance: 'strictly_confidential' }),
    ),
  );
});

afterAll(async () => {
  await api.close();
  await closeTestPool();
});

const http = () => api.http();
const REFUSED = /^Escalation to alert needs a finalised risk assessment less than 30 days old\.$/;
const complete = (period = monthsAgo(0)) => ({
  period,
  ratings: rateAll(ALL_FACTORS, 2),
  overallLevel: 'high',
});
const stage = async (caseId: string) =>
  ((await http().get(`/api/cases/${caseId}`).set(analyst.auth())).body as { stage: string }).stage;

describe('escalation to alert reads the case’s finalised assessments', () => {
  it('refused with no assessment, or only a draft', async () => {
    const c = await openCase(api, analyst);
    expectError(await proposeMove(http, analyst, c.id, 'alert'), 409, REFUSED);
    expect((await postAssessment(api, analyst, c.id, complete())).status).toBe(201);
    expectError(await proposeMove(http, analyst, c.id, 'alert'), 409, REFUSED);
    expect(await stage(c.id)).toBe('monitoring');
  });

  it('refused when the latest finalised assessment is 30 days old or more', async () => {
    const c = await openCase(api, analyst);
    const done = await finalisedAssessment(api, analyst, adviser, c.id, complete(monthsAgo(1)));
    await testPool().query(
      "UPDATE risk_assessments SET finalised_at = now() - interval '31 days' WHERE id = $1",
      [done.id],
    );
    expectError(await proposeMove(http, analyst, c.id, 'alert'), 409, REFUSED);
    await testPool().query(
      "UPDATE risk_assessments SET finalised_at = now() - interval '30 days 1 minute' WHERE id = $1",
      [done.id],
    );
    expectError(await proposeMove(http, analyst, c.id, 'alert'), 409, REFUSED);
  });

  it('accepted with a fresh finalised assessment, and checked again at approval', async () => {
    const c = await openCase(api, analyst);
    const done = await finalisedAssessment(api, analyst, adviser, c.id, complete());
    await testPool().query(
      "UPDATE risk_assessments SET finalised_at = now() - interval '29 days 23 hours' WHERE id = $1",
      [done.id],
    );
    const proposed = await proposeMove(http, analyst, c.id, 'alert');
    expect(proposed.status).toBe(201);
    const approved = await decideOn(
      http,
      adviser2,
      (proposed.body as EscalationBody).id,
      'approve',
    );
    expect(approved.body).toMatchObject({ status: 'approved' });
    expect(await stage(c.id)).toBe('alert');
  });

  it('an assessment that went stale while the proposal waited refuses the approval', async () => {
    const c = await openCase(api, analyst);
    const done = await finalisedAssessment(api, analyst, adviser, c.id, complete());
    const proposed = await proposeMove(http, analyst, c.id, 'alert');
    expect(proposed.status).toBe(201);
    await testPool().query(
      "UPDATE risk_assessments SET finalised_at = now() - interval '45 days' WHERE id = $1",
      [done.id],
    );
    expectError(
      await decideOn(http, adviser2, (proposed.body as EscalationBody).id, 'approve'),
      409,
      REFUSED,
    );
    expect(await stage(c.id)).toBe('monitoring');
  });
});
