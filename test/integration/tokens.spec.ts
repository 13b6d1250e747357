import { refreshTokenFrom, sessionFor, type TestApi } from '../support/api.js';
import { type ConcurrentApi, startConcurrentApi } from '../support/concurrency.js';
import { buildUser, closeTestPool, testPool } from '../support/factories.js';

let api: TestApi;
const cookie = (token: string) => `vigil_refresh=${token}`;
let http: ConcurrentApi['http'];
let warmPool: ConcurrentApi['warmPool'];

beforeAll(async () => {
  ({ api, http, warmPool } = await startConcurrentApi());
});

afterAll(async () => {
  await api.close();
  await closeTestPool();
});

describe('refresh token rotation under concurrency', () => {
  it('20 concurrent refreshes of one token: never two successes, and any reuse revokes the family', async () => {
    const session = await sessionFor(api);
    const { rows: family } = await testPool().query<{ family_id: string }>(
      'SELECT family_id FROM refresh_tokens WHERE user_id = $1',
      [session.user.id],
    );
    expect(family).toHaveLength(1);
    const familyId = family[0]?.family_id;

    await warmPool();
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        http().post('/api/auth/refresh').set('Cookie', cookie(session.refreshToken)).send(),
      ),
    );
    const statuses = results.map((r) => r.status);
    const successes = results.filter((r) => r.status === 200);
    expect(successes.length).toBeLessThanOrEqual(1);
    expect(statuses.filter((s) => s !== 200 && s !== 401)).toEqual([]);
    const refused = results.filter((r) => r.status === 401);
    expect(refused).toHaveLength(20 - successes.length);
    for (const r of refused)
      expect((r.body as { message: string }).message).toMatch(/already used/);

    // Reuse was detected, so no token of the family is live: not even the one handed out.
    const { rows: live } = await testPool().query<{ n: number }>(
      'SELECT count(*)::int AS n FROM refresh_tokens WHERE family_id = $1 AND revoked_at IS NULL',
      [familyId],
    );
    expect(live[0]?.n).toBe(0);
    for (const winner of successes) {
      const next = refreshTokenFrom(winner) ?? '';
      expect(
        (await http().post('/api/auth/refresh').set('Cookie', cookie(next)).send()).status,
      ).toBe(401);
    }

    // The audit trail agrees: at most one rotation, one reuse entry per refused attempt.
    const { rows: audit } = await testPool().query<{ action: string; n: number }>(
      `SELECT action, count(*)::int AS n FROM audit_log
       WHERE entity_id = $1 AND action IN ('auth.refresh', 'auth.refresh_reuse_detected') GROUP BY action`,
      [session.user.id],
    );
    const byAction = Object.fromEntries(audit.map((r) => [r.action, r.n]));
    expect(byAction['auth.refresh'] ?? 0).toBe(successes.length);
    expect(byAction['auth.refresh_reuse_detected']).toBeGreaterThanOrEqual(refused.length);
  });

  it('concurrent refreshes of two sessions of one user do not interfere', async () => {
    const user = await buildUser();
    const login = () =>
      http().post('/api/auth/login').send({ email: user.email, password: user.password });
    const tokens = [await login(), await login()].map((r) => refreshTokenFrom(r) ?? '');
    const results = await Promise.all(
      tokens.map((token) => http().post('/api/auth/refresh').set('Cookie', cookie(token)).send()),
    );
    expect(results.map((r) => r.status)).toEqual([200, 200]);
  });
});

describe('sign-in delays under concurrency', () => {
  it('10 concurrent wrong passwords from one address: five are checked, the rest wait, and nothing locks the account', async () => {
    const user = await buildUser();
    await warmPool();
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        http()
          .post('/api/auth/login')
          .send({ email: user.email, password: `wrong ${i}` }),
      ),
    );
    const statuses = results.map((r) => r.status).sort();
    // Each attempt claims its turn under the row lock: a burst cannot slip more guesses through
    // one opening than LOGIN_MAX_FAILURES (5).
    expect(statuses).toEqual([...Array(5).fill(401), ...Array(5).fill(429)]);

    const { rows } = await testPool().query<{ attempts: number; failures: number; wait_s: number }>(
      `SELECT attempts, failures, extract(epoch FROM blocked_until - now())::float AS wait_s
       FROM login_throttles WHERE email = $1`,
      [user.email],
    );
    expect(rows).toEqual([{ attempts: 5, failures: 5, wait_s: expect.any(Number) }]);
    expect(rows[0]?.wait_s).toBeGreaterThan(25);
    const { rows: locked } = await testPool().query<{ locked_until: Date | null }>(
      'SELECT locked_until FROM users WHERE id = $1',
      [user.id],
    );
    expect(locked[0]?.locked_until).toBeNull();

    // Every checked password was audited once; the waiting ones were never checked.
    const { rows: audit } = await testPool().query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE entity_id = $1 AND action = 'auth.login_failed'`,
      [user.id],
    );
    expect(audit[0]?.n).toBe(5);
  });
});
