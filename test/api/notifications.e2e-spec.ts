import { randomUUID } from 'node:crypto';
import { sessionFor, startTestApi, type Session, type TestApi } from '../support/api.js';
import { openCase } from '../support/cases.js';
import { closeTestPool, testPool } from '../support/factories.js';
import { auditEntries, expectError } from '../support/http.js';
import { allPages } from '../support/workflow-helpers.js';

let api: TestApi;
let alice: Session;
let bob: Session;
let admin: Session;

beforeAll(async () => {
  api = await startTestApi();
  alice = await sessionFor(api, { roles: ['analyst'], clearance: 'strictly_confidential' });
  bob = await sessionFor(api, { roles: ['adviser'], clearance: 'strictly_confidential' });
  admin = await sessionFor(api, { roles: ['admin'], clearance: 'strictly_confidential' });
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
  createdAt: string;
  readAt: string | null;
}

/** Notifications written as the job would (direct fixtures): returns their ids, oldest first. */
async function notify(
  userId: string,
  n: number,
  caseId: string | null = null,
  at?: string,
): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i += 1) {
    const { rows } = await testPool().query<{ id: string }>(
      `INSERT INTO notifications (user_id, type, case_id, payload, created_at)
       VALUES ($1, 'review.overdue', $2, $3, COALESCE($4::timestamptz + (interval '1 microsecond' * $5), now() + (interval '1 millisecond' * $5)))
       RETURNING id`,
      [userId, caseId, JSON.stringify({ n: i }), at ?? null, i],
    );
    ids.push(rows[0]?.id ?? '');
  }
  return ids;
}

async function list(s: Session, query: Record<string, string> = {}) {
  const res = await http().get('/api/notifications').query(query).set(s.auth());
  expect(res.status).toBe(200);
  return res.body as { items: NotificationBody[]; nextCursor: string | null; unread: number };
}

describe('notifications', () => {
  it('each user lists only their own, newest first, with the unread count', async () => {
    const c = await openCase(api, alice);
    const mine = await notify(alice.user.id, 3, c.id);
    const theirs = await notify(bob.user.id, 1);
    const a = await list(alice);
    expect(a.unread).toBe(3);
    expect(a.items.map((n) => n.id)).toEqual([...mine].reverse());
    expect(a.items[0]).toEqual({
      id: mine[2],
      type: 'review.overdue',
      caseId: c.id,
      payload: { n: 2 },
      createdAt: expect.any(String),
      readAt: null,
    });
    const b = await list(bob);
    expect(b.items.map((n) => n.id)).toEqual(theirs);
    expect(b.unread).toBe(1);
    expect((await list(admin)).items).toEqual([]);
    expectError(await http().get('/api/notifications'), 401);
  });

  it('mark one read (someone else’s id: 404), unread filter, mark all read; each write audited', async () => {
    const carol = await sessionFor(api, { roles: ['analyst'], clearance: 'confidential' });
    const dave = await sessionFor(api, { roles: ['analyst'], clearance: 'confidential' });
    const ids = await notify(carol.user.id, 3);
    const [daveNote] = await notify(dave.user.id, 1);

    const read = await http().post(`/api/notifications/${ids[0]}/read`).set(carol.auth());
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ id: ids[0], readAt: expect.any(String) });
    const again = await http().post(`/api/notifications/${ids[0]}/read`).set(carol.auth());
    expect(again.body).toMatchObject({ readAt: (read.body as NotificationBody).readAt });
    expect((await list(carol)).unread).toBe(2);
    expect((await list(carol, { unread: 'true' })).items.map((n) => n.id)).toEqual([
      ids[2],
      ids[1],
    ]);

    expectError(
      await http().post(`/api/notifications/${daveNote}/read`).set(carol.auth()),
      404,
      /^No such notification\.$/,
    );
    expectError(
      await http().post(`/api/notifications/${randomUUID()}/read`).set(carol.auth()),
      404,
    );
    expectError(
      await http().post('/api/notifications/not-a-uuid/read').set(carol.auth()),
      400,
      /in the address must be a UUID/,
    );
    expect((await list(dave)).items[0]?.readAt).toBeNull();

    const all = await http().post('/api/notifications/read-all').set(carol.auth());
    expect(all.status).toBe(200);
    expect(all.body).toEqual({ marked: 2 });
    expect((await http().post('/api/notifications/read-all').set(carol.auth())).body).toEqual({
      marked: 0,
    });
    const after = await list(carol);
    expect(after.unread).toBe(0);
    expect(after.items.every((n) => n.readAt !== null)).toBe(true);
    expect(await list(carol, { unread: 'true' })).toEqual({
      items: [],
      nextCursor: null,
      unread: 0,
    });
    expect((await list(dave)).unread).toBe(1);

    const audited = await auditEntries(api, admin, { actorId: carol.user.id });
    expect(audited.map((e) => [e.action, e.entityId])).toEqual([
      ['notification.read_all', null],
      ['notification.read', ids[0]],
      ['notification.read', ids[0]],
    ]);
    expect(audited[0]?.diff).toEqual({ marked: 2 });
    const verify = await http().get('/api/audit/verify').set(admin.auth());
    expect(verify.body).toMatchObject({ ok: true, firstBrokenSeq: null });
  });

  it('pages of 2 cover every notification once, even a microsecond apart', async () => {
    const erin = await sessionFor(api, { roles: ['adviser'], clearance: 'confidential' });
    const ids = await notify(erin.user.id, 5, null, '2030-06-01T12:00:00.000100Z');
    const items = await allPages<NotificationBody>(http, erin, '/api/notifications', {
      limit: '2',
    });
    expect(items.map((n) => n.id)).toEqual([...ids].reverse());
    expectError(
      await http().get('/api/notifications').query({ cursor: 'forged' }).set(erin.auth()),
      400,
      /cursor/,
    );
  });
});
