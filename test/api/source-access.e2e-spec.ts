import { randomUUID } from 'node:crypto';
import { sessionFor, startTestApi, type Session, type TestApi } from '../support/api.js';
import { openCase } from '../support/cases.js';
import { closeTestPool } from '../support/factories.js';
import { expectError } from '../support/http.js';
import { createSource, recordItem, type SourceBody } from '../support/information.js';

// Issue 14, third reproduction: a source cited only by a strictly confidential item linked to a
// case was readable and editable in full by a member of that case cleared only for confidential,
// and its itemCount counted items the reader could not see. A source's classification is now the
// highest among the items citing it; working a linked case reveals it only within clearance.

let api: TestApi;
let lead: Session;
let member: Session;
let adviserLow: Session;
let adviserHigh: Session;
let caseId: string;
let secret: SourceBody;
let tag: string;

const http = () => api.http();

beforeAll(async () => {
  api = await startTestApi();
  const as = (roles: string[], clearance: string) =>
    sessionFor(api, { roles: roles as never, clearance: clearance as never });
  [lead, member, adviserLow, adviserHigh] = await Promise.all([
    as(['analyst'], 'strictly_confidential'),
    as(['analyst'], 'confidential'),
    as(['adviser'], 'confidential'),
    as(['adviser'], 'strictly_confidential'),
  ]);
  tag = randomUUID().slice(0, 8);
  const kase = await openCase(api, lead, { classification: 'confidential' });
  caseId = kase.id;
  await http()
    .post(`/api/cases/${caseId}/members`)
    .set(lead.auth())
    .send({ userId: member.user.id, role: 'analyst' })
    .expect(201);
  secret = await createSource(api, lead, {
    name: `Witness Ombeni ${tag}`,
    contactNotes: `Safe house ${tag}`,
  });
  await recordItem(api, lead, secret.id, {
    title: `Strictly confidential testimony ${tag}`,
    classification: 'strictly_confidential',
    caseIds: [caseId],
  });
});

afterAll(async () => {
  await api.close();
  await closeTestPool();
});

async function listAll(session: Session, q?: string): Promise<SourceBody[]> {
  const res = await http()
    .get('/api/sources')
    .query({ limit: '100', ...(q ? { q } : {}) })
    .set(session.auth());
  expect(res.status).toBe(200);
  return res.body.items as SourceBody[];
}

describe('a source cited by a strictly confidential item linked to a case', () => {
  it('is hidden from a member of the case cleared only for confidential: GET and PATCH 404, not listed', async () => {
    expectError(await http().get(`/api/sources/${secret.id}`).set(member.auth()), 404);
    expectError(
      await http()
        .patch(`/api/sources/${secret.id}`)
        .set(member.auth())
        .send({ version: secret.version, name: 'Renamed' }),
      404,
    );
    expect((await listAll(member)).map((s) => s.id)).not.toContain(secret.id);
    expect(await listAll(member, `Ombeni ${tag}`)).toEqual([]);
    // Nothing was changed by the refused edit.
    const own = await http().get(`/api/sources/${secret.id}`).set(lead.auth()).expect(200);
    expect(own.body).toMatchObject({ name: `Witness Ombeni ${tag}`, version: secret.version });
  });

  it('cannot be cited by them, and shows as "Protected source" on an item they may read', async () => {
    const cited = await http()
      .post('/api/information-items')
      .set(member.auth())
      .send({
        title: 'Citing a source I may not know',
        description: 'x',
        country: 'KEN',
        eventDate: '2026-10-02',
        kind: 'report',
        sourceId: secret.id,
        credibility: 2,
        consent: 'yes',
        classification: 'confidential',
        caseIds: [caseId],
      });
    expectError(cited, 400);
    const readable = await recordItem(api, lead, secret.id, {
      title: `Confidential follow-up ${tag}`,
      classification: 'confidential',
      caseIds: [caseId],
    });
    const seen = await http()
      .get(`/api/information-items/${readable.id}`)
      .set(member.auth())
      .expect(200);
    expect(seen.body.source).toMatchObject({ protected: true, id: null, name: 'Protected source' });
    expect(JSON.stringify(seen.body)).not.toContain('Ombeni');
  });

  it('is known to whoever recorded it and to advisers cleared for it, not to advisers below', async () => {
    await http().get(`/api/sources/${secret.id}`).set(lead.auth()).expect(200);
    await http().get(`/api/sources/${secret.id}`).set(adviserHigh.auth()).expect(200);
    expectError(await http().get(`/api/sources/${secret.id}`).set(adviserLow.auth()), 404);
    expectError(
      await http()
        .patch(`/api/sources/${secret.id}`)
        .set(adviserLow.auth())
        .send({ version: secret.version, reliability: 'A' }),
      404,
    );
    expect((await listAll(adviserLow, `Ombeni ${tag}`)).map((s) => s.id)).toEqual([]);
    expect((await listAll(adviserHigh, `Ombeni ${tag}`)).map((s) => s.id)).toEqual([secret.id]);
  });

  it('counts only the items the reader may read', async () => {
    // A source the member recorded (they always know it), cited by their confidential item and
    // by the lead's strictly confidential one on the same case.
    const mine = await createSource(api, member, { name: `Market trader ${tag}` });
    await recordItem(api, member, mine.id, {
      title: `Market closures ${tag}`,
      classification: 'confidential',
      caseIds: [caseId],
    });
    await recordItem(api, lead, mine.id, {
      title: `Strictly confidential market report ${tag}`,
      classification: 'strictly_confidential',
      caseIds: [caseId],
    });
    const forMember = await http().get(`/api/sources/${mine.id}`).set(member.auth()).expect(200);
    expect(forMember.body.itemCount).toBe(1);
    const listed = (await listAll(member, `trader ${tag}`)).find((s) => s.id === mine.id);
    expect(listed).toMatchObject({ itemCount: 1 });
    const forLead = await http().get(`/api/sources/${mine.id}`).set(lead.auth()).expect(200);
    expect(forLead.body.itemCount).toBe(2);
    // Its classification is now strictly confidential, but its author keeps knowing it and may
    // still edit it.
    await http()
      .patch(`/api/sources/${mine.id}`)
      .set(member.auth())
      .send({ version: forMember.body.version, reliability: 'A' })
      .expect(200);
  });

  it('is known through the case again when no item above the member’s clearance cites it', async () => {
    const open = await createSource(api, lead, { name: `Radio monitor ${tag}` });
    await recordItem(api, lead, open.id, {
      title: `Radio broadcast ${tag}`,
      classification: 'confidential',
      caseIds: [caseId],
    });
    const seen = await http().get(`/api/sources/${open.id}`).set(member.auth()).expect(200);
    expect(seen.body).toMatchObject({ name: `Radio monitor ${tag}`, itemCount: 1 });
  });
});
