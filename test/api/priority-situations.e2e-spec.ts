import { randomUUID } from 'node:crypto';
import { sessionFor, type Session, type TestApi } from '../support/api.js';
import { openCase, startWorkflowApi } from '../support/cases.js';
import { comment, setPriority, writtenFor } from '../support/comments.js';
import { buildOrganisation, closeTestPool, testPool } from '../support/factories.js';
import { expectError } from '../support/http.js';
import {
  advance,
  draftRecommendation,
  type RecommendationBody,
} from '../support/recommendations.js';

let api: TestApi;
let analyst: Session;
let adviser: Session;
let admin: Session;
let ft: Session;

beforeAll(async () => {
  ({ api, analyst, adviser, admin, ft } = await startWorkflowApi());
});

afterAll(async () => {
  await api.close();
  await closeTestPool();
});

const http = () => api.http();

/** Exactly the fields of the restricted view (docs/architecture.md §5), sorted. */
const VIEW_KEYS = [
  'approvedRecommendations',
  'country',
  'endorsements',
  'id',
  'myEndorsement',
  'reference',
  'riskLevel',
  'riskTrend',
  'stage',
  'summary',
  'title',
  'updatedAt',
];

interface View {
  id: string;
  endorsements: {
    total: number;
    byOrganisation: { organisationId: string; acronym: string; name: string; count: number }[];
  };
  myEndorsement: { note: string; updatedAt: string } | null;
  [key: string]: unknown;
}

async function situation(shared = true, classification = 'confidential') {
  const c = await openCase(api, analyst, { classification, summary: 'What the Team may read.' });
  if (shared) await setPriority(api, adviser, c.id, true);
  return c;
}

const priority = (s: Session, id: string, body: unknown) =>
  http()
    .post(`/api/cases/${id}/priority`)
    .set(s.auth())
    .send(body as object);

async function listIds(s: Session): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const res = await http()
      .get('/api/priority-situations')
      .query(cursor ? { cursor, limit: '2' } : { limit: '2' })
      .set(s.auth());
    expect(res.status).toBe(200);
    const page = res.body as { items: View[]; nextCursor: string | null };
    for (const item of page.items) expect(Object.keys(item).sort()).toEqual(VIEW_KEYS);
    ids.push(...page.items.map((v) => v.id));
    cursor = page.nextCursor;
  } while (cursor);
  return ids;
}

const view = (s: Session, id: string) => http().get(`/api/priority-situations/${id}`).set(s.auth());
const endorse = (s: Session, id: string, body: unknown) =>
  http()
    .put(`/api/priority-situations/${id}/endorsement`)
    .set(s.auth())
    .send(body as object);

describe('POST /api/cases/:id/priority', () => {
  it('an adviser shares and unshares; the same value again writes nothing', async () => {
    const c = await situation(false);
    const shared = await priority(adviser, c.id, { shared: true });
    expect(shared.status).toBe(200);
    const asCase = await http().get(`/api/cases/${c.id}`).set(adviser.auth());
    expect(shared.body).toEqual(asCase.body);
    expect(shared.body).toMatchObject({ id: c.id, prioritySituation: true });

    const before = await writtenFor(c.id);
    const again = await priority(adviser, c.id, { shared: true });
    expect(again.status).toBe(200);
    expect(await writtenFor(c.id)).toEqual(before);

    const unshared = await priority(adviser, c.id, { shared: false });
    expect(unshared.status).toBe(200);
    expect(unshared.body).toMatchObject({ prioritySituation: false });

    const { rows: events } = await testPool().query<{ type: string; payload: unknown }>(
      `SELECT type, payload FROM case_events WHERE case_id = $1 AND type = 'case.priority_changed' ORDER BY seq`,
      [c.id],
    );
    expect(events).toEqual([
      { type: 'case.priority_changed', payload: { shared: true } },
      { type: 'case.priority_changed', payload: { shared: false } },
    ]);
    const { rows: audit } = await testPool().query<{ action: string; diff: unknown }>(
      `SELECT action, diff FROM audit_log WHERE case_id = $1 AND action LIKE 'case.priority%' ORDER BY seq`,
      [c.id],
    );
    expect(audit).toEqual([
      { action: 'case.priority_share', diff: { prioritySituation: { from: false, to: true } } },
      { action: 'case.priority_unshare', diff: { prioritySituation: { from: true, to: false } } },
    ]);
    // Open sockets are told to re-check access once the unsharing commits.
    const { rows: access } = await testPool().query<{ n: number }>(
      `SELECT count(*)::int AS n FROM outbox_events WHERE topic = 'access' AND case_id = $1`,
      [c.id],
    );
    expect(access[0]?.n).toBe(1);
  });

  it('an analyst (even the lead) gets 403; the Framework Team and an admin 404', async () => {
    const c = await situation(false);
    expectError(await priority(analyst, c.id, { shared: true }), 403);
    expectError(await priority(ft, c.id, { shared: true }), 404);
    expectError(await priority(admin, c.id, { shared: true }), 404);
    expectError(await priority(adviser, randomUUID(), { shared: true }), 404);
    expect((await http().post(`/api/cases/${c.id}/priority`).send({ shared: true })).status).toBe(
      401,
    );
  });

  it.each([[{}], [{ shared: 'yes' }], [{ shared: 1 }], [{ shared: true, note: 'x' }], [[true]]])(
    'bad body %j → 400, nothing written',
    async (body) => {
      const c = await situation(false);
      const before = await writtenFor(c.id);
      expectError(await priority(adviser, c.id, body), 400);
      expect(await writtenFor(c.id)).toEqual(before);
    },
  );
});

describe('the restricted view', () => {
  it('the Framework Team gets exactly the restricted fields, for shared cases within clearance', async () => {
    const shared = await situation();
    const notShared = await situation(false);
    const secret = await situation(true, 'strictly_confidential');
    const ids = await listIds(ft);
    expect(ids).toEqual(expect.arrayContaining([shared.id, secret.id]));
    expect(ids).not.toContain(notShared.id);

    const res = await view(ft, shared.id);
    expect(res.status).toBe(200);
    expect(Object.keys(res.body as object).sort()).toEqual(VIEW_KEYS);
    expect(res.body).toEqual({
      id: shared.id,
      reference: shared.reference,
      title: 'Situation under watch',
      country: 'KEN',
      stage: 'monitoring',
      riskLevel: null,
      riskTrend: null,
      summary: 'What the Team may read.',
      approvedRecommendations: [],
      endorsements: { total: 0, byOrganisation: [] },
      myEndorsement: null,
      updatedAt: expect.any(String),
    });
    expectError(await view(ft, notShared.id), 404);

    const lowFt = await sessionFor(api, { roles: ['framework_team'], clearance: 'confidential' });
    expect(await listIds(lowFt)).not.toContain(secret.id);
    expectError(await view(lowFt, secret.id), 404);
    expect((await view(lowFt, shared.id)).status).toBe(200);

    // Unsharing takes it away at once.
    await setPriority(api, adviser, shared.id, false);
    expectError(await view(ft, shared.id), 404);
    expect(await listIds(ft)).not.toContain(shared.id);
  });

  it('Office staff and admins get an empty list and 404 (they read the full case instead)', async () => {
    const c = await situation();
    for (const s of [analyst, adviser, admin]) {
      const res = await http().get('/api/priority-situations').set(s.auth());
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ items: [], nextCursor: null });
      expectError(await view(s, c.id), 404);
      expectError(await http().get(`/api/priority-situations/${c.id}/events`).set(s.auth()), 404);
    }
    expectError(await view(ft, 'not-a-uuid'), 400, /in the address must be a UUID/);
    expect((await http().get('/api/priority-situations')).status).toBe(401);
  });

  it('the timeline shows only what the view may see, without who acted; `after` catches up', async () => {
    const c = await situation();
    await comment(api, analyst, c.id, { thread: 'internal', body: 'Office only' });
    const theirs = await comment(api, analyst, c.id, { thread: 'framework_team', body: 'Hello' });
    const res = await http().get(`/api/priority-situations/${c.id}/events`).set(ft.auth());
    expect(res.status).toBe(200);
    const page = res.body as {
      items: {
        seq: number;
        type: string;
        actorId: unknown;
        actorName: unknown;
        payload: unknown;
      }[];
      nextCursor: string | null;
    };
    expect(page.items.map((e) => [e.type, e.payload, e.actorId, e.actorName])).toEqual([
      ['case.priority_changed', { shared: true }, null, null],
      [
        'comment.created',
        { commentId: theirs.id, thread: 'framework_team', parentId: null },
        null,
        null,
      ],
    ]);
    expect(page.nextCursor).toBeNull();

    const first = page.items[0]?.seq ?? 0;
    const limited = await http()
      .get(`/api/priority-situations/${c.id}/events`)
      .query({ limit: '1' })
      .set(ft.auth());
    expect((limited.body as typeof page).items.map((e) => e.seq)).toEqual([first]);
    expect((limited.body as typeof page).nextCursor).toBe(String(first));
    const rest = await http()
      .get(`/api/priority-situations/${c.id}/events`)
      .query({ after: String(first) })
      .set(ft.auth());
    expect((rest.body as typeof page).items.map((e) => e.type)).toEqual(['comment.created']);
    expectError(
      await http()
        .get(`/api/priority-situations/${c.id}/events`)
        .query({ after: '-1' })
        .set(ft.auth()),
      400,
    );
  });

  it('approvedRecommendations: approved, transmitted and implemented ones, with only their public fields', async () => {
    const c = await situation();
    const made: RecommendationBody[] = [];
    for (const text of ['Draft.', 'Approved.', 'Transmitted.', 'Implemented.', 'Declined.'])
      made.push(await draftRecommendation(api, analyst, c.id, { text }));
    const [, approved, transmitted, implemented, declined] = made;
    await advance(api, adviser, approved?.id ?? '', 'approve');
    await advance(api, adviser, transmitted?.id ?? '', 'approve', 'transmit');
    await advance(api, adviser, implemented?.id ?? '', 'approve', 'transmit', 'implemented');
    await advance(api, adviser, declined?.id ?? '', 'approve', 'declined');
    const statuses = new Map([
      [approved?.id, 'approved'],
      [transmitted?.id, 'transmitted'],
      [implemented?.id, 'implemented'],
    ]);
    const expected = made
      .filter((r) => statuses.has(r.id))
      .map((r) => ({
        id: r.id,
        addresseeName: 'The Secretary-General',
        addresseeKind: 'secretary_general',
        actionType: 'public_statement',
        text: r.text,
        status: statuses.get(r.id),
        dueDate: null,
      }));
    const res = await view(ft, c.id);
    expect(res.status).toBe(200);
    expect((res.body as View).approvedRecommendations).toEqual(expected);
    const listed = await http()
      .get('/api/priority-situations')
      .query({ limit: '100' })
      .set(ft.auth());
    const item = (listed.body as { items: View[] }).items.find((v) => v.id === c.id);
    expect(item?.approvedRecommendations).toEqual(expected);

    // Their timeline carries approvals, transmissions and implementations by id only; drafts and
    // the rest stay with the Office.
    const events = await http().get(`/api/priority-situations/${c.id}/events`).set(ft.auth());
    const seen = (events.body as { items: { type: string; payload: unknown }[] }).items.filter(
      (e) => e.type.startsWith('recommendation.'),
    );
    expect(seen.map((e) => e.type).sort()).toEqual([
      'recommendation.approved',
      'recommendation.approved',
      'recommendation.approved',
      'recommendation.approved',
      'recommendation.implemented',
      'recommendation.transmitted',
      'recommendation.transmitted',
    ]);
    for (const e of seen) {
      expect(e.payload).toEqual({ recommendationId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    }
  });
});

describe('endorsements', () => {
  it('one per member, changeable; counted per organisation; the Office reads who and why', async () => {
    const c = await situation();
    const org = await buildOrganisation({ acronym: `UNDP-${randomUUID().slice(0, 4)}` });
    const [colleagueA, colleagueB] = await Promise.all([
      sessionFor(api, {
        roles: ['framework_team'],
        clearance: 'confidential',
        organisationId: org.id,
      }),
      sessionFor(api, {
        roles: ['framework_team'],
        clearance: 'confidential',
        organisationId: org.id,
      }),
    ]);

    const first = await endorse(ft, c.id, { note: '  We support early action.  ' });
    expect(first.status).toBe(200);
    expect(first.body).toEqual({
      note: 'We support early action.',
      updatedAt: expect.any(String),
      organisationId: ft.user.organisationId,
    });
    const changed = await endorse(ft, c.id, { note: 'We support a mission.' });
    expect(changed.status).toBe(200);
    expect((changed.body as { note: string }).note).toBe('We support a mission.');
    for (const s of [colleagueA, colleagueB])
      expect((await endorse(s, c.id, { note: 'Agreed.' })).status).toBe(200);

    const mine = (await view(ft, c.id)).body as View;
    expect(mine.myEndorsement).toEqual({
      note: 'We support a mission.',
      updatedAt: (changed.body as { updatedAt: string }).updatedAt,
    });
    expect(mine.endorsements).toEqual({
      total: 3,
      byOrganisation: [
        { organisationId: org.id, acronym: org.acronym, name: org.name, count: 2 },
        {
          organisationId: ft.user.organisationId,
          acronym: expect.any(String),
          name: expect.any(String),
          count: 1,
        },
      ],
    });

    const office = await http().get(`/api/cases/${c.id}/endorsements`).set(analyst.auth());
    expect(office.status).toBe(200);
    const body = office.body as {
      items: { userId: string; displayName: string; organisation: { id: string }; note: string }[];
      byOrganisation: unknown;
      total: number;
    };
    expect(body.total).toBe(3);
    expect(body.byOrganisation).toEqual(mine.endorsements.byOrganisation);
    expect(body.items.map((i) => i.userId).sort()).toEqual(
      [ft.user.id, colleagueA.user.id, colleagueB.user.id].sort(),
    );
    expect(body.items.find((i) => i.userId === ft.user.id)).toEqual({
      userId: ft.user.id,
      displayName: ft.user.displayName,
      organisation: {
        id: ft.user.organisationId,
        acronym: expect.any(String),
        name: expect.any(String),
      },
      note: 'We support a mission.',
      updatedAt: expect.any(String),
    });
    expectError(await http().get(`/api/cases/${c.id}/endorsements`).set(ft.auth()), 404);
    expectError(await http().get(`/api/cases/${c.id}/endorsements`).set(admin.auth()), 404);

    // Withdrawing.
    const withdrawn = await http()
      .delete(`/api/priority-situations/${c.id}/endorsement`)
      .set(colleagueA.auth());
    expect(withdrawn.status).toBe(204);
    expectError(
      await http().delete(`/api/priority-situations/${c.id}/endorsement`).set(colleagueA.auth()),
      404,
    );
    const after = (await view(colleagueA, c.id)).body as View;
    expect(after.myEndorsement).toBeNull();
    expect(after.endorsements.total).toBe(2);

    const { rows } = await testPool().query<{ type: string; payload: unknown }>(
      `SELECT type, payload FROM case_events WHERE case_id = $1 AND type LIKE 'endorsement.%' ORDER BY seq`,
      [c.id],
    );
    expect(rows).toEqual([
      { type: 'endorsement.saved', payload: { organisationId: ft.user.organisationId } },
      { type: 'endorsement.saved', payload: { organisationId: ft.user.organisationId } },
      { type: 'endorsement.saved', payload: { organisationId: org.id } },
      { type: 'endorsement.saved', payload: { organisationId: org.id } },
      { type: 'endorsement.withdrawn', payload: { organisationId: org.id } },
    ]);
    const { rows: audit } = await testPool().query<{ action: string }>(
      `SELECT action FROM audit_log WHERE case_id = $1 AND entity = 'endorsement' ORDER BY seq`,
      [c.id],
    );
    expect(audit.map((a) => a.action)).toEqual([
      'endorsement.create',
      'endorsement.update',
      'endorsement.create',
      'endorsement.create',
      'endorsement.withdraw',
    ]);
  });

  it('the same note again writes nothing', async () => {
    const c = await situation();
    const first = await endorse(ft, c.id, { note: 'Same' });
    const before = await writtenFor(c.id);
    const again = await endorse(ft, c.id, { note: 'Same' });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(await writtenFor(c.id)).toEqual(before);
  });

  it('only the Framework Team on a shared case it may read; bad notes → 400, nothing written', async () => {
    const c = await situation();
    const notShared = await situation(false);
    for (const s of [analyst, adviser, admin])
      expectError(await endorse(s, c.id, { note: 'x' }), 404);
    expectError(await endorse(ft, notShared.id, { note: 'x' }), 404);
    expectError(await endorse(ft, randomUUID(), { note: 'x' }), 404);
    const before = await writtenFor(c.id);
    for (const body of [
      {},
      { note: '' },
      { note: '   ' },
      { note: 'x'.repeat(2001) },
      { note: 'x', extra: 1 },
      { note: 7 },
    ])
      expectError(await endorse(ft, c.id, body), 400);
    expect(await writtenFor(c.id)).toEqual(before);
    expect((await endorse(ft, c.id, { note: 'x'.repeat(2000) })).status).toBe(200);
  });
});
