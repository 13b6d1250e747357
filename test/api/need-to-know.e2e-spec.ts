import { randomUUID } from 'node:crypto';
import { sessionFor, startTestApi, type Session, type TestApi } from '../support/api.js';
import { openCase } from '../support/cases.js';
import { postComment, setPriority } from '../support/comments.js';
import { closeTestPool, testPool } from '../support/factories.js';
import { expectError } from '../support/http.js';
import { createSource, recordItem } from '../support/information.js';
import { decideOn, proposeMove } from '../support/workflow-helpers.js';

// Issue 14's reproductions of need-to-know leaks through side doors: each field of a case by its
// own right, and the smaller leaks (a hidden case named in an error, a hidden case's proposal
// answered differently from a missing one, names revealed by mentions).

let api: TestApi;
let lead: Session;
let member: Session;
let adviser: Session;
let lowAdviser: Session;
const http = () => api.http();

beforeAll(async () => {
  api = await startTestApi();
  [lead, member, adviser, lowAdviser] = await Promise.all([
    sessionFor(api, { roles: ['analyst'], clearance: 'strictly_confidential' }),
    sessionFor(api, { roles: ['analyst'], clearance: 'confidential' }),
    sessionFor(api, { roles: ['adviser'], clearance: 'strictly_confidential' }),
    sessionFor(api, { roles: ['adviser'], clearance: 'confidential' }),
  ]);
});

afterAll(async () => {
  await api.close();
  await closeTestPool();
});

async function addMember(caseId: string, who: Session): Promise<void> {
  const res = await http()
    .post(`/api/cases/${caseId}/members`)
    .set(lead.auth())
    .send({ userId: who.user.id, role: 'analyst' });
  expect(res.status).toBe(201);
}

async function versionOf(caseId: string): Promise<number> {
  const res = await http().get(`/api/cases/${caseId}`).set(adviser.auth());
  return (res.body as { version: number }).version;
}

function patch(s: Session, caseId: string, body: Record<string, unknown>) {
  return versionOf(caseId).then((version) =>
    http()
      .patch(`/api/cases/${caseId}`)
      .set(s.auth())
      .send({ version, ...body }),
  );
}

async function caseRow(caseId: string) {
  const { rows } = await testPool().query<{
    lead_analyst_id: string;
    classification: string;
    version: number;
  }>('SELECT lead_analyst_id, classification, version FROM cases WHERE id = $1', [caseId]);
  return rows[0];
}

describe('case fields by right', () => {
  it('a member cannot take the case over: changing the lead needs the members right', async () => {
    const c = await openCase(api, lead, { classification: 'confidential' });
    await addMember(c.id, member);
    const before = await caseRow(c.id);
    expectError(
      await patch(member, c.id, { leadAnalystId: member.user.id }),
      403,
      /^You may not change the lead analyst of this case\.$/,
    );
    expect(await caseRow(c.id)).toEqual(before);
    expect((await http().get(`/api/cases/${c.id}`).set(lead.auth())).status).toBe(200);
    // The member still edits the text, which is theirs to edit.
    expect((await patch(member, c.id, { summary: 'Updated by the member.' })).status).toBe(200);
  });

  it('a member cannot reclassify, up (locking the lead out) or down (opening it to every analyst)', async () => {
    const c = await openCase(api, lead, { classification: 'confidential' });
    await addMember(c.id, member);
    for (const classification of ['unclassified', 'strictly_confidential']) {
      expectError(
        await patch(member, c.id, { classification }),
        403,
        /^You may not change the classification of this case\.$/,
      );
    }
    // The lead, an analyst, cannot either: reclassifying is an adviser's decision.
    expectError(await patch(lead, c.id, { classification: 'unclassified' }), 403);
    expect((await caseRow(c.id))?.classification).toBe('confidential');
  });

  it('null is not a value of a field: refused, and nothing recorded as changed', async () => {
    const c = await openCase(api, lead, { classification: 'confidential' });
    await addMember(c.id, member);
    const before = await caseRow(c.id);
    for (const field of ['title', 'summary', 'classification', 'leadAnalystId'])
      expectError(await patch(member, c.id, { [field]: null }), 400);
    expect(await caseRow(c.id)).toEqual(before);
  });

  it('one changed field refused refuses the whole request (nothing half-written)', async () => {
    const c = await openCase(api, lead, { classification: 'confidential' });
    await addMember(c.id, member);
    const before = await caseRow(c.id);
    expectError(
      await patch(member, c.id, { summary: 'Sneaked in', classification: 'unclassified' }),
      403,
    );
    expect(await caseRow(c.id)).toEqual(before);
  });

  it('an adviser cleared for the old and the new level reclassifies; it is on the timeline', async () => {
    const c = await openCase(api, lead, { classification: 'confidential' });
    const res = await patch(adviser, c.id, { classification: 'strictly_confidential' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ classification: 'strictly_confidential' });
    const events = await http().get(`/api/cases/${c.id}/events`).set(lead.auth());
    const types = (events.body as { items: { type: string; payload: unknown }[] }).items;
    expect(types.find((e) => e.type === 'case.reclassified')?.payload).toEqual({
      from: 'confidential',
      to: 'strictly_confidential',
    });
  });

  it('an adviser cleared for the old level only cannot raise it above their clearance', async () => {
    const c = await openCase(api, lead, { classification: 'confidential' });
    expectError(
      await patch(lowAdviser, c.id, { classification: 'strictly_confidential' }),
      403,
      /clearance does not allow/,
    );
    // ...and one not cleared for the current level does not see the case at all.
    const high = await openCase(api, lead, { classification: 'strictly_confidential' });
    expectError(await patch(lowAdviser, high.id, { classification: 'confidential' }), 404);
  });

  it('the lead hands the lead to another analyst (the members right) and gets what they wrote', async () => {
    const formerLead = await sessionFor(api, {
      roles: ['analyst'],
      clearance: 'strictly_confidential',
    });
    const c = await openCase(api, formerLead, { classification: 'confidential' });
    const res = await patch(formerLead, c.id, { leadAnalystId: lead.user.id });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: c.id });
    expect((await caseRow(c.id))?.lead_analyst_id).toBe(lead.user.id);
    // No longer the lead nor a member of a classified case: it is gone for them.
    expectError(await http().get(`/api/cases/${c.id}`).set(formerLead.auth()), 404);
  });
});

describe('smaller leaks', () => {
  it('editing an item’s case links never names, nor drops, a link to a case hidden from the editor', async () => {
    const source = await createSource(api, lead);
    const open = await openCase(api, lead, { classification: 'confidential' });
    const hidden = await openCase(api, lead, { classification: 'strictly_confidential' });
    await addMember(open.id, member);
    const item = await recordItem(api, lead, source.id, {
      classification: 'confidential',
      caseIds: [open.id, hidden.id],
    });
    const mine = await http().get(`/api/information-items/${item.id}`).set(member.auth());
    expect(mine.status).toBe(200);
    const seen = (mine.body as { cases: { id: string }[]; version: number }).cases;
    expect(seen.map((c) => c.id)).toEqual([open.id]);

    // The member round-trips what they see plus a new case of their own.
    const another = await openCase(api, lead, { classification: 'confidential' });
    await addMember(another.id, member);
    const res = await http()
      .patch(`/api/information-items/${item.id}`)
      .set(member.auth())
      .send({
        version: (mine.body as { version: number }).version,
        caseIds: [open.id, another.id],
      });
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.body)).not.toContain(hidden.id);
    const { rows } = await testPool().query<{ case_id: string }>(
      'SELECT case_id FROM information_item_cases WHERE item_id = $1',
      [item.id],
    );
    expect(rows.map((r) => r.case_id).sort()).toEqual([open.id, hidden.id, another.id].sort());
  });

  it('an item round-tripped with its protected source as shown (no id) keeps its source', async () => {
    // The member edits the item (they work its case) but may not know its source, which a
    // strictly confidential item cites too.
    const source = await createSource(api, lead);
    const c = await openCase(api, lead, { classification: 'confidential' });
    const colleague = await sessionFor(api, { roles: ['analyst'], clearance: 'confidential' });
    await addMember(c.id, colleague);
    const item = await recordItem(api, lead, source.id, {
      classification: 'confidential',
      caseIds: [c.id],
    });
    await recordItem(api, lead, source.id, { classification: 'strictly_confidential' });
    const seen = await http().get(`/api/information-items/${item.id}`).set(colleague.auth());
    const shown = seen.body as {
      version: number;
      source: { id: string | null; protected: boolean };
    };
    expect(shown.source).toMatchObject({ id: null, protected: true });
    expectError(
      await http()
        .patch(`/api/information-items/${item.id}`)
        .set(colleague.auth())
        .send({ version: shown.version, sourceId: shown.source.id }),
      400,
    );
    const { rows } = await testPool().query<{ source_id: string; version: number }>(
      'SELECT source_id, version FROM information_items WHERE id = $1',
      [item.id],
    );
    expect(rows[0]).toEqual({ source_id: source.id, version: shown.version });
  });

  it('a proposal on a hidden case reads exactly as a missing one', async () => {
    const hidden = await openCase(api, lead, { classification: 'strictly_confidential' });
    const proposed = await proposeMove(http, lead, hidden.id, 'closed');
    expect(proposed.status).toBe(201);
    const id = (proposed.body as { id: string }).id;
    const outsider = await sessionFor(api, { roles: ['analyst'], clearance: 'confidential' });
    const onHidden = expectError(await decideOn(http, outsider, id, 'withdraw'), 404);
    const onMissing = expectError(await decideOn(http, outsider, randomUUID(), 'withdraw'), 404);
    expect(onHidden).toEqual(onMissing);
    expect(onHidden.message).toBe('No such proposal.');
  });

  it('a Framework Team member finds only the Framework Team to mention, and cannot name Office staff by id', async () => {
    const c = await openCase(api, lead, { classification: 'confidential' });
    await setPriority(api, adviser, c.id, true);
    const ft = await sessionFor(api, { roles: ['framework_team'], clearance: 'confidential' });
    const peer = await sessionFor(api, { roles: ['framework_team'], clearance: 'confidential' });
    // By name: the list holds at most 20, and other suites' people share this database.
    const find = async (who: Session, name: string) => {
      const res = await http()
        .get(`/api/cases/${c.id}/comments/mentionable`)
        .query({ thread: 'framework_team', q: name })
        .set(who.auth());
      expect(res.status).toBe(200);
      return (res.body as { items: { id: string }[] }).items.map((p) => p.id);
    };
    expect(await find(ft, peer.user.displayName)).toEqual([peer.user.id]);
    expect(await find(ft, lead.user.displayName)).toEqual([]);
    expect(await find(ft, adviser.user.displayName)).toEqual([]);

    const named = await postComment(api, ft, c.id, {
      thread: 'framework_team',
      body: 'Please look',
      mentions: [lead.user.id],
    });
    const body = expectError(named, 400, /is not someone you can mention/);
    expect(JSON.stringify(body)).not.toContain(lead.user.displayName);

    // The Office still finds everyone who reads the thread.
    expect(await find(lead, peer.user.displayName)).toEqual([peer.user.id]);
    expect(await find(lead, lead.user.displayName)).toEqual([lead.user.id]);
  });
});
