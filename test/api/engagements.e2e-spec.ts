import type { INestApplicationContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { FollowUpOverdueJob, SCHEDULED_JOBS, type ScheduledJob } from '@vigil/server';
import { createWorker } from '../../apps/worker/src/create-worker.js';
import { sessionFor, startTestApi, type Session, type TestApi } from '../support/api.js';
import { openCase } from '../support/cases.js';
import {
  buildOrganisation,
  closeTestPool,
  testPool,
  type BuiltOrganisation,
} from '../support/factories.js';
import { detailFields, expectError } from '../support/http.js';
import { recommendationWrites, type EngagementBody } from '../support/recommendations.js';
import { testConfig } from '../support/test-config.js';

const RUN = randomUUID().slice(0, 8);

let api: TestApi;
let worker: INestApplicationContext;
let lead: Session;
let member: Session;
let outsider: Session;
let adviser: Session;
let lowAdviser: Session;
let partner: BuiltOrganisation;
let other: BuiltOrganisation;

beforeAll(async () => {
  api = await startTestApi();
  worker = await createWorker(testConfig());
  const as = (role: 'analyst' | 'adviser', clearance = 'strictly_confidential') =>
    sessionFor(api, { roles: [role], clearance: clearance as 'strictly_confidential' });
  [lead, member, outsider, adviser, lowAdviser] = await Promise.all([
    as('analyst'),
    as('analyst'),
    as('analyst'),
    as('adviser'),
    as('adviser', 'confidential'),
  ]);
  // Names made unique: the demo organisations (seeded by another suite) share this database.
  partner = await buildOrganisation({ kind: 'regional_org', name: `Regional partner ${RUN}` });
  other = await buildOrganisation({ kind: 'un_entity', name: `UN agency ${RUN}` });
});

afterAll(async () => {
  await worker.close();
  await api.close();
  await closeTestPool();
});

const http = () => api.http();
const DAY = 86_400_000;
/** The UTC day `n` days from now, YYYY-MM-DD. */
const day = (n: number) => new Date(Date.now() + n * DAY).toISOString().slice(0, 10);

const input = (overrides: Record<string, unknown> = {}) => ({
  organisationId: partner.id,
  kind: 'meeting',
  date: day(-10),
  summary: 'Briefed the Peace and Security Council secretariat.',
  ...overrides,
});
const post = (s: Session, caseId: string, body: Record<string, unknown>) =>
  http().post(`/api/cases/${caseId}/engagements`).set(s.auth()).send(body);
const patch = (s: Session, id: string, body: Record<string, unknown>) =>
  http().patch(`/api/engagements/${id}`).set(s.auth()).send(body);
const list = (s: Session, caseId: string, query: Record<string, string> = {}) =>
  http().get(`/api/cases/${caseId}/engagements`).query(query).set(s.auth());

async function engage(caseId: string, overrides: Record<string, unknown> = {}) {
  const res = await post(lead, caseId, input(overrides));
  if (res.status !== 201) throw new Error(`engage: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as EngagementBody;
}

async function overdueCount(caseId: string): Promise<number> {
  const res = await http().get(`/api/cases/${caseId}`).set(lead.auth());
  expect(res.status).toBe(200);
  return (res.body as { overdueFollowUps: number }).overdueFollowUps;
}

async function secretCase() {
  const c = await openCase(api, lead, { classification: 'strictly_confidential' });
  const added = await http()
    .post(`/api/cases/${c.id}/members`)
    .set(lead.auth())
    .send({ userId: member.user.id, role: 'analyst' });
  expect(added.status).toBe(201);
  return c;
}

describe('recording engagements', () => {
  it('201 with the full shape, a timeline entry and an audit row', async () => {
    const c = await secretCase();
    const res = await post(member, c.id, {
      ...input({ outcome: 'Agreed to raise it at the summit.', followUpDue: day(20) }),
      summary: '  Briefed the Peace and Security Council secretariat.  ',
    });
    expect(res.status).toBe(201);
    const body = res.body as EngagementBody;
    expect(body).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      caseId: c.id,
      organisation: { id: partner.id, acronym: partner.acronym, name: `Regional partner ${RUN}` },
      kind: 'meeting',
      date: day(-10),
      summary: 'Briefed the Peace and Security Council secretariat.',
      outcome: 'Agreed to raise it at the summit.',
      followUpDue: day(20),
      followUpDoneAt: null,
      followUpOverdue: false,
      version: 1,
      createdBy: { id: member.user.id, displayName: member.user.displayName },
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    const { rows: events } = await testPool().query<{ type: string; payload: unknown }>(
      `SELECT type, payload FROM case_events WHERE case_id = $1 AND type LIKE 'engagement.%'`,
      [c.id],
    );
    expect(events).toEqual([
      {
        type: 'engagement.created',
        payload: { engagementId: body.id, fields: expect.arrayContaining(['organisationId']) },
      },
    ]);
    const { rows: audit } = await testPool().query<{ action: string }>(
      `SELECT action FROM audit_log WHERE case_id = $1 AND entity = 'engagement'`,
      [c.id],
    );
    expect(audit).toEqual([{ action: 'engagement.create' }]);
  });

  it('400 for bad input and unknown fields; 404 hidden; 403 without draft rights; nothing written', async () => {
    const c = await secretCase();
    const before = await recommendationWrites(c.id);
    const cases: [Record<string, unknown>, string[]][] = [
      [{}, ['organisationId', 'kind', 'date', 'summary']],
      [input({ kind: 'dinner' }), ['kind']],
      [input({ date: '2026-13-01' }), ['date']],
      [input({ followUpDue: 'soon' }), ['followUpDue']],
      [input({ summary: '' }), ['summary']],
      [input({ outcome: 'x'.repeat(5001) }), ['outcome']],
      [input({ organisationId: 'AU' }), ['organisationId']],
      [input({ organisationId: randomUUID() }), ['organisationId']],
      [input({ followUpDone: true }), ['followUpDone']],
    ];
    for (const [body, fields] of cases) {
      const error = expectError(await post(lead, c.id, body), 400);
      expect({ body, fields: detailFields(error).sort() }).toEqual({ body, fields: fields.sort() });
    }
    expectError(await post(outsider, c.id, input()), 404);
    expectError(await post(lowAdviser, c.id, input()), 404);
    expectError(await list(outsider, c.id), 404);
    expectError(await post(lead, randomUUID(), input()), 404);
    expectError(await http().post(`/api/cases/${c.id}/engagements`).send(input()), 401);
    expect(await recommendationWrites(c.id)).toEqual(before);

    const open = await openCase(api, lead, { classification: 'unclassified' });
    expect((await list(outsider, open.id)).status).toBe(200);
    expectError(await post(outsider, open.id, input()), 403);
  });
});

describe('the engagements log and overdue follow-ups', () => {
  it('newest date first with followUpOverdue; the case counts them; paging', async () => {
    const c = await secretCase();
    expect(await overdueCount(c.id)).toBe(0);
    const old = await engage(c.id, { date: day(-30), followUpDue: day(-3) });
    const recent = await engage(c.id, { date: day(-2), kind: 'call', followUpDue: day(5) });
    const middle = await engage(c.id, {
      date: day(-20),
      kind: 'letter',
      organisationId: other.id,
      followUpDue: day(-1),
    });
    const none = await engage(c.id, { date: day(-25), kind: 'briefing' });
    const res = await list(adviser, c.id);
    expect(res.status).toBe(200);
    const page = res.body as { items: EngagementBody[]; nextCursor: string | null };
    expect(page.nextCursor).toBeNull();
    expect(page.items.map((i) => [i.id, i.followUpOverdue])).toEqual([
      [recent.id, false],
      [middle.id, true],
      [none.id, false],
      [old.id, true],
    ]);
    expect(page.items[1]?.organisation).toEqual({
      id: other.id,
      acronym: other.acronym,
      name: `UN agency ${RUN}`,
    });
    expect(await overdueCount(c.id)).toBe(2);
    const listed = await http().get('/api/cases').query({ limit: '100' }).set(lead.auth());
    const inList = (listed.body as { items: { id: string; overdueFollowUps: number }[] }).items;
    expect(inList.find((i) => i.id === c.id)?.overdueFollowUps).toBe(2);

    const first = await list(lead, c.id, { limit: '3' });
    const p1 = first.body as { items: EngagementBody[]; nextCursor: string };
    const second = await list(lead, c.id, { limit: '3', cursor: p1.nextCursor });
    expect(second.body).toEqual({
      items: [expect.objectContaining({ id: old.id })],
      nextCursor: null,
    });
    expectError(await list(lead, c.id, { cursor: 'forged' }), 400);
  });

  it('PATCH edits and marks the follow-up done; a new due day reopens it; stale → 409', async () => {
    const c = await secretCase();
    const e = await engage(c.id, { followUpDue: day(-2), outcome: 'Pending reply.' });
    expect(await overdueCount(c.id)).toBe(1);

    const done = await patch(member, e.id, { version: 1, followUpDone: true, outcome: null });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({
      version: 2,
      outcome: null,
      followUpDoneAt: expect.any(String),
      followUpOverdue: false,
    });
    expect(await overdueCount(c.id)).toBe(0);

    const stale = expectError(await patch(lead, e.id, { version: 1, summary: 'Late.' }), 409);
    expect(stale.details).toEqual({ currentVersion: 2 });

    const moved = await patch(lead, e.id, { version: 2, followUpDue: day(-1), kind: 'mission' });
    expect(moved.body).toMatchObject({
      version: 3,
      kind: 'mission',
      followUpDue: day(-1),
      followUpDoneAt: null,
      followUpOverdue: true,
    });
    expect(await overdueCount(c.id)).toBe(1);

    const cleared = await patch(lead, e.id, { version: 3, followUpDue: null });
    expect(cleared.body).toMatchObject({ followUpDue: null, followUpOverdue: false });
    expect(await overdueCount(c.id)).toBe(0);

    const same = await patch(lead, e.id, { version: 4, kind: 'mission' });
    expect(same.body).toMatchObject({ version: 4 });

    expectError(await patch(lead, e.id, { version: 4, summary: null }), 400);
    expectError(await patch(lead, e.id, { version: 4, followUpDone: 'yes' }), 400);
    expectError(await patch(lead, e.id, { version: 4, caseId: randomUUID() }), 400);
    expectError(await patch(lead, e.id, { version: 4, organisationId: randomUUID() }), 400);
    expectError(await patch(outsider, e.id, { version: 4, summary: 'No.' }), 404);
    expectError(await patch(lead, randomUUID(), { version: 1, summary: 'No.' }), 404);

    const { rows } = await testPool().query<{ action: string }>(
      `SELECT action FROM audit_log WHERE case_id = $1 AND entity = 'engagement' ORDER BY seq`,
      [c.id],
    );
    expect(rows.map((r) => r.action)).toEqual([
      'engagement.create',
      'engagement.update',
      'engagement.update',
      'engagement.update',
    ]);
  });
});

describe('follow-up-overdue job', () => {
  interface NotificationBody {
    type: string;
    caseId: string | null;
    payload: Record<string, unknown>;
  }
  async function followUpNotes(s: Session, caseId: string): Promise<NotificationBody[]> {
    const res = await http().get('/api/notifications').query({ limit: '100' }).set(s.auth());
    expect(res.status).toBe(200);
    return (res.body as { items: NotificationBody[] }).items.filter(
      (n) => n.caseId === caseId && n.type === 'engagement.follow_up_overdue',
    );
  }

  it('is one of the worker’s scheduled jobs, daily', () => {
    const jobs = worker.get<ScheduledJob[]>(SCHEDULED_JOBS);
    expect(jobs.find((j) => j.name === 'follow-up-overdue')?.cron).toBe('0 6 * * *');
  });

  it('notifies the lead analyst once per engagement and due day', async () => {
    const job = worker.get(FollowUpOverdueJob);
    const c = await secretCase();
    const e = await engage(c.id, { followUpDue: day(-3) });
    await engage(c.id, { followUpDue: day(3) });
    const finished = await engage(c.id, { followUpDue: day(-4) });
    await patch(lead, finished.id, { version: 1, followUpDone: true });

    const first = await job.run();
    expect(first.notified).toBeGreaterThanOrEqual(1);
    await job.run();
    expect(await followUpNotes(lead, c.id)).toEqual([
      expect.objectContaining({
        payload: {
          engagementId: e.id,
          reference: c.reference,
          organisationAcronym: partner.acronym,
          followUpDue: day(-3),
        },
      }),
    ]);
    expect(await followUpNotes(member, c.id)).toEqual([]);
    expect(await followUpNotes(adviser, c.id)).toEqual([]);

    // A new due day is a new follow-up: one more notification, then nothing again.
    const current = (await list(lead, c.id)).body as { items: EngagementBody[] };
    const version = current.items.find((i) => i.id === e.id)?.version ?? 0;
    await patch(lead, e.id, { version, followUpDue: day(-1) });
    await job.run();
    await job.run();
    const notes = await followUpNotes(lead, c.id);
    expect(notes.map((n) => n.payload.followUpDue).sort()).toEqual([day(-3), day(-1)].sort());
    const { rows } = await testPool().query<{ action: string }>(
      `SELECT action FROM audit_log WHERE case_id = $1 AND action = 'engagement.follow_up_overdue_notified'`,
      [c.id],
    );
    expect(rows).toHaveLength(2);
  });
});
