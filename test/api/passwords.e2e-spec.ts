import { randomUUID } from 'node:crypto';
import { sessionFor, startTestApi, type Session, type TestApi } from '../support/api.js';
import { buildUser, closeTestPool, TEST_PASSWORD } from '../support/factories.js';
import { detailFields, expectError } from '../support/http.js';

// Issue 15, item 6: every password an administrator sets passes a strength check (zxcvbn score 3
// or more, the account's e-mail and name counted as known words).

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
const WEAK = ['            ', 'aaaaaaaaaaaa', 'password1234', 'qwertyuiop12', 'Password1234!'];

function create(password: string, overrides: Record<string, unknown> = {}) {
  return api
    .http()
    .post('/api/users')
    .set(admin.auth())
    .send({
      email: `pw-${tag()}@vigil.test`,
      displayName: `Password ${tag()}`,
      password,
      roles: ['analyst'],
      clearance: 'unclassified',
      organisationId: admin.user.organisationId,
      ...overrides,
    });
}

describe('password strength', () => {
  it.each(WEAK)('refuses %j on creation with 400 naming password and saying why', async (weak) => {
    const res = await create(weak);
    const body = expectError(res, 400, /^This password is too easy to guess\. \S/);
    expect(detailFields(body)).toEqual(['password']);
    const [problem] = body.details as { field: string; message: string }[];
    // The library's advice, in words.
    expect(problem?.message).toBe(body.message);
    expect(problem?.message).toMatch(/guess|common|words|Avoid|Add/);
  });

  it('says what is wrong: repeated characters, a common password', async () => {
    expectError(await create('aaaaaaaaaaaa'), 400, /Repeated characters/);
    expectError(await create('password1234'), 400, /commonly used password/);
  });

  it('counts the e-mail and the name as known words', async () => {
    const email = `zebulon.quarterfield@${tag()}.vigil.test`;
    const res = await create('zebulon.quarterfield', {
      email,
      displayName: `Zebulon Quarterfield ${tag()}`,
    });
    expectError(res, 400, /personal/);
    // The same password is strong for someone else.
    expect((await create('zebulon.quarterfield')).status).toBe(201);
  });

  it('accepts a passphrase and creates nothing for a refused one', async () => {
    expect((await create('quiet harbour lantern 42')).status).toBe(201);
    const email = `refused-${tag()}@vigil.test`;
    expectError(await create('password1234', { email }), 400);
    const found = await api.http().get('/api/users').query({ q: email }).set(admin.auth());
    expect((found.body as { items: unknown[] }).items).toEqual([]);
  });

  it('refuses a weak new password on update and keeps the old one', async () => {
    const target = await buildUser();
    for (const weak of WEAK) {
      const res = await api
        .http()
        .patch(`/api/users/${target.id}`)
        .set(admin.auth())
        .send({ password: weak, displayName: `Renamed ${tag()}` });
      expect(detailFields(expectError(res, 400, /too easy to guess/))).toEqual(['password']);
    }
    const still = await api
      .http()
      .post('/api/auth/login')
      .send({ email: target.email, password: TEST_PASSWORD });
    expect(still.status).toBe(200);
    const ok = await api
      .http()
      .patch(`/api/users/${target.id}`)
      .set(admin.auth())
      .send({ password: 'amber meadow kettle 7' });
    expect(ok.status).toBe(200);
  });

  it('scores a long crafted password quickly (only its first 64 characters are scored)', async () => {
    const crafted = 'p@ssw0rd'.repeat(32);
    const started = Date.now();
    expectError(await create(crafted), 400, /too easy to guess/);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
