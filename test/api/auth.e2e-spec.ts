import { subject } from '@casl/ability';
import { JwtService } from '@nestjs/jwt';
import { randomUUID } from 'node:crypto';
import {
  abilityFromPackedRules,
  type PackRule,
  type AppRawRule,
} from '../../libs/domain/src/index.js';
import { sessionFor, signIn, startTestApi, type TestApi } from '../support/api.js';
import { buildUser, closeTestPool, TEST_PASSWORD, testPool } from '../support/factories.js';
import { auditEntries, expectError } from '../support/http.js';
import { testConfig } from '../support/test-config.js';

const WRONG = 'E-mail or password is wrong.';
const LOCKED = /locked after too many failed sign-ins/;

let api: TestApi;
const secret = testConfig().JWT_SECRET;

beforeAll(async () => {
  api = await startTestApi();
});

afterAll(async () => {
  await api.close();
  await closeTestPool();
});

interface SessionBody {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  user: { id: string; email: string; roles: string[] };
}

function login(email: string, password: string) {
  return api.http().post('/api/auth/login').send({ email, password });
}

function refresh(refreshToken: string, on: TestApi = api) {
  return on.http().post('/api/auth/refresh').send({ refreshToken });
}

function me(accessToken: string) {
  return api.http().get('/api/auth/me').set('Authorization', `Bearer ${accessToken}`);
}

async function loginState(
  userId: string,
): Promise<{ failed_logins: number; locked_until: Date | null; now: Date }> {
  const { rows } = await testPool().query<{
    failed_logins: number;
    locked_until: Date | null;
    now: Date;
  }>('SELECT failed_logins, locked_until, now() AS now FROM users WHERE id = $1', [userId]);
  const row = rows[0];
  if (!row) throw new Error(`no user ${userId}`);
  return row;
}

describe('POST /api/auth/login', () => {
  it('returns a session with tokens and the user, and never the password hash', async () => {
    const user = await buildUser({ roles: ['analyst'] });
    const res = await login(user.email, user.password);

    expect(res.status).toBe(200);
    const body = res.body as SessionBody;
    expect(Object.keys(body).sort()).toEqual(['accessToken', 'expiresIn', 'refreshToken', 'user']);
    expect(body.accessToken).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(body.refreshToken.length).toBeGreaterThanOrEqual(20);
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

describe('account lockout', () => {
  it('locks after five wrong passwords, refuses the right one while locked, and unlocks when the lock ends', async () => {
    const user = await buildUser();

    for (let attempt = 1; attempt <= 4; attempt += 1) {
      expectError(await login(user.email, `wrong ${attempt}`), 401, new RegExp(`^${WRONG}$`));
    }
    expect((await loginState(user.id)).failed_logins).toBe(4);

    // The fifth failure is the one that locks, and says so.
    const fifth = expectError(await login(user.email, 'wrong 5'), 401, LOCKED);
    expect(fifth.message).toMatch(/15 minutes/);
    const state = await loginState(user.id);
    expect(state.locked_until).not.toBeNull();
    const ahead = (state.locked_until?.getTime() ?? 0) - state.now.getTime();
    expect(ahead).toBeGreaterThan(14 * 60_000);
    expect(ahead).toBeLessThanOrEqual(15 * 60_000 + 1000);
    expect(fifth.details).toEqual({ lockedUntil: state.locked_until?.toISOString() });

    // Even the right password is refused while the lock holds.
    expectError(await login(user.email, user.password), 401, LOCKED);

    // An admin sees the lock on the user.
    const admin = await sessionFor(api, { roles: ['admin'] });
    const seen = await api.http().get(`/api/users/${user.id}`).set(admin.auth());
    expect((seen.body as { lockedUntil: string | null }).lockedUntil).toBe(
      state.locked_until?.toISOString(),
    );
    const locks = await auditEntries(api, admin, {
      action: 'auth.account_locked',
      entityId: user.id,
    });
    expect(locks).toHaveLength(1);

    // The lock runs out (moved into the past); two more failures count from zero, then the
    // right password signs in and clears both the counter and the lock.
    await testPool().query(
      `UPDATE users SET locked_until = now() - interval '1 second' WHERE id = $1`,
      [user.id],
    );
    expectError(await login(user.email, 'wrong again'), 401, new RegExp(`^${WRONG}$`));
    expectError(await login(user.email, 'wrong again'), 401, new RegExp(`^${WRONG}$`));
    expect((await loginState(user.id)).failed_logins).toBe(2);

    expect((await login(user.email, user.password)).status).toBe(200);
    const after = await loginState(user.id);
    expect(after.failed_logins).toBe(0);
    expect(after.locked_until).toBeNull();

    // A fresh count: four more failures do not lock.
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      expectError(await login(user.email, `wrong ${attempt}`), 401, new RegExp(`^${WRONG}$`));
    }
    expect((await login(user.email, user.password)).status).toBe(200);
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

describe('POST /api/auth/refresh', () => {
  it('rotates: a new pair each time, and reusing an old token revokes the whole family', async () => {
    const session = await sessionFor(api);
    const first = await refresh(session.refreshToken);
    expect(first.status).toBe(200);
    const rotated = first.body as SessionBody;
    expect(rotated.refreshToken).not.toBe(session.refreshToken);
    expect(rotated.accessToken).toEqual(expect.any(String));
    expect(rotated.user.id).toBe(session.user.id);
    expect((await me(rotated.accessToken)).status).toBe(200);

    // The old token again: theft assumed, refused...
    expectError(await refresh(session.refreshToken), 401, /already used/);
    // ...and the token that replaced it is dead too.
    expectError(await refresh(rotated.refreshToken), 401);

    const admin = await sessionFor(api, { roles: ['admin'] });
    const entries = await auditEntries(api, admin, {
      action: 'auth.refresh_reuse_detected',
      entityId: session.user.id,
    });
    expect(entries.length).toBeGreaterThanOrEqual(1);
    expect(entries[entries.length - 1]?.diff).toMatchObject({
      familyRevoked: true,
      familyId: expect.any(String),
    });

    // Signing in again starts a new, working family.
    const again = await signIn(api, session.user);
    expect((await refresh(again.refreshToken)).status).toBe(200);
  });

  it('refuses an unknown refresh token with 401', async () => {
    expectError(await refresh('x'.repeat(43)), 401, /not valid/);
  });

  it('refuses a malformed refresh body with 400', async () => {
    const body = expectError(
      await api.http().post('/api/auth/refresh').send({ refreshToken: 'short' }),
      400,
    );
    expect(body.details).toEqual([expect.objectContaining({ field: 'refreshToken' })]);
  });
});

describe('POST /api/auth/logout', () => {
  it('revokes the session family: its refresh token no longer works, other sessions do', async () => {
    const user = await buildUser();
    const laptop = await signIn(api, user);
    const phone = await signIn(api, user);

    const res = await api
      .http()
      .post('/api/auth/logout')
      .send({ refreshToken: laptop.refreshToken });
    expect(res.status).toBe(204);
    expectError(await refresh(laptop.refreshToken), 401, /signed out/);

    expect((await refresh(phone.refreshToken)).status).toBe(200);
    // A refresh after sign-out is an ended session, not a stolen token: no false theft alarm.
    const reuse = await testPool().query(
      "SELECT count(*)::int AS n FROM audit_log WHERE action = 'auth.refresh_reuse_detected' AND entity_id = $1",
      [user.id],
    );
    expect(reuse.rows[0].n).toBe(0);
  });

  it('answers 204 to an unknown token without revealing anything', async () => {
    const res = await api
      .http()
      .post('/api/auth/logout')
      .send({ refreshToken: 'y'.repeat(43) });
    expect(res.status).toBe(204);
  });
});

describe('access tokens', () => {
  const jwt = new JwtService({ secret });

  it('refuses an expired token with 401 saying it expired', async () => {
    const user = await buildUser();
    const token = await jwt.signAsync({
      sub: user.id,
      typ: 'access',
      exp: Math.floor(Date.now() / 1000) - 60,
    });
    expectError(await me(token), 401, /expired/);
  });

  it('accepts a token it signed itself (control for the forgeries below)', async () => {
    const user = await buildUser();
    const token = await jwt.signAsync({ sub: user.id, typ: 'access' }, { expiresIn: 60 });
    expect((await me(token)).status).toBe(200);
  });

  it('refuses forged tokens: another secret, alg none, another algorithm, wrong type, unknown user', async () => {
    const user = await buildUser();
    const otherSecret = await new JwtService({
      secret: 'another-secret-another-secret-another-0',
    }).signAsync({ sub: user.id, typ: 'access' }, { expiresIn: 60 });
    const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const exp = Math.floor(Date.now() / 1000) + 60;
    const algNone = `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ sub: user.id, typ: 'access', exp })}.`;
    const hs512 = await jwt.signAsync(
      { sub: user.id, typ: 'access' },
      { expiresIn: 60, algorithm: 'HS512' },
    );
    const refreshTyped = await jwt.signAsync({ sub: user.id, typ: 'refresh' }, { expiresIn: 60 });
    const ghost = await jwt.signAsync({ sub: randomUUID(), typ: 'access' }, { expiresIn: 60 });

    for (const token of [otherSecret, algNone, hs512, refreshTyped, ghost]) {
      expectError(await me(token), 401, /not valid/);
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
