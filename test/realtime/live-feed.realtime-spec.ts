import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { CaseFeedEvent, RealtimeSocket } from '@vigil/client';
import { type Session, sessionFor } from '../support/api.js';
import { editCaseSummary, openCase } from '../support/cases.js';
import { createSource, recordItem } from '../support/information.js';
import { closeTestPool, testPool } from '../support/factories.js';
import { decideOn, proposeMove } from '../support/workflow-helpers.js';
import {
  connectAs,
  eventually,
  joinCase,
  type LiveApi,
  record,
  settle,
  startLiveApi,
} from '../support/realtime.js';

// Real socket.io-client connections to a listening api: the live case feed, presence, the
// Framework Team's restricted feed, access changes and catching up after a reconnect.

let api: LiveApi;
let lead: Session;
let member: Session;
let adviser: Session;
let ft: Session;
let admin: Session;
const sockets: RealtimeSocket[] = [];

async function connect(session: Session): Promise<RealtimeSocket> {
  const socket = await connectAs(api, session.accessToken);
  sockets.push(socket);
  return socket;
}

async function addMember(caseId: string, who: Session): Promise<void> {
  const res = await api
    .http()
    .post(`/api/cases/${caseId}/members`)
    .set(lead.auth())
    .send({ userId: who.user.id, role: 'analyst' });
  expect(res.status).toBe(201);
}

beforeAll(async () => {
  api = await startLiveApi();
  lead = await sessionFor(api, { roles: ['analyst'], clearance: 'confidential' });
  member = await sessionFor(api, { roles: ['analyst'], clearance: 'confidential' });
  adviser = await sessionFor(api, { roles: ['adviser'], clearance: 'strictly_confidential' });
  ft = await sessionFor(api, { roles: ['framework_team'], clearance: 'confidential' });
  admin = await sessionFor(api, { roles: ['admin'], clearance: 'strictly_confidential' });
});

afterAll(async () => {
  sockets.forEach((s) => s.close());
  await api.close();
  await closeTestPool();
});

describe('the handshake', () => {
  it('refuses a missing or forged token at once, with the reason', async () => {
    await expect(connectAs(api, null)).rejects.toThrow(/access token/);
    await expect(connectAs(api, 'not.a.token')).rejects.toThrow(/not valid/);
    const socket = await connect(lead);
    expect(socket.connected).toBe(true);
  });
});

describe('two analysts on one case', () => {
  it('see each other arrive, each other’s changes in order, and leave (several tabs count once)', async () => {
    const c = await openCase(api, lead, { classification: 'confidential' });
    await addMember(c.id, member);
    const a = await connect(lead);
    const b = await connect(member);
    const bSecondTab = await connect(member);
    const seenByA = record(a, 'case:event');
    const presenceAtA = record(a, 'presence');

    expect(await joinCase(a, c.id)).toMatchObject({
      ok: true,
      view: 'office',
      presence: [{ userId: lead.user.id }],
    });
    const joined = await joinCase(b, c.id);
    expect(joined).toMatchObject({ ok: true, view: 'office' });
    await joinCase(bSecondTab, c.id);
    await eventually(() => presenceAtA.at(-1)?.users.length === 2, 'two people present');
    expect(
      presenceAtA
        .at(-1)
        ?.users.map((u) => u.userId)
        .sort(),
    ).toEqual([lead.user.id, member.user.id].sort());

    const seenByB = record(b, 'case:event');
    await editCaseSummary(api, lead, c.id, 'Curfew announced in the north.');
    await editCaseSummary(api, member, c.id, 'Curfew lifted.');
    // The relay may deliver the case's earlier events (created, member added), written before
    // anyone joined, after the joins: the edits are compared on their own, and anything else
    // must be this case's and older than the first edit.
    const edits = (seen: typeof seenByA) => seen.filter((e) => e.type === 'case.updated');
    await eventually(() => edits(seenByB).length >= 2 && edits(seenByA).length >= 2, 'both edits');
    const firstEdit = edits(seenByB)[0]?.seq ?? 0;
    for (const e of [...seenByA, ...seenByB]) {
      expect(e.caseId).toBe(c.id);
      if (e.type !== 'case.updated') expect(e.seq).toBeLessThan(firstEdit);
    }
    expect(edits(seenByB)).toHaveLength(2);
    expect(edits(seenByB)[0]).toMatchObject({ caseId: c.id, actorId: lead.user.id });
    expect(edits(seenByB)[1]).toMatchObject({ caseId: c.id, actorId: member.user.id });
    const [first, second] = edits(seenByB).map((e) => e.seq);
    expect(second).toBe((first ?? 0) + 1);
    expect(edits(seenByA).map((e) => e.seq)).toEqual(edits(seenByB).map((e) => e.seq));

    // One tab closes: still present; the last tab closes: gone.
    bSecondTab.close();
    await settle(200);
    expect(presenceAtA.at(-1)?.users).toHaveLength(2);
    b.close();
    await eventually(() => presenceAtA.at(-1)?.users.length === 1, 'the member to leave');
  });

  it('a transition reaches the room as case.transitioned with its stages', async () => {
    const c = await openCase(api, lead, { classification: 'confidential' });
    const a = await connect(lead);
    await joinCase(a, c.id);
    const seen = record(a, 'case:event');
    const proposal = await proposeMove(api.http, lead, c.id, 'closed');
    expect(proposal.status).toBe(201);
    expect((await decideOn(api.http, adviser, proposal.body.id, 'approve')).status).toBe(200);
    await eventually(() => seen.some((e) => e.type === 'case.transitioned'), 'the transition');
    expect(seen.map((e) => e.type)).toEqual(['escalation.proposed', 'case.transitioned']);
    expect(seen[0]?.payload).toMatchObject({ targetStage: 'closed' });
    expect(seen[1]).toMatchObject({ fromStage: 'monitoring', toStage: 'closed' });
    // The machine's raw event stays in the record; the feed does not carry it.
    expect(seen[1]?.payload).not.toHaveProperty('workflowEvent');
  });
});

describe('joining a room', () => {
  it('is refused, with the same words, for a hidden case and for no case at all; bad payloads too', async () => {
    const c = await openCase(api, lead, { classification: 'confidential' });
    const outsider = await sessionFor(api, { roles: ['analyst'], clearance: 'confidential' });
    const socket = await connect(outsider);
    const hidden = await joinCase(socket, c.id);
    const missing = await joinCase(socket, '00000000-0000-4000-8000-000000000000');
    expect(hidden).toEqual({ ok: false, error: 'No such case.' });
    expect(missing).toEqual(hidden);
    for (const session of [ft, admin]) {
      expect(await joinCase(await connect(session), c.id)).toEqual(hidden);
    }
    for (const bad of [null, 42, 'x'.repeat(5000), { nested: true }]) {
      const answer = await socket
        .timeout(5000)
        .emitWithAck('case:join', bad as unknown as { caseId: string });
      expect(answer).toMatchObject({ ok: false });
    }
    // A forged event name and a join without an acknowledgement break nothing.
    (socket.emit as (event: string, ...args: unknown[]) => void)('admin:drop-tables', {});
    (socket.emit as (event: string, ...args: unknown[]) => void)('case:join', { caseId: c.id });
    await settle(100);
    expect(socket.connected).toBe(true);
    expect(await joinCase(socket, c.id)).toEqual(hidden);
  });

  it('an oversized message closes that connection only; the gateway goes on serving', async () => {
    const socket = await connect(lead);
    const closed = new Promise((resolve) => socket.once('disconnect', resolve));
    (socket.emit as (event: string, ...args: unknown[]) => void)('case:join', {
      caseId: 'x'.repeat(2_000_000),
    });
    await closed;
    const again = await connect(lead);
    expect(again.connected).toBe(true);
  });
});

describe('the Framework Team in a priority situation', () => {
  const comment = (caseId: string, thread: string, body: string) =>
    api.http().post(`/api/cases/${caseId}/comments`).set(lead.auth()).send({ thread, body });

  it('receives its thread, stage changes and edits of its view; never internal comments, members, information items or proposals', async () => {
    const c = await openCase(api, lead, { classification: 'confidential' });
    const share = (shared: boolean) =>
      api.http().post(`/api/cases/${c.id}/priority`).set(adviser.auth()).send({ shared });
    expect((await share(true)).status).toBe(200);
    const socket = await connect(ft);
    expect(await joinCase(socket, c.id)).toMatchObject({ ok: true, view: 'framework_team' });
    const seen = record(socket, 'case:event');
    const presenceForTeam = record(socket, 'presence');
    const office = await connect(lead);
    // The Office sees the Framework Team member; the Framework Team does not see who works the case.
    expect(await joinCase(office, c.id)).toMatchObject({
      presence: expect.arrayContaining([expect.objectContaining({ userId: ft.user.id })]),
    });
    await settle(200);
    expect(presenceForTeam.at(-1)?.users.map((u) => u.userId)).toEqual([ft.user.id]);
    const seenByOffice = record(office, 'case:event');

    await addMember(c.id, member);
    const source = await createSource(api, lead);
    await recordItem(api, lead, source.id, { caseIds: [c.id] });
    expect((await comment(c.id, 'internal', 'Source says the militia is moving.')).status).toBe(
      201,
    );
    expect((await comment(c.id, 'framework_team', 'Briefing on Tuesday.')).status).toBe(201);
    await editCaseSummary(api, lead, c.id, 'Shared summary.');
    const proposal = await proposeMove(api.http, lead, c.id, 'closed');
    await decideOn(api.http, adviser, proposal.body.id, 'approve');
    await eventually(() => seenByOffice.length === 7, 'the Office to see all seven events');
    await settle();
    // The sharing itself may arrive just after the join; the rest must be exactly these.
    expect(seen.map((e) => e.type).filter((t) => t !== 'case.priority_changed')).toEqual([
      'comment.created',
      'case.updated',
      'case.transitioned',
    ]);
    expect(seen[0]?.payload).toMatchObject({ thread: 'framework_team' });
    expect(Object.keys(seen[0]?.payload ?? {}).sort()).toEqual(['commentId', 'parentId', 'thread']);
    for (const event of seen) expect(event.actorId).toBeNull();

    // Unsharing takes the Framework Team out of the room at once.
    const removed = record(socket, 'case:removed');
    expect((await share(false)).status).toBe(200);
    await eventually(() => removed.length === 1, 'case:removed after unsharing');
    expect(await joinCase(socket, c.id)).toEqual({ ok: false, error: 'No such case.' });
  });
});

describe('access changes', () => {
  it('a member removed from a classified case is taken out of its room at once', async () => {
    const c = await openCase(api, lead, { classification: 'confidential' });
    await addMember(c.id, member);
    const socket = await connect(member);
    await joinCase(socket, c.id);
    const removed = record(socket, 'case:removed');
    const seen = record(socket, 'case:event');
    const res = await api
      .http()
      .delete(`/api/cases/${c.id}/members/${member.user.id}`)
      .set(lead.auth());
    expect(res.status).toBe(204);
    await eventually(() => removed.length === 1, 'case:removed');
    expect(removed[0]).toEqual({ caseId: c.id });
    const before = seen.length;
    await editCaseSummary(api, lead, c.id, 'After the removal.');
    await settle();
    expect(seen.length).toBe(before);
    expect(await joinCase(socket, c.id)).toEqual({ ok: false, error: 'No such case.' });
  });

  it('lowering a clearance leaves the rooms above it; deactivating disconnects', async () => {
    const c = await openCase(api, lead, { classification: 'confidential' });
    const reader = await sessionFor(api, { roles: ['adviser'], clearance: 'confidential' });
    const socket = await connect(reader);
    await joinCase(socket, c.id);
    const removed = record(socket, 'case:removed');
    const patchUser = (body: object) =>
      api.http().patch(`/api/users/${reader.user.id}`).set(admin.auth()).send(body);
    expect((await patchUser({ clearance: 'unclassified' })).status).toBe(200);
    await eventually(() => removed.length === 1, 'case:removed after the clearance change');
    const gone = new Promise((resolve) => socket.once('disconnect', resolve));
    expect((await patchUser({ active: false })).status).toBe(200);
    await gone;
  });
});

describe('notifications', () => {
  it('reach the person’s sockets once written, and nobody else’s', async () => {
    const mine = await connect(member);
    const theirs = await connect(lead);
    const toMe = record(mine, 'notification');
    const toThem = record(theirs, 'notification');
    await testPool().query(
      `WITH n AS (INSERT INTO notifications (user_id, type, payload) VALUES ($1, 'review.overdue', '{"reference":"SIT-T"}') RETURNING *)
       INSERT INTO outbox_events (topic, user_id, payload)
       SELECT 'notification', user_id, jsonb_build_object('id', id, 'type', type, 'payload', payload, 'createdAt', created_at) FROM n`,
      [member.user.id],
    );
    await eventually(() => toMe.length === 1, 'the notification');
    expect(toMe[0]).toMatchObject({ type: 'review.overdue', payload: { reference: 'SIT-T' } });
    await settle(200);
    expect(toThem).toEqual([]);
  });
});

describe('catching up', () => {
  it('a client that reconnects asks for what it missed by sequence number', async () => {
    const c = await openCase(api, lead, { classification: 'confidential' });
    const first = await connect(member);
    await addMember(c.id, member);
    await joinCase(first, c.id);
    const seen = record(first, 'case:event');
    await editCaseSummary(api, lead, c.id, 'Before the drop.');
    await eventually(() => seen.length === 1, 'the first edit');
    const lastSeq = (seen.at(-1) as CaseFeedEvent).seq;
    first.close();

    await editCaseSummary(api, lead, c.id, 'Missed one.');
    await editCaseSummary(api, lead, c.id, 'Missed two.');
    const again = await connect(member);
    await joinCase(again, c.id);
    const missed = await api
      .http()
      .get(`/api/cases/${c.id}/events?after=${lastSeq}`)
      .set(member.auth());
    expect(missed.status).toBe(200);
    const items = (missed.body as { items: { seq: number; type: string }[] }).items;
    expect(items.map((e) => e.seq)).toEqual([lastSeq + 1, lastSeq + 2]);
    expect(items.map((e) => e.type)).toEqual(['case.updated', 'case.updated']);
  });
});
