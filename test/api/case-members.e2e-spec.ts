import { randomUUID } from 'node:crypto';
import type { Role } from '@vigil/domain';
import { sessionFor, type Session, type TestApi } from '../support/api.js';
import { openCase, startWorkflowApi } from '../support/cases.js';
import { buildUser, closeTestPool, type BuiltUser } from '../support/factories.js';
import { detailFields, expectError } from '../support/http.js';

let api: TestApi;
let analyst: Session;
let adviser: Session;
let ft: Session;

beforeAll(async () => {
  ({ api, analyst, adviser, ft } = await startWorkflowApi());
});

afterAll(async () => {
  await api.close();
  await closeTestPool();
});

const http = () => api.http();

interface Candidate {
  id: string;
  displayName: string;
  email: string;
  roles: Role[];
}

async function candidates(session: Session, caseId: string, q?: string) {
  return http()
    .get(`/api/cases/${caseId}/member-candidates`)
    .query(q === undefined ? {} : { q })
    .set(session.auth());
}

async function candidateIds(session: Session, caseId: string, q: string): Promise<string[]> {
  const res = await candidates(session, caseId, q);
  expect(res.status).toBe(200);
  return (res.body as Candidate[]).map((c) => c.id);
}

/** People whose names all carry `tag`, so a search for it finds them and nobody else. */
async function castFor(tag: string) {
  const person = (
    name: string,
    roles: Role[],
    extra: Partial<Parameters<typeof buildUser>[0]> = {},
  ): Promise<BuiltUser> =>
    buildUser({
      displayName: `Cand ${tag} ${name}`,
      email: `cand-${tag}-${name.toLowerCase().replace(/\s+/g, '-')}@vigil.test`,
      roles,
      clearance: 'strictly_confidential',
      ...extra,
    });
  const [clearedAdviser, clearedAnalyst, both, frameworkTeam, deactivated, lowClearance] =
    await Promise.all([
      person('Bravo Adviser', ['adviser']),
      person('Alpha Analyst', ['analyst']),
      person('Charlie Both', ['analyst', 'adviser', 'admin']),
      person('Delta Framework', ['framework_team']),
      person('Echo Gone', ['analyst'], { active: false }),
      person('Foxtrot Low', ['adviser'], { clearance: 'confidential' }),
    ]);
  return { clearedAdviser, clearedAnalyst, both, frameworkTeam, deactivated, lowClearance };
}

const shape = (u: BuiltUser): Candidate => ({
  id: u.id,
  displayName: u.displayName,
  email: u.email,
  roles: u.roles,
});

describe('GET /api/cases/:id/member-candidates', () => {
  it('as the lead: cleared, active analysts and advisers by name; no Framework Team, deactivated, under-cleared, members or lead', async () => {
    const tag = randomUUID().replace(/-/g, '').slice(0, 10);
    const cast = await castFor(tag);
    const c = await openCase(api, analyst, { classification: 'strictly_confidential' });

    const res = await candidates(analyst, c.id, tag);
    expect(res.status).toBe(200);
    expect(res.body).toEqual([
      shape(cast.clearedAnalyst),
      shape(cast.clearedAdviser),
      shape(cast.both),
    ]);

    // A case classified lower lets the less-cleared adviser in.
    const open = await openCase(api, analyst, { classification: 'confidential' });
    expect(await candidateIds(analyst, open.id, tag)).toEqual([
      cast.clearedAnalyst.id,
      cast.clearedAdviser.id,
      cast.both.id,
      cast.lowClearance.id,
    ]);

    // An existing member and the lead are not offered.
    const added = await http()
      .post(`/api/cases/${c.id}/members`)
      .set(analyst.auth())
      .send({ userId: cast.both.id, role: 'adviser' });
    expect(added.status).toBe(201);
    expect(await candidateIds(analyst, c.id, tag)).toEqual([
      cast.clearedAnalyst.id,
      cast.clearedAdviser.id,
    ]);
    expect(await candidateIds(analyst, c.id, analyst.user.displayName)).toEqual([]);
    expect(await candidateIds(analyst, c.id, analyst.user.email)).toEqual([]);
  });

  it('q matches name or e-mail case-insensitively, with % and _ taken literally; at most 20', async () => {
    const tag = randomUUID().replace(/-/g, '').slice(0, 10);
    const cast = await castFor(tag);
    const c = await openCase(api, analyst, { classification: 'strictly_confidential' });

    expect(await candidateIds(analyst, c.id, `${tag} BRAVO`.toUpperCase())).toEqual([
      cast.clearedAdviser.id,
    ]);
    expect(await candidateIds(analyst, c.id, `  cand-${tag}-alpha-analyst@VIGIL  `)).toEqual([
      cast.clearedAnalyst.id,
    ]);
    // Unescaped, `_` would match any one character and `%` anything.
    expect(await candidateIds(analyst, c.id, `${tag.slice(0, 4)}_${tag.slice(5)}`)).toEqual([]);
    expect(await candidateIds(analyst, c.id, `${tag.slice(0, 4)}%`)).toEqual([]);

    const all = await candidates(analyst, c.id);
    expect(all.status).toBe(200);
    const found = all.body as Candidate[];
    expect(found.length).toBeGreaterThan(0);
    expect(found.length).toBeLessThanOrEqual(20);
    expect(found.map((u) => u.id)).not.toContain(analyst.user.id);

    const tooLong = await candidates(analyst, c.id, 'x'.repeat(101));
    expect(detailFields(expectError(tooLong, 400))).toEqual(['q']);
  });

  it('an adviser may search; a non-member analyst 403 (404 if classified); the Framework Team 404; an unknown case 404, a malformed id 400', async () => {
    const tag = randomUUID().replace(/-/g, '').slice(0, 10);
    const cast = await castFor(tag);
    const c = await openCase(api, analyst, { classification: 'confidential' });

    expect(await candidateIds(adviser, c.id, `${tag} bravo`)).toEqual([cast.clearedAdviser.id]);

    const outsider = await sessionFor(api, { roles: ['analyst'], clearance: 'confidential' });
    // Need to know: a classified case an analyst does not work is absent for them.
    expectError(await candidates(outsider, c.id, tag), 404, /^No such case\.$/);
    const open = await openCase(api, analyst, { classification: 'unclassified' });
    expectError(
      await candidates(outsider, open.id, tag),
      403,
      /^You may not change the members of this case\.$/,
    );
    // A member analyst who is not the lead may not manage members either.
    await http()
      .post(`/api/cases/${c.id}/members`)
      .set(analyst.auth())
      .send({ userId: outsider.user.id, role: 'analyst' })
      .expect(201);
    expectError(await candidates(outsider, c.id, tag), 403);

    expectError(await candidates(ft, c.id, tag), 404);
    expectError(await candidates(analyst, randomUUID(), tag), 404);
    expectError(await candidates(analyst, 'not-a-uuid', tag), 400, /in the address must be a UUID/);
  });

  it('adding makes someone no longer a candidate; removing makes them one again', async () => {
    const tag = randomUUID().replace(/-/g, '').slice(0, 10);
    const cast = await castFor(tag);
    const c = await openCase(api, analyst, { classification: 'strictly_confidential' });
    const q = `${tag} bravo`;
    expect(await candidateIds(analyst, c.id, q)).toEqual([cast.clearedAdviser.id]);

    const added = await http()
      .post(`/api/cases/${c.id}/members`)
      .set(analyst.auth())
      .send({ userId: cast.clearedAdviser.id, role: 'adviser' });
    expect(added.status).toBe(201);
    expect(added.body).toEqual([
      expect.objectContaining({ userId: cast.clearedAdviser.id, role: 'adviser' }),
    ]);
    expect(await candidateIds(analyst, c.id, q)).toEqual([]);

    await http()
      .delete(`/api/cases/${c.id}/members/${cast.clearedAdviser.id}`)
      .set(analyst.auth())
      .expect(204);
    expect(await candidateIds(analyst, c.id, q)).toEqual([cast.clearedAdviser.id]);
    const members = await http().get(`/api/cases/${c.id}/members`).set(analyst.auth());
    expect(members.body).toEqual([]);
  });
});
