import type { WorkflowFacts } from '@vigil/domain';
import { closeTestPool, testPool } from '../support/factories.js';
import { sessionFor, type Session, type TestApi } from '../support/api.js';
import { ALL_FACTS, openCase, startWorkflowApi } from '../support/cases.js';

let api: TestApi;
let facts: Map<string, WorkflowFacts>;
let analyst: Session;
let adviser: Session;
let adviser2: Session;
let ft: Session;
let admin: Session;

beforeAll(async () => {
  ({ api, facts, analyst, adviser, adviser2, ft, admin } = await startWorkflowApi());
});
afterAll(async () => {
  await api.close();
  await closeTestPool();
});

const post = (s: Session, path: string, body: object = {}) =>
  api.http().post(path).set(s.auth()).send(body);
const workflow = async (s: Session, id: string) =>
  (await api.http().get(`/api/cases/${id}/workflow`).set(s.auth())).body;

async function propose(s: Session, caseId: string, toStage: string) {
  return post(s, `/api/cases/${caseId}/escalations`, {
    toStage,
    justification: `Move to ${toStage}: evidence attached.`,
  });
}

it('walks monitoring → alert → recommendation → mobilisation → de-escalation → closed with four eyes', async () => {
  const c = await openCase(api, analyst);
  expect(c.reference).toMatch(/^SIT-\d{4}-\d{4,}$/);
  facts.set(c.id, ALL_FACTS);

  const toAlert = await propose(analyst, c.id, 'alert');
  expect(toAlert.status).toBe(201);
  expect(toAlert.body).toMatchObject({
    status: 'pending',
    fromStage: 'monitoring',
    toStage: 'alert',
    approvals: [],
  });
  expect((await workflow(analyst, c.id)).subState).toBe('pending');
  const approved = await post(adviser, `/api/escalations/${toAlert.body.id}/approve`, {
    note: 'Agreed.',
  });
  expect(approved.status).toBe(200);
  expect(approved.body.status).toBe('approved');
  expect((await workflow(analyst, c.id)).stage).toBe('alert');

  const toRec = await propose(analyst, c.id, 'recommendation');
  expect((await post(adviser, `/api/escalations/${toRec.body.id}/approve`)).body.status).toBe(
    'approved',
  );

  // Mobilisation needs two distinct advisers.
  const toMob = await propose(adviser, c.id, 'mobilisation');
  expect(toMob.status).toBe(201);
  const own = await post(adviser, `/api/escalations/${toMob.body.id}/approve`);
  expect(own.status).toBe(409);
  expect(own.body.message).toMatch(/own proposal/);
  const first = await post(adviser2, `/api/escalations/${toMob.body.id}/approve`);
  expect(first.body).toMatchObject({
    status: 'pending',
    approvals: [expect.objectContaining({ userId: adviser2.user.id })],
  });
  const again = await post(adviser2, `/api/escalations/${toMob.body.id}/approve`);
  expect(again.status).toBe(409);
  expect((await workflow(analyst, c.id)).stage).toBe('recommendation');
  const third = await sessionFor(api, { roles: ['adviser'], clearance: 'strictly_confidential' });
  expect((await post(third, `/api/escalations/${toMob.body.id}/approve`)).body.status).toBe(
    'approved',
  );
  expect((await workflow(analyst, c.id)).stage).toBe('mobilisation');

  const down = await propose(analyst, c.id, 'monitoring');
  expect(down.status).toBe(201);
  expect((await post(adviser, `/api/escalations/${down.body.id}/approve`)).body.status).toBe(
    'approved',
  );

  const close = await propose(analyst, c.id, 'closed');
  expect((await post(adviser2, `/api/escalations/${close.body.id}/approve`)).body.status).toBe(
    'approved',
  );
  const closed = await api.http().get(`/api/cases/${c.id}`).set(analyst.auth());
  expect(closed.body).toMatchObject({ stage: 'closed', nextReviewDue: null });

  const timeline = await api.http().get(`/api/cases/${c.id}/events`).set(analyst.auth());
  const types = timeline.body.items.map((e: { type: string }) => e.type);
  expect(types[0]).toBe('case.created');
  const proposed = timeline.body.items.find(
    (e: { type: string }) => e.type === 'escalation.proposed',
  );
  expect(proposed.payload).toMatchObject({
    targetStage: 'alert',
    note: 'Move to alert: evidence attached.',
  });
  expect(proposed.payload.workflowEvent).toBeUndefined();
  expect(types.filter((t: string) => t === 'case.transitioned')).toHaveLength(5);

  const reopened = await post(adviser, `/api/cases/${c.id}/reopen`, { note: 'New reports.' });
  expect(reopened.body).toMatchObject({ stage: 'monitoring', subState: 'steady' });
});

it('refuses with the reason and writes nothing: skip, own approval, second proposal, withdrawn, stale version', async () => {
  const c = await openCase(api, analyst);
  facts.set(c.id, ALL_FACTS);
  const auditBefore = await testPool().query('SELECT max(seq)::int AS s FROM audit_log');

  const skip = await propose(analyst, c.id, 'recommendation');
  expect(skip.status).toBe(409);
  expect(skip.body.message).toMatch(/skip/i);
  const unknown = await propose(analyst, c.id, 'heaven');
  expect(unknown.status).toBe(400);
  const closedFromMonitoringOk = await api
    .http()
    .get(`/api/cases/${c.id}/events`)
    .set(analyst.auth());
  expect(closedFromMonitoringOk.body.items).toHaveLength(1);
  const auditAfter = await testPool().query('SELECT max(seq)::int AS s FROM audit_log');
  expect(auditAfter.rows[0].s).toBe(auditBefore.rows[0].s);

  const p = await propose(analyst, c.id, 'alert');
  const second = await propose(adviser, c.id, 'alert');
  expect(second.status).toBe(409);
  expect(second.body.message).toMatch(/already pending/);
  expect((await post(adviser, `/api/escalations/${p.body.id}/withdraw`)).status).toBe(403);
  expect((await post(analyst, `/api/escalations/${p.body.id}/withdraw`)).body.status).toBe(
    'withdrawn',
  );
  const late = await post(adviser, `/api/escalations/${p.body.id}/approve`);
  expect(late.status).toBe(409);
  expect(late.body.message).toMatch(/withdrawn/);

  const stale = await api
    .http()
    .patch(`/api/cases/${c.id}`)
    .set(analyst.auth())
    .send({ version: 1, summary: 'Old view' });
  expect(stale.status).toBe(409);
  expect(stale.body.details.currentVersion).toBeGreaterThan(1);
});

it('refuses escalation to alert without a fresh finalised assessment, with the reason', async () => {
  const c = await openCase(api, analyst);
  const res = await propose(analyst, c.id, 'alert');
  expect(res.status).toBe(409);
  expect(res.body.message).toMatch(/risk assessment/);
});

it('forbidden moves: Framework Team and admin 404 (hidden), non-member analyst 403, analyst approving 403', async () => {
  // Unclassified: an analyst who does not work it reads it but may not move it.
  const c = await openCase(api, analyst, { classification: 'unclassified' });
  facts.set(c.id, ALL_FACTS);
  expect((await propose(ft, c.id, 'alert')).status).toBe(404);
  expect((await api.http().get(`/api/cases/${c.id}`).set(ft.auth())).status).toBe(404);
  expect((await api.http().get(`/api/cases/${c.id}/workflow`).set(ft.auth())).status).toBe(404);
  expect((await api.http().get(`/api/cases/${c.id}`).set(admin.auth())).status).toBe(404);
  expect((await propose(admin, c.id, 'alert')).status).toBe(404);
  const outsider = await sessionFor(api, {
    roles: ['analyst'],
    clearance: 'strictly_confidential',
  });
  expect((await propose(outsider, c.id, 'alert')).status).toBe(403);
  const classified = await openCase(api, analyst, { classification: 'confidential' });
  expect((await propose(outsider, classified.id, 'alert')).status).toBe(404);
  const p = await propose(analyst, c.id, 'alert');
  expect((await post(outsider, `/api/escalations/${p.body.id}/approve`)).status).toBe(403);
  expect((await post(ft, `/api/escalations/${p.body.id}/approve`)).status).toBe(404);
  expect((await post(admin, `/api/escalations/${p.body.id}/approve`)).status).toBe(404);
  const wf = await workflow(adviser, c.id);
  expect(wf.allowedEvents).toEqual(expect.arrayContaining(['APPROVE', 'REJECT']));
  expect((await workflow(analyst, c.id)).allowedEvents).toContain('WITHDRAW');
  expect((await workflow(analyst, c.id)).allowedEvents).not.toContain('APPROVE');
});
