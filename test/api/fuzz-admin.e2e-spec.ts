import { fixtureKindOf } from '../fuzz/fixtures.js';
import { detailFields, expectError } from '../support/http.js';
import { operationsOf, SUITE_OF_TAG } from '../fuzz/run-operation.js';
import { fuzzSuite } from '../fuzz/suite.js';

// Fuzzing (issue 7, item 4): health, sign-in and tokens, users, organisations, audit and
// notifications; and the check that every route of the document is fuzzed by some suite.

const world = fuzzSuite('admin');

it('fuzzes every route of the OpenAPI document: each has a suite and fixtures for its ids', () => {
  const unassigned = operationsOf(world().doc)
    .filter((o) => !SUITE_OF_TAG[o.op.tags?.[0] ?? ''])
    .map((o) => o.key);
  expect(unassigned).toEqual([]);
  for (const o of operationsOf(world().doc)) {
    for (const [, param] of o.path.matchAll(/\{(\w+)\}/g)) {
      expect(() => fixtureKindOf(o.path, param ?? '')).not.toThrow();
    }
  }
});

describe('regressions found by fuzzing', () => {
  it('answers a malformed or over-long URL in the error shape, not Fastify’s own', async () => {
    const { api, sessions } = world();
    const badEncoding = await api.http().get('/api/users/%E0%A4%A').set(sessions.admin.auth());
    expectError(badEncoding, 400);
    const longParam = await api
      .http()
      .get(`/api/cases/${'a'.repeat(4000)}`)
      .set(sessions.lead.auth());
    expect(longParam.status).toBeLessThan(500);
    expectError(longParam, longParam.status);
  });
});

describe('regressions found by fuzzing: bodies', () => {
  it('refuses a deeply nested JSON body with a 400 (it overflowed the stack: 500)', async () => {
    const { api, sessions } = world();
    const deep = `{"displayName":"x","a":${'{"a":'.repeat(3000)}1${'}'.repeat(3000)}}`;
    const res = await api
      .http()
      .patch('/api/auth/me/preferences')
      .set(sessions.lead.auth())
      .set('Content-Type', 'application/json')
      .send(deep);
    expectError(res, 400, /nested too deeply/);
    const login = await api
      .http()
      .post('/api/auth/login')
      .set('Content-Type', 'application/json')
      .send(`{"email":${'['.repeat(3000)}${']'.repeat(3000)}}`);
    expectError(login, 400);
  });

  it('still names every field holding a NUL character, in order', async () => {
    const { api, sessions } = world();
    const res = await api
      .http()
      .post('/api/sources')
      .set(sessions.lead.auth())
      .send({ name: 'a\u0000', kind: 'civil_society', reliability: 'B', contactNotes: '\u0000' });
    expect(expectError(res, 400).details).toEqual([
      { field: 'name', message: 'name must not contain NUL characters' },
      { field: 'contactNotes', message: 'contactNotes must not contain NUL characters' },
    ]);
  });
});

it('refuses a null password on PATCH /users/:id with a 400 (it reached argon2: 500)', async () => {
  const { api, sessions, ids } = world();
  const res = await api
    .http()
    .patch(`/api/users/${ids.user.primary}`)
    .set(sessions.admin.auth())
    .send({ password: null });
  expect(detailFields(expectError(res, 400))).toEqual(['password']);
});
