import { randomUUID } from 'node:crypto';
import { sessionFor, type Session, type TestApi } from '../support/api.js';
import { type ConcurrentApi, startConcurrentApi } from '../support/concurrency.js';
import { closeTestPool, testPool } from '../support/factories.js';

let api: TestApi;
let http: ConcurrentApi['http'];
let warmPool: ConcurrentApi['warmPool'];
let admin: Session;

beforeAll(async () => {
  ({ api, http, warmPool } = await startConcurrentApi());
  admin = await sessionFor(api, { roles: ['admin'] });
});

afterAll(async () => {
  await api.close();
  await closeTestPool();
});

interface Answer {
  status: number;
  body: unknown;
}

/** Statuses, counted: { 201: 1, 409: 9 }. */
function tally(answers: Answer[]): Record<number, number> {
  const counts: Record<number, number> = {};
  for (const a of answers) counts[a.status] = (counts[a.status] ?? 0) + 1;
  return counts;
}

describe('admins writing the same thing at once', () => {
  it('10 concurrent creations of one organisation: one 201, nine 409s, never a 500', async () => {
    const t = randomUUID().slice(0, 8);
    await warmPool();
    const answers = await Promise.all(
      Array.from({ length: 10 }, () =>
        http()
          .post('/api/organisations')
          .set(admin.auth())
          .send({ name: `Race ${t}`, acronym: `R${t}`, kind: 'office' }),
      ),
    );
    expect(tally(answers)).toEqual({ 201: 1, 409: 9 });
    for (const a of answers.filter((x) => x.status === 409)) {
      expect(a.body).toMatchObject({
        statusCode: 409,
        message: expect.stringMatching(/name or acronym exists/),
      });
    }
    const { rows } = await testPool().query<{ n: number; audited: number }>(
      `SELECT (SELECT count(*) FROM organisations WHERE acronym = $1)::int AS n,
              (SELECT count(*) FROM audit_log WHERE action = 'organisation.create' AND diff->>'acronym' = $1)::int AS audited`,
      [`R${t}`],
    );
    expect(rows[0]).toEqual({ n: 1, audited: 1 });
  });

  it('two organisations renamed to one acronym at once: one 200, one 409 naming acronym', async () => {
    const t = randomUUID().slice(0, 8);
    const ids: string[] = [];
    for (const n of [1, 2]) {
      const res = await http()
        .post('/api/organisations')
        .set(admin.auth())
        .send({ name: `Rename ${n} ${t}`, acronym: `RN${n}${t}`, kind: 'office' });
      ids.push((res.body as { id: string }).id);
    }
    await warmPool();
    const answers = await Promise.all(
      ids.map((id) =>
        http()
          .patch(`/api/organisations/${id}`)
          .set(admin.auth())
          .send({ acronym: `SAME${t}` }),
      ),
    );
    expect(tally(answers)).toEqual({ 200: 1, 409: 1 });
    const conflict = answers.find((a) => a.status === 409);
    expect(conflict?.body).toMatchObject({
      details: [{ field: 'acronym', message: expect.any(String) }],
    });
  });

  it('10 concurrent creations of one user e-mail: one 201, nine 409s', async () => {
    const email = `race-${randomUUID().slice(0, 8)}@vigil.test`;
    await warmPool();
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        http()
          .post('/api/users')
          .set(admin.auth())
          .send({
            email: i % 2 ? email.toUpperCase() : email,
            displayName: `Race ${i}`,
            password: 'a long enough password',
            roles: ['analyst'],
            clearance: 'unclassified',
            organisationId: admin.user.organisationId,
          }),
      ),
    );
    expect(tally(answers)).toEqual({ 201: 1, 409: 9 });
    const { rows } = await testPool().query<{ n: number }>(
      'SELECT count(*)::int AS n FROM users WHERE email = $1',
      [email],
    );
    expect(rows[0]?.n).toBe(1);
  });
});
