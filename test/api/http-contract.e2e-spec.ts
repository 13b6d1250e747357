import { randomUUID } from 'node:crypto';
import { sessionFor, startTestApi, type Session, type TestApi } from '../support/api.js';
import { buildUser, closeTestPool } from '../support/factories.js';
import { auditEntries, detailFields, expectError } from '../support/http.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

let api: TestApi;
let admin: Session;

beforeAll(async () => {
  api = await startTestApi();
  admin = await sessionFor(api, { roles: ['admin'] });
});

afterAll(async () => {
  await api.close();
  await closeTestPool();
});

describe('health and documentation', () => {
  it('GET /api/health reports the api and its database up', async () => {
    const res = await api.http().get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', database: 'up' });
    expect((await api.http().get('/api/health/live')).body).toEqual({ status: 'ok' });
  });

  it('/api/docs-json is an OpenAPI 3 document describing auth and users', async () => {
    const res = await api.http().get('/api/docs-json');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    const doc = res.body as {
      openapi: string;
      info: { title: string };
      paths: Record<string, Record<string, { responses?: Record<string, unknown> }>>;
      components: { securitySchemes?: Record<string, { type: string; scheme?: string }> };
    };
    expect(doc.openapi).toMatch(/^3\./);
    expect(doc.info.title).toBe('Vigil API');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/auth/login',
        '/api/auth/refresh',
        '/api/auth/logout',
        '/api/auth/me',
        '/api/users',
        '/api/users/{id}',
      ]),
    );
    expect(Object.keys(doc.paths['/api/auth/login'] ?? {})).toEqual(['post']);
    expect(Object.keys(doc.paths['/api/users'] ?? {}).sort()).toEqual(['get', 'post']);
    expect(doc.components.securitySchemes?.bearer).toMatchObject({
      type: 'http',
      scheme: 'bearer',
    });
  });

  it('/api/docs answers HTML', async () => {
    const res = await api.http().get('/api/docs');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.text).toMatch(/swagger/i);
  });
});

describe('headers', () => {
  it('sets security headers on answers and on errors', async () => {
    for (const res of [await api.http().get('/api/health'), await api.http().get('/api/users')]) {
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['content-security-policy']).toContain("default-src 'self'");
      expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['x-powered-by']).toBeUndefined();
    }
  });

  it('echoes a sane X-Request-Id, generates one otherwise, and records it in the audit trail', async () => {
    const given = `req-${randomUUID()}`;
    expect(
      (await api.http().get('/api/health').set('X-Request-Id', given)).headers['x-request-id'],
    ).toBe(given);

    const generated = (await api.http().get('/api/health')).headers['x-request-id'];
    expect(generated).toMatch(UUID);
    expect((await api.http().get('/api/health')).headers['x-request-id']).not.toBe(generated);

    // Spaces, or far too long: replaced.
    expect(
      (await api.http().get('/api/health').set('X-Request-Id', 'has spaces in it')).headers[
        'x-request-id'
      ],
    ).toMatch(UUID);
    expect(
      (await api.http().get('/api/health').set('X-Request-Id', 'x'.repeat(101))).headers[
        'x-request-id'
      ],
    ).toMatch(UUID);

    // Errors carry it too.
    const missing = await api.http().get('/api/no-such-route').set('X-Request-Id', given);
    expect(missing.headers['x-request-id']).toBe(given);

    const user = await buildUser();
    const loginId = `login-${randomUUID()}`;
    const login = await api
      .http()
      .post('/api/auth/login')
      .set('X-Request-Id', loginId)
      .send({ email: user.email, password: user.password });
    expect(login.status).toBe(200);
    const [entry] = await auditEntries(api, admin, { action: 'auth.login', entityId: user.id });
    expect(entry?.requestId).toBe(loginId);
  });

  describe('CORS', () => {
    let cors: TestApi;

    beforeAll(async () => {
      cors = await startTestApi({ CORS_ORIGINS: 'https://allowed.example' });
    });

    afterAll(async () => {
      await cors.close();
    });

    it('allows the configured origin and no other', async () => {
      const allowed = await cors.http().get('/api/health').set('Origin', 'https://allowed.example');
      expect(allowed.headers['access-control-allow-origin']).toBe('https://allowed.example');
      expect(allowed.headers['access-control-expose-headers']).toMatch(/x-request-id/i);

      const other = await cors.http().get('/api/health').set('Origin', 'https://evil.example');
      expect(other.headers['access-control-allow-origin']).toBeUndefined();

      const preflight = await cors
        .http()
        .options('/api/auth/login')
        .set('Origin', 'https://allowed.example')
        .set('Access-Control-Request-Method', 'POST')
        .set('Access-Control-Request-Headers', 'content-type,authorization');
      expect(preflight.status).toBeLessThan(300);
      expect(preflight.headers['access-control-allow-origin']).toBe('https://allowed.example');
      expect(preflight.headers['access-control-allow-methods']).toMatch(/POST/);

      const evilPreflight = await cors
        .http()
        .options('/api/auth/login')
        .set('Origin', 'https://evil.example')
        .set('Access-Control-Request-Method', 'POST');
      expect(evilPreflight.headers['access-control-allow-origin']).toBeUndefined();
    });

    it('allows no cross-origin caller when CORS_ORIGINS is empty', async () => {
      const res = await api.http().get('/api/health').set('Origin', 'https://allowed.example');
      expect(res.status).toBe(200);
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
    });
  });
});

describe('malformed requests are 4xx in the error shape, never 500', () => {
  let small: TestApi;

  beforeAll(async () => {
    small = await startTestApi({ BODY_LIMIT_BYTES: '2048' });
  });

  afterAll(async () => {
    await small.close();
  });

  it('malformed JSON → 400', async () => {
    const res = await api
      .http()
      .post('/api/auth/login')
      .set('Content-Type', 'application/json')
      .send('{"email": "a@b.cd",');
    expectError(res, 400, /JSON/);
    const proto = await api
      .http()
      .post('/api/auth/login')
      .set('Content-Type', 'application/json')
      .send('{"__proto__": {"admin": true}, "email": "a@b.cd", "password": "x"}');
    expectError(proto, 400);
  });

  it('a body over BODY_LIMIT_BYTES → 413', async () => {
    const res = await small
      .http()
      .post('/api/auth/login')
      .send({ email: 'a@b.cd', password: 'x'.repeat(3000) });
    expectError(res, 413, /too large/i);
    // Just under the limit is read and validated as usual.
    expectError(
      await small
        .http()
        .post('/api/auth/login')
        .send({ email: 'a@b.cd', password: 'x'.repeat(1000) }),
      401,
    );
  });

  it('a body that is not a JSON object → 400 "must be a JSON object"', async () => {
    expectError(
      await api
        .http()
        .post('/api/auth/login')
        .send([{ email: 'a@b.cd', password: 'x' }]),
      400,
      /must be a JSON object/,
    );
    for (const raw of ['"a string"', '42', 'null', 'true']) {
      const res = await api
        .http()
        .post('/api/auth/login')
        .set('Content-Type', 'application/json')
        .send(raw);
      expectError(res, 400, /must be a JSON object/);
    }
    const text = await api
      .http()
      .post('/api/auth/login')
      .set('Content-Type', 'text/plain')
      .send('email=a@b.cd');
    expectError(text, 400);
    const empty = await api.http().post('/api/auth/login').set('Content-Type', 'application/json');
    expectError(empty, 400);
  });

  it('an unknown field → 400 naming it', async () => {
    const res = await api
      .http()
      .post('/api/auth/login')
      .send({ email: 'a@b.cd', password: 'x', remember: true });
    const body = expectError(res, 400, /remember/);
    expect(body.details).toEqual([
      { field: 'remember', message: 'remember is not an accepted field' },
    ]);
    const query = expectError(
      await api.http().get('/api/users').query({ sort: 'name' }).set(admin.auth()),
      400,
    );
    expect(detailFields(query)).toEqual(['sort']);
  });

  it('an unknown /api route → 404 in the error shape, whatever the method', async () => {
    expectError(await api.http().get('/api/no-such-route'), 404);
    expectError(await api.http().get('/api'), 404);
    expectError(await api.http().post('/api/no-such-route').send({}), 404);
    expectError(await api.http().delete(`/api/users/${randomUUID()}`).set(admin.auth()), 404);
    expectError(await api.http().put('/api/organisations').send({}), 404);
  });

  it('a NUL character in any text field → 400, not a database error', async () => {
    const nul = 'a\u0000b';
    const q = expectError(
      await api.http().get('/api/users').query({ q: nul }).set(admin.auth()),
      400,
    );
    expect(detailFields(q)).toEqual(['q']);
    for (const field of ['action', 'entity', 'entityId']) {
      const res = await api
        .http()
        .get('/api/audit')
        .query({ [field]: nul })
        .set(admin.auth());
      expect(detailFields(expectError(res, 400))).toEqual([field]);
    }
    const org = await api
      .http()
      .post('/api/organisations')
      .set(admin.auth())
      .send({ name: nul, acronym: 'NUL', kind: 'office' });
    expect(detailFields(expectError(org, 400))).toEqual(['name']);
    const user = await buildUser();
    const patch = await api
      .http()
      .patch(`/api/users/${user.id}`)
      .set(admin.auth())
      .send({ displayName: nul });
    expect(detailFields(expectError(patch, 400))).toEqual(['displayName']);
    expect(
      detailFields(
        expectError(
          await api.http().post('/api/auth/login').send({ email: 'a@b.cd', password: nul }),
          400,
        ),
      ),
    ).toEqual(['password']);
  });

  it('an impossible date in the audit filters → 400, a real one filters', async () => {
    for (const from of ['2024-02-30', '0000-01-01', '2024-W01', '2024-13-01', 'yesterday']) {
      const res = await api.http().get('/api/audit').query({ from }).set(admin.auth());
      expect({ from, fields: detailFields(expectError(res, 400)) }).toEqual({
        from,
        fields: ['from'],
      });
    }
    expect(
      detailFields(
        expectError(
          await api.http().get('/api/audit').query({ to: '2023-02-29' }).set(admin.auth()),
          400,
        ),
      ),
    ).toEqual(['to']);

    const user = await buildUser();
    await api.http().post('/api/auth/login').send({ email: user.email, password: user.password });
    const query = { action: 'auth.login', entityId: user.id };
    expect(
      await auditEntries(api, admin, { ...query, from: '2000-01-01', to: '2999-12-31T00:00:00Z' }),
    ).toHaveLength(1);
    expect(
      await auditEntries(api, admin, { ...query, from: '2999-01-01T00:00:00+02:00' }),
    ).toHaveLength(0);
    expect(
      await auditEntries(api, admin, { ...query, to: '2000-01-01T00:00:00.000Z' }),
    ).toHaveLength(0);
  });
});
