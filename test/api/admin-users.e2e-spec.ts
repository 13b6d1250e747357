import { randomUUID } from 'node:crypto';
import {
  refreshWith,
  sessionFor,
  signIn,
  startTestApi,
  type Session,
  type TestApi,
} from '../support/api.js';
import { buildOrganisation, buildUser, closeTestPool } from '../support/factories.js';
import { auditEntries, detailFields, expectError } from '../support/http.js';

interface UserBody {
  id: string;
  email: string;
  displayName: string;
  roles: string[];
  clearance: string;
  organisationId: string;
  organisation: { id: string; name: string; acronym: string; kind: string };
  active: boolean;
  lockedUntil: string | null;
}

interface PageBody<T> {
  items: T[];
  nextCursor: string | null;
}

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

const tag = () => randomUUID().slice(0, 8);

function newUserBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    email: `created-${tag()}@vigil.test`,
    displayName: `Created ${tag()}`,
    password: 'a long enough password',
    roles: ['analyst'],
    // Above unclassified, a clearance waits for a second administrator (separation-of-duties).
    clearance: 'unclassified',
    organisationId: admin.user.organisationId,
    ...overrides,
  };
}

describe('GET /api/users (admin)', () => {
  it('walks keyset pages with nextCursor to the end, in name order, without duplicates or gaps', async () => {
    const group = `Pager${tag()}`;
    const org = await buildOrganisation();
    const names = ['delta', 'Alpha', 'echo', 'charlie', 'Bravo'];
    const built = await Promise.all(
      names.map((n) => buildUser({ displayName: `${group} ${n}`, organisationId: org.id })),
    );

    const seen: UserBody[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: Record<string, string> = { q: group, limit: '2' };
      if (cursor) query.cursor = cursor;
      const res = await api.http().get('/api/users').query(query).set(admin.auth());
      expect(res.status).toBe(200);
      const page = res.body as PageBody<UserBody>;
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items);
      cursor = page.nextCursor;
      pages += 1;
      expect(pages).toBeLessThan(10);
    } while (cursor);

    expect(pages).toBe(3);
    expect(seen.map((u) => u.id).sort()).toEqual(built.map((u) => u.id).sort());
    expect(new Set(seen.map((u) => u.id)).size).toBe(seen.length);
    expect(seen.map((u) => u.displayName)).toEqual(
      ['Alpha', 'Bravo', 'charlie', 'delta', 'echo'].map((n) => `${group} ${n}`),
    );
    // Users come with their organisation, never a password.
    expect(seen[0]?.organisation).toEqual({
      id: org.id,
      name: org.name,
      acronym: org.acronym,
      kind: org.kind,
    });
    expect(JSON.stringify(seen)).not.toMatch(/password|argon/i);
  });

  it('searches display names and e-mails with q, case-insensitively, treating % and _ literally', async () => {
    const t = tag();
    const byName = await buildUser({ displayName: `Needle${t} Person` });
    const byEmail = await buildUser({ email: `haystack-${t}@vigil.test` });
    await buildUser({ displayName: `Needle${t}XXalpha` });

    const search = async (q: string) => {
      const res = await api.http().get('/api/users').query({ q, limit: '100' }).set(admin.auth());
      expect(res.status).toBe(200);
      return (res.body as PageBody<UserBody>).items.map((u) => u.id);
    };
    expect(await search(`needle${t} person`)).toEqual([byName.id]);
    expect(await search(`HAYSTACK-${t}`)).toEqual([byEmail.id]);
    // A literal wildcard matches nothing here; unescaped, `%`/`_` would match the users above.
    expect(await search(`Needle${t}%alpha`)).toEqual([]);
    expect(await search(`Needle${t}_Person`)).toEqual([]);
  });

  it('refuses a cursor it did not produce with 400, never 500', async () => {
    const forged = [
      'not base64 json',
      Buffer.from(JSON.stringify(['a'])).toString('base64url'),
      Buffer.from(JSON.stringify(['a', 'not-a-uuid'])).toString('base64url'),
      Buffer.from(JSON.stringify([5, 6])).toString('base64url'),
    ];
    for (const cursor of forged) {
      const body = expectError(
        await api.http().get('/api/users').query({ cursor }).set(admin.auth()),
        400,
        /cursor/,
      );
      expect(detailFields(body)).toEqual(['cursor']);
      expectError(
        await api.http().get('/api/organisations').query({ cursor }).set(admin.auth()),
        400,
        /cursor/,
      );
    }
  });

  it('refuses a bad limit with 400', async () => {
    for (const limit of ['0', '101', 'abc']) {
      const body = expectError(
        await api.http().get('/api/users').query({ limit }).set(admin.auth()),
        400,
      );
      expect(detailFields(body)).toEqual(['limit']);
    }
  });
});

describe('POST /api/users', () => {
  it('creates a user (201) who can then sign in, and audits it without the password', async () => {
    const body = newUserBody({
      email: `New.Person-${tag()}@Vigil.Test`,
      roles: ['analyst', 'framework_team'],
    });
    const res = await api.http().post('/api/users').set(admin.auth()).send(body);

    expect(res.status).toBe(201);
    const created = res.body as UserBody;
    expect(created).toMatchObject({
      email: String(body.email).toLowerCase(),
      displayName: body.displayName,
      roles: ['analyst', 'framework_team'],
      clearance: 'unclassified',
      organisationId: admin.user.organisationId,
      active: true,
      lockedUntil: null,
      // Nothing privileged was asked for: everything applied at once.
      pendingChange: null,
    });
    expect(JSON.stringify(created)).not.toMatch(/password|argon/i);

    const login = await api
      .http()
      .post('/api/auth/login')
      .send({ email: body.email, password: body.password });
    expect(login.status).toBe(200);
    expect((login.body as { user: UserBody }).user.id).toBe(created.id);

    const [entry, ...more] = await auditEntries(api, admin, {
      action: 'user.create',
      entityId: created.id,
    });
    expect(more).toEqual([]);
    expect(entry).toMatchObject({ actorId: admin.user.id, entity: 'user' });
    expect(entry?.diff).toEqual({
      email: created.email,
      displayName: body.displayName,
      roles: ['analyst', 'framework_team'],
      clearance: 'unclassified',
      organisationId: admin.user.organisationId,
    });
  });

  it('refuses a duplicate e-mail, whatever its case, with 409', async () => {
    const existing = await buildUser();
    const res = await api
      .http()
      .post('/api/users')
      .set(admin.auth())
      .send(newUserBody({ email: existing.email.toUpperCase() }));
    const body = expectError(res, 409, /already exists/);
    expect(detailFields(body)).toEqual(['email']);
  });

  it('refuses an unknown organisation with 400 on organisationId', async () => {
    const res = await api
      .http()
      .post('/api/users')
      .set(admin.auth())
      .send(newUserBody({ organisationId: randomUUID() }));
    const body = expectError(res, 400, /organisation/i);
    expect(detailFields(body)).toEqual(['organisationId']);
  });

  it('refuses bad fields with 400 naming each one', async () => {
    const cases: [Record<string, unknown>, string[]][] = [
      [{ roles: ['superuser'] }, ['roles']],
      [{ roles: [] }, ['roles']],
      [{ password: 'short' }, ['password']],
      [{ clearance: 'top_secret' }, ['clearance']],
      [{ email: 'not-an-email' }, ['email']],
      [{ organisationId: 'nope' }, ['organisationId']],
      [{ isAdmin: true }, ['isAdmin']],
    ];
    for (const [overrides, fields] of cases) {
      const res = await api
        .http()
        .post('/api/users')
        .set(admin.auth())
        .send(newUserBody(overrides));
      const body = expectError(res, 400);
      expect({ overrides, fields: detailFields(body) }).toEqual({ overrides, fields });
    }
    const unknownField = expectError(
      await api
        .http()
        .post('/api/users')
        .set(admin.auth())
        .send(newUserBody({ isAdmin: true })),
      400,
    );
    expect(unknownField.details).toEqual([
      { field: 'isAdmin', message: 'isAdmin is not an accepted field' },
    ]);

    const missing = expectError(
      await api.http().post('/api/users').set(admin.auth()).send({}),
      400,
    );
    expect(detailFields(missing).sort()).toEqual([
      'clearance',
      'displayName',
      'email',
      'organisationId',
      'password',
      'roles',
    ]);
  });
});

describe('PATCH /api/users/:id', () => {
  it('changes roles, clearance and organisation (the grants once a second administrator confirms); the target sees it on their next request', async () => {
    const target = await sessionFor(api, { roles: ['analyst'], clearance: 'unclassified' });
    const newOrg = await buildOrganisation();
    expectError(await api.http().get('/api/audit').set(target.auth()), 403);

    const res = await api
      .http()
      .patch(`/api/users/${target.user.id}`)
      .set(admin.auth())
      .send({
        roles: ['analyst', 'admin'],
        clearance: 'strictly_confidential',
        organisationId: newOrg.id,
      });
    expect(res.status).toBe(200);
    // The organisation moves at once; the admin role and the clearance wait.
    const changed = res.body as UserBody & { pendingChange: { id: string } | null };
    expect(changed).toMatchObject({
      roles: ['analyst'],
      clearance: 'unclassified',
      organisationId: newOrg.id,
      organisation: { id: newOrg.id, acronym: newOrg.acronym },
      pendingChange: {
        addRoles: ['admin'],
        clearance: 'strictly_confidential',
        previousClearance: 'unclassified',
        status: 'pending',
        canDecide: false,
      },
    });
    expectError(await api.http().get('/api/audit').set(target.auth()), 403);

    const second = await sessionFor(api, { roles: ['admin'] });
    const confirmed = await api
      .http()
      .post(`/api/account-changes/${changed.pendingChange?.id ?? ''}/confirm`)
      .set(second.auth());
    expect(confirmed.status).toBe(200);

    // Same access token, new rights.
    const me = await api.http().get('/api/auth/me').set(target.auth());
    expect(me.status).toBe(200);
    expect((me.body as { user: UserBody }).user).toMatchObject({
      roles: ['analyst', 'admin'],
      clearance: 'strictly_confidential',
      organisationId: newOrg.id,
    });
    expect(JSON.stringify((me.body as { rules: unknown[] }).rules)).toContain('AuditEntry');
    expect((await api.http().get('/api/audit').set(target.auth())).status).toBe(200);

    const [entry] = await auditEntries(api, admin, {
      action: 'user.update',
      entityId: target.user.id,
    });
    expect(entry?.actorId).toBe(admin.user.id);
    expect(entry?.diff).toEqual({
      organisationId: { from: target.user.organisationId, to: newOrg.id },
    });
    const [grant] = await auditEntries(api, admin, {
      action: 'user.grant_confirmed',
      entityId: target.user.id,
    });
    expect(grant?.actorId).toBe(second.user.id);
    expect(grant?.diff).toEqual({
      changeId: changed.pendingChange?.id,
      requestedBy: admin.user.id,
      roles: { from: ['analyst'], to: ['admin', 'analyst'] },
      clearance: { from: 'unclassified', to: 'strictly_confidential' },
    });
  });

  it('deactivating a user revokes their access and refresh tokens at once', async () => {
    const target = await sessionFor(api);
    expect((await api.http().get('/api/auth/me').set(target.auth())).status).toBe(200);

    const res = await api
      .http()
      .patch(`/api/users/${target.user.id}`)
      .set(admin.auth())
      .send({ active: false });
    expect(res.status).toBe(200);
    expect((res.body as UserBody).active).toBe(false);

    expectError(await api.http().get('/api/auth/me').set(target.auth()), 401, /deactivated/);
    expectError(await api.http().get('/api/users').set(target.auth()), 401);
    expectError(await refreshWith(api, target.refreshToken), 401);
    expectError(
      await api
        .http()
        .post('/api/auth/login')
        .send({ email: target.user.email, password: target.user.password }),
      401,
      /deactivated/,
    );

    const [entry] = await auditEntries(api, admin, {
      action: 'user.update',
      entityId: target.user.id,
    });
    expect(entry?.diff).toEqual({ active: { from: true, to: false }, sessionsRevoked: 1 });

    // Reactivated, they sign in again.
    expect(
      (
        await api
          .http()
          .patch(`/api/users/${target.user.id}`)
          .set(admin.auth())
          .send({ active: true })
      ).status,
    ).toBe(200);
    expect((await signIn(api, target.user)).accessToken).toEqual(expect.any(String));
  });

  it('a new password signs the user out everywhere; only the new password works', async () => {
    const target = await sessionFor(api);
    const newPassword = 'a brand new passphrase';
    const res = await api
      .http()
      .patch(`/api/users/${target.user.id}`)
      .set(admin.auth())
      .send({ password: newPassword });
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.body)).not.toContain(newPassword);

    expectError(await refreshWith(api, target.refreshToken), 401);
    expectError(
      await api
        .http()
        .post('/api/auth/login')
        .send({ email: target.user.email, password: target.user.password }),
      401,
    );
    expect(
      (
        await api
          .http()
          .post('/api/auth/login')
          .send({ email: target.user.email, password: newPassword })
      ).status,
    ).toBe(200);
    const [entry] = await auditEntries(api, admin, {
      action: 'user.update',
      entityId: target.user.id,
    });
    expect(entry?.diff).toEqual({ password: 'changed', sessionsRevoked: 1 });
  });

  it('an admin cannot deactivate themselves (409) or change their own roles (403), and nothing changes', async () => {
    const self = await sessionFor(api, { roles: ['admin'] });
    expectError(
      await api.http().patch(`/api/users/${self.user.id}`).set(self.auth()).send({ active: false }),
      409,
      /cannot deactivate yourself/,
    );
    expectError(
      await api
        .http()
        .patch(`/api/users/${self.user.id}`)
        .set(self.auth())
        .send({ roles: ['analyst'] }),
      403,
      /cannot change your own roles/,
    );
    const me = await api.http().get('/api/auth/me').set(self.auth());
    expect((me.body as { user: UserBody }).user).toMatchObject({ active: true, roles: ['admin'] });
    expect(
      await auditEntries(api, admin, { action: 'user.update', entityId: self.user.id }),
    ).toEqual([]);

    // Another admin may change their own display name.
    expect(
      (
        await api
          .http()
          .patch(`/api/users/${self.user.id}`)
          .set(self.auth())
          .send({ displayName: 'Renamed Admin' })
      ).status,
    ).toBe(200);
  });

  it('answers 404 for an unknown id, 400 for a malformed one, an unknown organisation or field', async () => {
    expectError(
      await api
        .http()
        .patch(`/api/users/${randomUUID()}`)
        .set(admin.auth())
        .send({ displayName: 'x' }),
      404,
    );
    expectError(
      await api.http().patch('/api/users/not-a-uuid').set(admin.auth()).send({ displayName: 'x' }),
      400,
      /in the address must be a UUID/,
    );
    const target = await buildUser();
    const org = expectError(
      await api
        .http()
        .patch(`/api/users/${target.id}`)
        .set(admin.auth())
        .send({ organisationId: randomUUID() }),
      400,
    );
    expect(detailFields(org)).toEqual(['organisationId']);
    const field = expectError(
      await api.http().patch(`/api/users/${target.id}`).set(admin.auth()).send({ email: 'x@y.zz' }),
      400,
    );
    expect(detailFields(field)).toEqual(['email']);
  });
});

describe('organisations', () => {
  interface OrgBody {
    id: string;
    name: string;
    acronym: string;
    kind: string;
  }

  it('creates (201), refuses duplicates (409), patches (200) and audits each write', async () => {
    const t = tag();
    const created = await api
      .http()
      .post('/api/organisations')
      .set(admin.auth())
      .send({ name: `  Office ${t}  `, acronym: `OFF${t}`, kind: 'office' });
    expect(created.status).toBe(201);
    const org = created.body as OrgBody;
    expect(org).toMatchObject({ name: `Office ${t}`, acronym: `OFF${t}`, kind: 'office' });

    const dupAcronym = expectError(
      await api
        .http()
        .post('/api/organisations')
        .set(admin.auth())
        .send({ name: `Other ${t}`, acronym: `off${t}`, kind: 'office' }),
      409,
    );
    expect(detailFields(dupAcronym)).toEqual(['acronym']);
    const dupName = expectError(
      await api
        .http()
        .post('/api/organisations')
        .set(admin.auth())
        .send({ name: `OFFICE ${t}`, acronym: `X${t}`, kind: 'office' }),
      409,
    );
    expect(detailFields(dupName)).toEqual(['name']);

    const patched = await api
      .http()
      .patch(`/api/organisations/${org.id}`)
      .set(admin.auth())
      .send({ name: `Renamed ${t}`, kind: 'un_entity' });
    expect(patched.status).toBe(200);
    expect(patched.body as OrgBody).toMatchObject({
      id: org.id,
      name: `Renamed ${t}`,
      acronym: `OFF${t}`,
      kind: 'un_entity',
    });

    const [createEntry] = await auditEntries(api, admin, {
      action: 'organisation.create',
      entityId: org.id,
    });
    expect(createEntry?.diff).toEqual({ name: `Office ${t}`, acronym: `OFF${t}`, kind: 'office' });
    const [updateEntry] = await auditEntries(api, admin, {
      action: 'organisation.update',
      entityId: org.id,
    });
    expect(updateEntry?.diff).toEqual({
      name: { from: `Office ${t}`, to: `Renamed ${t}` },
      kind: { from: 'office', to: 'un_entity' },
    });

    // Renaming onto another organisation's acronym is a conflict too.
    const other = await buildOrganisation();
    expectError(
      await api
        .http()
        .patch(`/api/organisations/${org.id}`)
        .set(admin.auth())
        .send({ acronym: other.acronym }),
      409,
    );
  });

  it('refuses a bad kind with 400 and an unknown id with 404', async () => {
    const body = expectError(
      await api
        .http()
        .post('/api/organisations')
        .set(admin.auth())
        .send({ name: `N ${tag()}`, acronym: tag(), kind: 'club' }),
      400,
    );
    expect(detailFields(body)).toEqual(['kind']);
    expectError(
      await api
        .http()
        .patch(`/api/organisations/${randomUUID()}`)
        .set(admin.auth())
        .send({ name: 'x' }),
      404,
    );
  });

  it('lets everyone read the directory but only admins write it (403)', async () => {
    const analyst = await sessionFor(api, { roles: ['analyst'] });
    expect((await api.http().get('/api/organisations').set(analyst.auth())).status).toBe(200);
    expectError(
      await api
        .http()
        .post('/api/organisations')
        .set(analyst.auth())
        .send({ name: `N ${tag()}`, acronym: tag(), kind: 'office' }),
      403,
    );
    expectError(
      await api
        .http()
        .patch(`/api/organisations/${analyst.user.organisationId}`)
        .set(analyst.auth())
        .send({ name: 'Mine now' }),
      403,
    );
  });
});
