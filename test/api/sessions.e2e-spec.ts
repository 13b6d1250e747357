import { JwtService } from '@nestjs/jwt';
import {
  refreshTokenFrom,
  refreshWith,
  sessionFor,
  signIn,
  startTestApi,
  type TestApi,
} from '../support/api.js';
import { buildUser, closeTestPool, testPool } from '../support/factories.js';
import { auditEntries, expectError } from '../support/http.js';
import { testConfig } from '../support/test-config.js';

// Sessions (issue 14): the refresh token only in an HttpOnly cookie scoped to the refresh route,
// rotation within a session that has an absolute end, sign-out ending the session's access tokens
// at once on every instance, and no sign-in or refresh started by another site.

let api: TestApi;
const jwt = new JwtService({ secret: testConfig().JWT_SECRET });

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

function refresh(refreshToken: string, on: TestApi = api) {
  return refreshWith(on, refreshToken);
}

function me(accessToken: string) {
  return api.http().get('/api/auth/me').set('Authorization', `Bearer ${accessToken}`);
}

describe('signing in from another site (login CSRF)', () => {
  it('refuses a form-encoded body: an HTML form on another site cannot sign a browser in', async () => {
    const user = await buildUser();
    const res = await api
      .http()
      .post('/api/auth/login')
      .type('form')
      .send({ email: user.email, password: user.password });
    expectError(res, 415, /Send JSON/);
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  it('refuses a sign-in or refresh a browser says another site started', async () => {
    const user = await buildUser();
    for (const site of ['cross-site', 'same-site']) {
      const res = await api
        .http()
        .post('/api/auth/login')
        .set('Sec-Fetch-Site', site)
        .send({ email: user.email, password: user.password });
      expectError(res, 403, /not from another site/);
      expect(res.headers['set-cookie']).toBeUndefined();
    }
    const own = await api
      .http()
      .post('/api/auth/login')
      .set('Sec-Fetch-Site', 'same-origin')
      .send({ email: user.email, password: user.password });
    expect(own.status).toBe(200);
    const refreshed = await api
      .http()
      .post('/api/auth/refresh')
      .set('Sec-Fetch-Site', 'cross-site')
      .set('Cookie', `vigil_refresh=${refreshTokenFrom(own) ?? ''}`)
      .send();
    expectError(refreshed, 403);
    // The refused attempt consumed nothing.
    expect((await refresh(refreshTokenFrom(own) ?? '')).status).toBe(200);
  });
});

describe('POST /api/auth/refresh', () => {
  it('rotates through the HttpOnly cookie, and reusing an old token ends the whole session', async () => {
    const session = await sessionFor(api);
    const first = await refresh(session.refreshToken);
    expect(first.status).toBe(200);
    const rotated = first.body as SessionBody;
    const next = refreshTokenFrom(first) ?? '';
    expect(next.length).toBeGreaterThanOrEqual(20);
    expect(next).not.toBe(session.refreshToken);
    expect(Object.keys(rotated)).not.toContain('refreshToken');
    expect(rotated.user.id).toBe(session.user.id);
    expect((await me(rotated.accessToken)).status).toBe(200);

    // The old token again: theft assumed, refused...
    expectError(await refresh(session.refreshToken), 401, /already used/);
    // ...the token that replaced it is dead too, and so is every access token of the session.
    expectError(await refresh(next), 401);
    expectError(await me(rotated.accessToken), 401, /session has ended/);
    expectError(await me(session.accessToken), 401, /session has ended/);

    const admin = await sessionFor(api, { roles: ['admin'] });
    const entries = await auditEntries(api, admin, {
      action: 'auth.refresh_reuse_detected',
      entityId: session.user.id,
    });
    expect(entries.length).toBeGreaterThanOrEqual(1);
    expect(entries[entries.length - 1]?.diff).toMatchObject({
      sessionEnded: true,
      sessionId: expect.any(String),
    });

    // Signing in again starts a new, working session.
    const again = await signIn(api, session.user);
    expect((await refresh(again.refreshToken)).status).toBe(200);
  });

  it('refuses a missing or unknown refresh cookie with 401 and clears the cookie', async () => {
    const none = await api.http().post('/api/auth/refresh').send();
    expectError(none, 401, /Your session has expired/);
    const unknown = await refresh('x'.repeat(43));
    expectError(unknown, 401, /Your session has expired/);
    expect(refreshTokenFrom(unknown)).toBe('');
    expect(String(unknown.headers['set-cookie'])).toMatch(/Max-Age=0/);
  });

  it('refuses the old body form: the refresh token is never accepted from script-readable JSON', async () => {
    const session = await sessionFor(api);
    const res = await api
      .http()
      .post('/api/auth/refresh')
      .send({ refreshToken: session.refreshToken });
    expect([400, 401]).toContain(res.status);
    // The session itself was not consumed by the refused attempt.
    expect((await refresh(session.refreshToken)).status).toBe(200);
  });

  it('keeps the absolute end of the session: rotation cannot extend it, and after it nothing works', async () => {
    const session = await sessionFor(api);
    const { rows } = await testPool().query<{ id: string; expires_at: Date; started_at: Date }>(
      'SELECT id, expires_at, started_at FROM auth_sessions WHERE user_id = $1',
      [session.user.id],
    );
    const started = rows[0];
    if (!started) throw new Error('no session row');
    const hours = (started.expires_at.getTime() - started.started_at.getTime()) / 3_600_000;
    expect(hours).toBeCloseTo(testConfig().SESSION_MAX_HOURS, 1);

    const first = await refresh(session.refreshToken);
    expect(first.status).toBe(200);
    expect((first.body as { sessionExpiresAt: string }).sessionExpiresAt).toBe(
      started.expires_at.toISOString(),
    );
    const maxAge = Number(/Max-Age=(\d+)/.exec(String(first.headers['set-cookie']))?.[1]);
    expect(maxAge).toBeLessThanOrEqual(testConfig().SESSION_MAX_HOURS * 3600);

    // The session reaches its end: the next refresh and the access token are refused.
    await testPool().query(
      "UPDATE auth_sessions SET expires_at = now() - interval '1 second' WHERE id = $1",
      [started.id],
    );
    expectError(await refresh(refreshTokenFrom(first) ?? ''), 401, /expired/);
    expectError(await me((first.body as SessionBody).accessToken), 401, /session has ended/);
  });

  it('sets the cookie HttpOnly, Secure, SameSite=Strict and scoped to the refresh route', async () => {
    const user = await buildUser();
    const res = await login(user.email, user.password);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/^vigil_refresh=[\w-]{20,}/);
    for (const part of ['HttpOnly', 'Secure', 'SameSite=Strict', 'Path=/api/auth/refresh'])
      expect(cookie).toContain(part);
  });
});

describe('POST /api/auth/logout', () => {
  it('ends the session at once: its refresh and access tokens die, other sessions live', async () => {
    const user = await buildUser();
    const laptop = await signIn(api, user);
    const phone = await signIn(api, user);
    expect((await me(laptop.accessToken)).status).toBe(200);

    const res = await api.http().post('/api/auth/logout').set(laptop.auth()).send();
    expect(res.status).toBe(204);
    expect(String(res.headers['set-cookie'])).toMatch(/vigil_refresh=;.*Max-Age=0/);
    expectError(await refresh(laptop.refreshToken), 401, /signed out/);
    // The access token is refused now, not when it expires (the deny-list every instance reads).
    expectError(await me(laptop.accessToken), 401, /session has ended/);

    expect((await me(phone.accessToken)).status).toBe(200);
    expect((await refresh(phone.refreshToken)).status).toBe(200);
    // A refresh after sign-out is an ended session, not a stolen token: no false theft alarm.
    const reuse = await testPool().query(
      "SELECT count(*)::int AS n FROM audit_log WHERE action = 'auth.refresh_reuse_detected' AND entity_id = $1",
      [user.id],
    );
    expect(reuse.rows[0].n).toBe(0);
  });

  it('signs out with an expired access token, and on every instance at once', async () => {
    const other = await startTestApi();
    try {
      const session = await sessionFor(api);
      const { rows } = await testPool().query<{ id: string }>(
        'SELECT id FROM auth_sessions WHERE user_id = $1',
        [session.user.id],
      );
      const sid = rows[0]?.id ?? '';
      const expired = await jwt.signAsync({
        sub: session.user.id,
        typ: 'access',
        sid,
        exp: Math.floor(Date.now() / 1000) - 60,
      });
      expect((await other.http().get('/api/auth/me').set(session.auth())).status).toBe(200);
      const res = await api
        .http()
        .post('/api/auth/logout')
        .set('Authorization', `Bearer ${expired}`)
        .send();
      expect(res.status).toBe(204);
      expectError(await other.http().get('/api/auth/me').set(session.auth()), 401, /ended/);
    } finally {
      await other.close();
    }
  });

  it('answers 204 without a token or with a forged one, revealing nothing', async () => {
    expect((await api.http().post('/api/auth/logout').send()).status).toBe(204);
    const res = await api
      .http()
      .post('/api/auth/logout')
      .set('Authorization', 'Bearer a.b.c')
      .send();
    expect(res.status).toBe(204);
  });
});
