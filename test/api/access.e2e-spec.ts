import 'reflect-metadata';
import { Controller, Get, type INestApplication, Module, RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { DiscoveryService, MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { randomUUID } from 'node:crypto';
import type { Role } from '@vigil/domain';
import request from 'supertest';
import { AppModule } from '../../apps/api/src/app.module.js';
import {
  ACCESS_POLICY,
  Authenticated,
  type AccessPolicy,
} from '../../libs/server/src/authorization/policy.decorator.js';
import { sessionFor, startTestApi, type Session, type TestApi } from '../support/api.js';
import { buildUser, closeTestPool, testPool } from '../support/factories.js';
import { expectError } from '../support/http.js';
import { testConfig } from '../support/test-config.js';

let api: TestApi;

beforeAll(async () => {
  api = await startTestApi();
});

afterAll(async () => {
  await api.close();
  await closeTestPool();
});

type Method = 'get' | 'post' | 'patch';

/** Every route that needs a signed-in user. A new route must be added here or to PUBLIC. */
const PROTECTED: [Method, string][] = [
  ['get', '/api/auth/me'],
  ['get', '/api/users'],
  ['post', '/api/users'],
  ['get', '/api/users/{id}'],
  ['patch', '/api/users/{id}'],
  ['get', '/api/organisations'],
  ['post', '/api/organisations'],
  ['patch', '/api/organisations/{id}'],
  ['get', '/api/audit'],
  ['get', '/api/audit/verify'],
];

/** Routes reachable without signing in. */
const PUBLIC: [Method, string][] = [
  ['get', '/api/health'],
  ['get', '/api/health/live'],
  ['post', '/api/auth/login'],
  ['post', '/api/auth/refresh'],
  ['post', '/api/auth/logout'],
];

function call(agent: TestApi['http'], method: Method, path: string, id: string = randomUUID()) {
  const url = path.replace('{id}', id);
  const req = agent()[method](url);
  return method === 'get' ? req : req.send({});
}

/** Every operation in the OpenAPI document, as [method, path]. */
async function documentedRoutes(): Promise<[string, string][]> {
  const doc = (await api.http().get('/api/docs-json')).body as {
    paths: Record<string, Record<string, unknown>>;
  };
  return Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.keys(ops).map((m): [string, string] => [m, path]),
  );
}

describe('authentication is required', () => {
  it('the routes listed here are all documented (so the checks below are not vacuous)', async () => {
    const documented = (await documentedRoutes()).map(([m, p]) => `${m} ${p}`);
    expect(documented).toEqual(
      expect.arrayContaining([...PROTECTED, ...PUBLIC].map(([m, p]) => `${m} ${p}`)),
    );
  });

  it('every documented route not listed as PUBLIC answers 401 without a token', async () => {
    const publicRoutes = new Set(PUBLIC.map(([m, p]) => `${m} ${p}`));
    const routes = (await documentedRoutes()).filter(([m, p]) => !publicRoutes.has(`${m} ${p}`));
    expect(routes.length).toBeGreaterThanOrEqual(PROTECTED.length);
    const reachable: string[] = [];
    for (const [method, path] of routes) {
      const url = path.replace(/\{[^}]+\}/g, randomUUID());
      const agent = api.http();
      const req =
        method === 'get'
          ? agent.get(url)
          : method === 'delete'
            ? agent.delete(url)
            : method === 'put'
              ? agent.put(url).send({})
              : method === 'patch'
                ? agent.patch(url).send({})
                : agent.post(url).send({});
      const res = await req;
      if (res.status !== 401) reachable.push(`${method} ${path} → ${res.status}`);
    }
    expect(reachable).toEqual([]);
  });

  it.each(PROTECTED)('%s %s without a token → 401', async (method, path) => {
    expectError(await call(api.http, method, path), 401, /Sign in first/);
  });

  it.each(PROTECTED)('%s %s with an invalid token → 401', async (method, path) => {
    const url = path.replace('{id}', randomUUID());
    const req = api.http()[method](url).set('Authorization', 'Bearer not.a.token');
    expectError(method === 'get' ? await req : await req.send({}), 401, /not valid/);
  });

  it('public routes answer without a token (the guard lets them through to validation)', async () => {
    expect((await api.http().get('/api/health')).status).toBe(200);
    expect((await api.http().get('/api/health/live')).status).toBe(200);
    expectError(await api.http().post('/api/auth/login').send({}), 400);
    // Refresh reads its cookie (none here); sign-out with no session has nothing to end.
    expectError(
      await api.http().post('/api/auth/refresh').send({}),
      401,
      /Your session has expired/,
    );
    expect((await api.http().post('/api/auth/logout').send({})).status).toBe(204);
  });
});

describe('roles', () => {
  const NON_ADMIN_ROLES: Role[][] = [
    ['analyst'],
    ['adviser'],
    ['framework_team'],
    ['analyst', 'adviser', 'framework_team'],
  ];

  it.each(NON_ADMIN_ROLES.map((roles) => [roles.join('+'), roles] as const))(
    '%s: 403 on user and organisation writes and on the audit trail, and nothing is written',
    async (_label, roles) => {
      const session = await sessionFor(api, { roles });
      const other = await buildUser({ organisationId: session.user.organisationId });
      const email = `forbidden-${randomUUID().slice(0, 8)}@vigil.test`;
      const newUser = {
        email,
        displayName: 'Should Not Exist',
        password: 'a long enough password',
        roles: ['admin'],
        clearance: 'strictly_confidential',
        organisationId: session.user.organisationId,
      };
      const acronym = `F-${randomUUID().slice(0, 8)}`;

      expectError(
        await api.http().post('/api/users').set(session.auth()).send(newUser),
        403,
        /does not allow/,
      );
      expectError(
        await api
          .http()
          .patch(`/api/users/${other.id}`)
          .set(session.auth())
          .send({ roles: ['admin'] }),
        403,
      );
      expectError(
        await api
          .http()
          .patch(`/api/users/${session.user.id}`)
          .set(session.auth())
          .send({ roles: ['admin'] }),
        403,
      );
      expectError(
        await api
          .http()
          .post('/api/organisations')
          .set(session.auth())
          .send({ name: acronym, acronym, kind: 'office' }),
        403,
      );
      expectError(await api.http().get('/api/audit').set(session.auth()), 403);
      expectError(await api.http().get('/api/audit/verify').set(session.auth()), 403);

      const { rows } = await testPool().query<{ n: number }>(
        `SELECT (SELECT count(*) FROM users WHERE email = $1)::int + (SELECT count(*) FROM organisations WHERE acronym = $2)::int AS n`,
        [email, acronym],
      );
      expect(rows[0]?.n).toBe(0);
      const { rows: me } = await testPool().query<{ roles: string[] }>(
        'SELECT roles FROM users WHERE id = $1',
        [session.user.id],
      );
      expect(me[0]?.roles).toEqual(roles);
    },
  );
});

describe('what a non-admin can see of users', () => {
  let analyst: Session;
  let colleagueId: string;

  beforeAll(async () => {
    analyst = await sessionFor(api, { roles: ['analyst', 'adviser'] });
    colleagueId = (
      await buildUser({
        organisationId: analyst.user.organisationId,
        displayName: `Colleague ${randomUUID()}`,
      })
    ).id;
  });

  it('reads their own user (200) but another user is "not found" (404), even in their organisation', async () => {
    const own = await api.http().get(`/api/users/${analyst.user.id}`).set(analyst.auth());
    expect(own.status).toBe(200);
    expect((own.body as { id: string }).id).toBe(analyst.user.id);
    expectError(
      await api.http().get(`/api/users/${colleagueId}`).set(analyst.auth()),
      404,
      /No such user/,
    );

    // Control: the colleague exists, an admin sees them.
    const admin = await sessionFor(api, { roles: ['admin'] });
    expect((await api.http().get(`/api/users/${colleagueId}`).set(admin.auth())).status).toBe(200);
  });

  it('lists only themselves', async () => {
    const res = await api.http().get('/api/users').query({ limit: '100' }).set(analyst.auth());
    expect(res.status).toBe(200);
    const body = res.body as { items: { id: string }[]; nextCursor: string | null };
    expect(body.items.map((u) => u.id)).toEqual([analyst.user.id]);
    expect(body.nextCursor).toBeNull();

    const search = await api.http().get('/api/users').query({ q: 'Colleague' }).set(analyst.auth());
    expect((search.body as { items: unknown[] }).items).toEqual([]);
  });

  it('a malformed id is 400 at the edge, never 500, and says nothing of any record', async () => {
    const admin = await sessionFor(api, { roles: ['admin'] });
    for (const id of ['not-a-uuid', '123', `${randomUUID()}x`, "1' OR '1'='1"]) {
      const path = `/api/users/${encodeURIComponent(id)}`;
      const bad = /^The id in the address must be a UUID\.$/;
      expectError(await api.http().get(path).set(analyst.auth()), 400, bad);
      expectError(await api.http().get(path).set(admin.auth()), 400, bad);
      expectError(
        await api.http().patch(path).set(admin.auth()).send({ displayName: 'x' }),
        400,
        bad,
      );
      expectError(
        await api
          .http()
          .patch(`/api/organisations/${encodeURIComponent(id)}`)
          .set(admin.auth())
          .send({ name: 'x' }),
        400,
        bad,
      );
    }
  });
});

/** Every route handler of a running app, with the access policy the guard will read for it. */
function routeHandlers(
  app: INestApplication,
): { route: string; policy: AccessPolicy | undefined }[] {
  const discovery = new DiscoveryService(app.get(ModulesContainer));
  const scanner = new MetadataScanner();
  const reflector = new Reflector();
  const found: { route: string; policy: AccessPolicy | undefined }[] = [];
  for (const wrapper of discovery.getControllers()) {
    const { instance, metatype } = wrapper;
    if (!instance || typeof metatype !== 'function') continue;
    const proto = Object.getPrototypeOf(instance) as Record<string, unknown>;
    for (const name of scanner.getAllMethodNames(proto)) {
      const handler = proto[name];
      if (
        typeof handler !== 'function' ||
        Reflect.getMetadata(PATH_METADATA, handler) === undefined
      )
        continue;
      const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number];
      found.push({
        route: `${method} ${metatype.name}.${name}`,
        policy: reflector.getAllAndOverride<AccessPolicy | undefined>(ACCESS_POLICY, [
          handler,
          metatype,
        ]),
      });
    }
  }
  return found;
}

// A route someone forgot to protect, and one protected at class level.
@Controller('throwaway')
class NoPolicyController {
  static calls = 0;

  @Get()
  open(): { reached: boolean } {
    NoPolicyController.calls += 1;
    return { reached: true };
  }
}

@Controller('throwaway-class')
@Authenticated()
class ClassPolicyController {
  @Get()
  reached(): { reached: boolean } {
    return { reached: true };
  }
}

@Module({ controllers: [NoPolicyController, ClassPolicyController] })
class ThrowawayModule {}

describe('every route declares an access policy', () => {
  it('each handler of the real app has one', async () => {
    const handlers = routeHandlers(api.app);
    const doc = (await api.http().get('/api/docs-json')).body as {
      paths: Record<string, Record<string, unknown>>;
    };
    const operations = Object.values(doc.paths).reduce((n, ops) => n + Object.keys(ops).length, 0);
    // The walk found the routes (not a vacuous pass): at least every documented operation.
    expect(handlers.length).toBeGreaterThanOrEqual(operations);
    expect(handlers.length).toBeGreaterThanOrEqual(15);
    expect(handlers.filter((h) => h.policy === undefined).map((h) => h.route)).toEqual([]);
    for (const { policy } of handlers)
      expect(['public', 'authenticated', 'ability']).toContain(policy?.kind);
  });

  describe('a route without one', () => {
    let app: NestFastifyApplication;

    beforeAll(async () => {
      const moduleRef = await Test.createTestingModule({
        imports: [AppModule.forRoot(testConfig()), ThrowawayModule],
      }).compile();
      app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter(), {
        logger: false,
      });
      app.setGlobalPrefix('api');
      await app.init();
      await app.getHttpAdapter().getInstance().ready();
    });

    afterAll(async () => {
      await app.close();
    });

    it('is found by the walk above', () => {
      expect(
        routeHandlers(app)
          .filter((h) => h.policy === undefined)
          .map((h) => h.route),
      ).toEqual(['GET NoPolicyController.open']);
    });

    it('is refused by the guard (403) even for an admin, and its handler never runs', async () => {
      const admin = await buildUser({ roles: ['admin'] });
      const login = await request(app.getHttpServer())
        .post('/api/auth/login')
        .send({ email: admin.email, password: admin.password });
      expect(login.status).toBe(200);
      const token = (login.body as { accessToken: string }).accessToken;

      expectError(
        await request(app.getHttpServer()).get('/api/throwaway'),
        403,
        /declares no access policy/,
      );
      expectError(
        await request(app.getHttpServer())
          .get('/api/throwaway')
          .set('Authorization', `Bearer ${token}`),
        403,
        /declares no access policy/,
      );
      expect(NoPolicyController.calls).toBe(0);

      // A class-level policy counts.
      expectError(await request(app.getHttpServer()).get('/api/throwaway-class'), 401);
      const ok = await request(app.getHttpServer())
        .get('/api/throwaway-class')
        .set('Authorization', `Bearer ${token}`);
      expect(ok.status).toBe(200);
      expect(ok.body).toEqual({ reached: true });
    });
  });
});
