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

describe('lockout counter under concurrency', () => {
  it('10 concurrent wrong passwords lock the account and every failure is counted once', async () => {
    const user = await buildUser();
    await warmPool();
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        http()
          .post('/api/auth/login')
          .send({ email: user.email, password: `wrong ${i}` }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(10).fill(401));
    const messages = results.map((r) => (r.body as { message: string }).message);
    expect(messages.some((m) => /locked/.test(m))).toBe(true);

    // Locked now: the right password is refused.
    const right = await http()
      .post('/api/auth/login')
      .send({ email: user.email, password: user.password });
    expect(right.status).toBe(401);
    expect((right.body as { message: string }).message).toMatch(/locked/);

    const { rows } = await testPool().query<{ failed_logins: number; ahead_s: number }>(
      `SELECT failed_logins, extract(epoch FROM locked_until - now())::float AS ahead_s FROM users WHERE id = $1`,
      [user.id],
    );
    expect(rows[0]?.ahead_s).toBeGreaterThan(14 * 60);

    // Each attempt that checked the password was counted exactly once: every 5th locked and
    // reset the counter, the rest are still on it. Attempts that arrived after the lock was
    // committed were refused as locked without counting.
    const { rows: audit } = await testPool().query<{ reason: string; n: number }>(
      `SELECT CASE WHEN action = 'auth.account_locked' THEN 'lock' ELSE diff->>'reason' END AS reason, count(*)::int AS n
       FROM audit_log WHERE entity_id = $1 AND action IN ('auth.login_failed', 'auth.account_locked')
       GROUP BY 1`,
      [user.id],
    );
    const n = (reason: string) => audit.find((r) => r.reason === reason)?.n ?? 0;
    const counted = n('wrong_password');
    const refusedAsLocked = n('locked');
    expect(counted + refusedAsLocked).toBe(10 + 1); // + the right password tried while locked
    expect(counted).toBeGreaterThanOrEqual(5);
    expect(n('lock')).toBeGreaterThanOrEqual(1);
    expect(n('lock') * 5 + (rows[0]?.failed_logins ?? -1)).toBe(counted);
  });
});
