import { subject } from '@casl/ability';
import { JwtService } from '@nestjs/jwt';
import { randomUUID } from 'node:crypto';
import {
  abilityFromPackedRules,
  type PackRule,
  type AppRawRule,
} from '../../libs/domain/src/index.js';
import { refreshTokenFrom, sessionFor, startTestApi, type TestApi } from '../support/api.js';
import { buildUser, closeTestPool, TEST_PASSWORD, testPool } from '../support/factories.js';
import { auditEntries, expectError } from '../support/http.js';
import { testConfig } from '../support/test-config.js';

const WRONG = 'E-mail or password is wrong.';

let api: TestApi;
const secret = testConfig().JWT_SECRET;
const jwt = new JwtService({ secret });

/** The id of a live session of `userId` (a token must name one to be accepted). */
async function liveSessionOf(userId: string): Promise<string> {
  const user = (
    await testPool().query<{ email: string }>('SELECT email FROM users WHERE id = $1', [userId])
  ).rows[0];
  if (!user) throw new Error('no such user');
  await login(user.email, TEST_PASSWORD);
  const { rows } = await testPool().query<{ id: string }>(
    'SELECT id FROM auth_sessions WHERE user_id = $1 AND ended_at IS NULL ORDER BY started_at DESC LIMIT 1',
    [userId],
  );
  return rows[0]?.id ?? '';
}

beforeAll(async () => {
  api = await startTestApi();
});

afterAll(async () => {
  await api.close();
  await closeTestPool();
});

interface SessionBody {
  accessToken: string;
  expiresIn: number;
  sessionExpiresAt: string;
  user: { id: string; email: string; roles: string[] };
}

function login(email: string, password: string) {
  return api.http().post('/api/auth/login').send({ email, password });
}

function me(accessToken: string) {
  return api.http().get('/api/auth/me').set('Authorization', `Bearer ${accessToken}`);
}

/** The sign-in waits kept for `email` (one row per address). */
async function throttleRows(
  email: string,
): Promise<{ address: string; attempts: number; failures: number; wait_s: number | null }[]> {
  const { rows } = await testPool().query<{
    address: string;
    attempts: number;
    failures: number;
    wait_s: number | null;
  }>(
    `SELECT address, attempts, failures, extract(epoch FROM blocked_until - now())::float AS wait_s
     FROM login_throttles WHERE email = $1 ORDER BY address`,
    [email.toLowerCase()],
  );
  return rows;
}

/** As if the wait of every address on `email` had run out. */
async function waitOut(email: string): Promise<void> {
  await testPool().query(
    `UPDATE login_throttles SET blocked_until = now() - interval '1 second' WHERE email = $1`,
    [email.toLowerCase()],
  );
}

describe('POST /api/auth/login', () => {
  it('returns a session with tokens and the user, and never the password hash', async () => {
    const user = await buildUser({ roles: ['analyst'] });
    const res = await login(user.email, user.password);

    expect(res.status).toBe(200);
    const body = res.body as SessionBody;
    // The refresh token is not in the body (script-readable): only in the HttpOnly cookie.
    expect(Object.keys(body).sort()).toEqual([
      'accessToken',
      'expiresIn',
      'sessionExpiresAt',
      'user',
    ]);
    expect(body.accessToken).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(refreshTokenFrom(res)?.length).toBeGreaterThanOrEqual(20);
    expect(body.expiresIn).toBe(testConfig().ACCESS_TOKEN_TTL_SECONDS);
    expect(body.user).toMatchObject({ id: user.id, email: user.email, roles: ['analyst'] });
    const text = JSON.stringify(body);
    expect(text).not.toMatch(/argon2/i);
    expect(text).not.toMatch(/password/i);
    expect(text).not.toContain(TEST_PASSWORD);

    // The access token works straight away.
    expect((await me(body.accessToken)).status).toBe(200);
  });

  it('refuses a wrong password with 401 and a generic message', async () => {
    const user = await buildUser();
    expectError(await login(user.email, 'not the password'), 401, new RegExp(`^${WRONG}$`));
  });

  it('answers an unknown e-mail exactly like a wrong password', async () => {
    const user = await buildUser();
    const unknown = await login(`nobody-${randomUUID()}@vigil.test`, 'whatever password');
    const wrong = await login(user.email, 'not the password');
    expectError(unknown, 401, new RegExp(`^${WRONG}$`));
    expect(unknown.body).toEqual(wrong.body);
  });

  it('matches the e-mail case-insensitively', async () => {
    const user = await buildUser();
    const res = await login(user.email.toUpperCase(), user.password);
    expect(res.status).toBe(200);
    expect((res.body as SessionBody).user.email).toBe(user.email);
  });

  it('refuses a deactivated account even with the right password', async () => {
    const user = await buildUser({ active: false });
    expectError(await login(user.email, user.password), 401, /deactivated/);
  });

  it('refuses a body without e-mail and password with 400 naming both fields', async () => {
    const res = await api.http().post('/api/auth/login').send({});
    const body = expectError(res, 400);
    expect(body.details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'email' }),
        expect.objectContaining({ field: 'password' }),
      ]),
    );
  });
});

describe('password guessing from one address (progressive delays, no account lock)', () => {
  const TOO_MANY =
    /^Too many failed sign-ins for this e-mail from your address\. Try again in \d+ seconds?\.$/;

  it('five failures make that address wait 30 s (429 with Retry-After), doubling after each further failure; the account is not locked', async () => {
    const user = await buildUser();
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      expectError(await login(user.email, `wrong ${attempt}`), 401, new RegExp(`^${WRONG}$`));
    }
    // The sixth attempt is not even checked, whatever the password.
    for (const password of ['wrong 6', user.password]) {
      const res = await login(user.email, password);
      const body = expectError(res, 429, TOO_MANY);
      const seconds = (body.details as { retryAfterSeconds: number }).retryAfterSeconds;
      expect(seconds).toBeGreaterThanOrEqual(29);
      expect(seconds).toBeLessThanOrEqual(30);
      expect(res.headers['retry-after']).toBe(String(seconds));
    }
    const [row] = await throttleRows(user.email);
    expect(row).toMatchObject({ attempts: 5, failures: 5 });

    // Once the wait is over, one more attempt; failing, the next wait is twice as long.
    await waitOut(user.email);
    expectError(await login(user.email, 'wrong 7'), 401, new RegExp(`^${WRONG}$`));
    const doubled = expectError(await login(user.email, 'wrong 8'), 429, TOO_MANY);
    expect((doubled.details as { retryAfterSeconds: number }).retryAfterSeconds).toBeGreaterThan(
      55,
    );

    // Nothing was locked: an administrator sees no lock, and the right password works once the
    // wait is over, clearing the count for this address.
    const admin = await sessionFor(api, { roles: ['admin'] });
    const seen = await api.http().get(`/api/users/${user.id}`).set(admin.auth());
    expect((seen.body as { lockedUntil: string | null }).lockedUntil).toBeNull();
    expect(
      await auditEntries(api, admin, { action: 'auth.account_locked', entityId: user.id }),
    ).toEqual([]);
    await waitOut(user.email);
    expect((await login(user.email, user.password)).status).toBe(200);
    expect(await throttleRows(user.email)).toEqual([]);
    // A fresh count: four failures in a row do not make this address wait.
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      expectError(await login(user.email, `wrong ${attempt}`), 401, new RegExp(`^${WRONG}$`));
    }
    expect((await login(user.email, user.password)).status).toBe(200);
  });

  it('answers an unknown e-mail exactly as a known one, waits included', async () => {
    const user = await buildUser();
    const unknown = `nobody-${randomUUID()}@vigil.test`;
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      const a = await login(user.email, `wrong ${attempt}`);
      const b = await login(unknown, `wrong ${attempt}`);
      expect([a.status, b.status]).toEqual([401, 401]);
      expect(a.body).toEqual(b.body);
    }
    const a = await login(user.email, 'wrong 6');
    const b = await login(unknown, 'wrong 6');
    expect([a.status, b.status]).toEqual([429, 429]);
    expect((a.body as { message: string }).message).toBe((b.body as { message: string }).message);
  });
});

describe('sign-in rate limit', () => {
  let limited: TestApi;

  beforeAll(async () => {
    limited = await startTestApi({ LOGIN_RATE_LIMIT: '3' });
  });

  afterAll(async () => {
    await limited.close();
  });

  it('answers 429 to the fourth attempt for one e-mail in the window, whatever its case, while others still sign in', async () => {
    const target = await buildUser();
    const other = await buildUser();
    const attempt = (email: string, password: string) =>
      limited.http().post('/api/auth/login').send({ email, password });

    expect((await attempt(target.email, 'wrong')).status).toBe(401);
    expect((await attempt(target.email.toUpperCase(), 'wrong')).status).toBe(401);
    expect((await attempt(target.email, target.password)).status).toBe(200);

    // Even the right password is throttled now.
    const throttled = expectError(
      await attempt(target.email, target.password),
      429,
      /Too many sign-in attempts/,
    );
    expect(throttled.details).toEqual({ retryAfterSeconds: expect.any(Number) });
    expectError(
      await attempt(target.email.toUpperCase(), target.password),
      429,
      /Too many sign-in attempts/,
    );

    expect((await attempt(other.email, other.password)).status).toBe(200);
  });
});

describe('access tokens', () => {
  it('refuses an expired token with 401 saying it expired', async () => {
    const user = await buildUser();
    const token = await jwt.signAsync({
      sub: user.id,
      typ: 'access',
      sid: await liveSessionOf(user.id),
      exp: Math.floor(Date.now() / 1000) - 60,
    });
    expectError(await me(token), 401, /expired/);
  });

  it('accepts a token it signed itself (control for the forgeries below)', async () => {
    const user = await buildUser();
    const sid = await liveSessionOf(user.id);
    const token = await jwt.signAsync({ sub: user.id, typ: 'access', sid }, { expiresIn: 60 });
    expect((await me(token)).status).toBe(200);
  });

  it('refuses forged tokens: another secret, alg none, another algorithm, wrong type, unknown user, no or foreign session', async () => {
    const user = await buildUser();
    const sid = await liveSessionOf(user.id);
    const someoneElses = await liveSessionOf((await buildUser()).id);
    const otherSecret = await new JwtService({
      secret: 'another-secret-another-secret-another-0',
    }).signAsync({ sub: user.id, typ: 'access', sid }, { expiresIn: 60 });
    const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const exp = Math.floor(Date.now() / 1000) + 60;
    const algNone = `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ sub: user.id, typ: 'access', sid, exp })}.`;
    const hs512 = await jwt.signAsync(
      { sub: user.id, typ: 'access', sid },
      { expiresIn: 60, algorithm: 'HS512' },
    );
    const refreshTyped = await jwt.signAsync(
      { sub: user.id, typ: 'refresh', sid },
      { expiresIn: 60 },
    );
    const ghost = await jwt.signAsync({ sub: randomUUID(), typ: 'access', sid }, { expiresIn: 60 });
    const noSession = await jwt.signAsync({ sub: user.id, typ: 'access' }, { expiresIn: 60 });
    const unknownSession = await jwt.signAsync(
      { sub: user.id, typ: 'access', sid: randomUUID() },
      { expiresIn: 60 },
    );
    const foreignSession = await jwt.signAsync(
      { sub: user.id, typ: 'access', sid: someoneElses },
      { expiresIn: 60 },
    );

    for (const token of [otherSecret, algNone, hs512, refreshTyped, ghost, noSession]) {
      expectError(await me(token), 401, /not valid/);
    }
    for (const token of [unknownSession, foreignSession]) {
      expectError(await me(token), 401, /session has ended/);
    }
  });

  it('refuses garbage Authorization headers with 401', async () => {
    const session = await sessionFor(api);
    for (const header of [
      'Bearer',
      'Bearer ',
      'Bearer not-a-jwt',
      'Bearer a.b.c',
      `Basic ${Buffer.from('a:b').toString('base64')}`,
      `Token ${session.accessToken}`,
      `Bearer ${session.accessToken} extra`,
      session.accessToken,
    ]) {
      const res = await api.http().get('/api/auth/me').set('Authorization', header);
      expectError(res, 401);
    }
  });

  it('refuses the token of a user deactivated since it was issued', async () => {
    const session = await sessionFor(api);
    await testPool().query('UPDATE users SET active = false WHERE id = $1', [session.user.id]);
    expectError(await me(session.accessToken), 401, /deactivated/);
  });
});

describe('GET /api/auth/me', () => {
  it('returns the user and packed rules that rebuild the right ability', async () => {
    const admin = await sessionFor(api, { roles: ['admin'] });
    const analyst = await sessionFor(api, { roles: ['analyst'] });

    const abilityOf = async (accessToken: string, userId: string) => {
      const res = await me(accessToken);
      expect(res.status).toBe(200);
      const body = res.body as { user: { id: string }; rules: PackRule<AppRawRule>[] };
      expect(body.user.id).toBe(userId);
      expect(JSON.stringify(body)).not.toMatch(/password/i);
      expect(Array.isArray(body.rules)).toBe(true);
      expect(body.rules.length).toBeGreaterThan(0);
      return abilityFromPackedRules(body.rules);
    };

    const adminAbility = await abilityOf(admin.accessToken, admin.user.id);
    expect(adminAbility.can('create', 'User')).toBe(true);
    expect(adminAbility.can('read', 'AuditEntry')).toBe(true);

    const analystAbility = await abilityOf(analyst.accessToken, analyst.user.id);
    expect(analystAbility.can('create', 'User')).toBe(false);
    expect(analystAbility.can('read', 'AuditEntry')).toBe(false);
    expect(analystAbility.can('create', 'Case')).toBe(true);
    expect(
      analystAbility.can(
        'read',
        subject('User', { id: analyst.user.id, organisationId: analyst.user.organisationId }),
      ),
    ).toBe(true);
    expect(
      analystAbility.can(
        'read',
        subject('User', { id: admin.user.id, organisationId: admin.user.organisationId }),
      ),
    ).toBe(false);
  });

  it('answers 401 without a token', async () => {
    expectError(await api.http().get('/api/auth/me'), 401, /Sign in first/);
  });
});
