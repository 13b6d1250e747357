import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { JwtService } from '@nestjs/jwt';
import { DocumentProvider, type RealtimeSocket } from '@vigil/client';
import { CaseRooms, DocumentStore } from '@vigil/server';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { type Session, sessionFor } from '../support/api.js';
import { editCaseSummary, openCase } from '../support/cases.js';
import { editorText, fragmentText } from '../support/documents.js';
import { closeTestPool, testPool } from '../support/factories.js';
import {
  connectAs,
  eventually,
  joinCase,
  type LiveApi,
  record,
  settle,
  startLiveApi,
} from '../support/realtime.js';
import { testConfig } from '../support/test-config.js';

// Access lost is access gone, on open sockets too (issue 14): every change that can reduce what a
// person may read re-checks their sockets at once — rooms left with case:removed, documents with
// doc:removed (and their updates refused), sessions that ended closed with session:ended — and an
// access token that expires on an open socket must be renewed or the socket closes.

let api: LiveApi;
let lead: Session;
let adviser: Session;
let admin: Session;
const sockets: RealtimeSocket[] = [];
const providers: DocumentProvider[] = [];

async function connect(session: Session, token = session.accessToken): Promise<RealtimeSocket> {
  const socket = await connectAs(api, token);
  sockets.push(socket);
  return socket;
}

/** A confidential case led by `lead` with `member` on it and a document being drafted. */
async function workedCase(member: Session) {
  const c = await openCase(api, lead, { classification: 'confidential' });
  const added = await api
    .http()
    .post(`/api/cases/${c.id}/members`)
    .set(lead.auth())
    .send({ userId: member.user.id, role: 'analyst' });
  expect(added.status).toBe(201);
  const doc = await api
    .http()
    .post(`/api/cases/${c.id}/documents`)
    .set(lead.auth())
    .send({ kind: 'advice_to_sg', title: 'Advice' });
  expect(doc.status).toBe(201);
  return { caseId: c.id, documentId: (doc.body as { id: string }).id };
}

/** `who` is in the case's room and editing its document, with everything they receive recorded. */
async function watching(who: Session, ids: { caseId: string; documentId: string }) {
  const socket = await connect(who);
  expect(await joinCase(socket, ids.caseId)).toMatchObject({ ok: true, view: 'office' });
  const joined = (await socket
    .timeout(5000)
    .emitWithAck('doc:join', { documentId: ids.documentId })) as { ok: boolean };
  expect(joined).toMatchObject({ ok: true });
  return {
    socket,
    caseRemoved: record(socket, 'case:removed'),
    docRemoved: record(socket, 'doc:removed'),
    events: record(socket, 'case:event'),
    docSync: record(socket, 'doc:sync'),
    ended: record(socket, 'session:ended'),
  };
}

/** A Yjs update message typed into the document's body (y-protocols "update"). */
function typing(text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.transact(() => editorText(doc).insert(0, text));
  const encoder = encoding.createEncoder();
  syncProtocol.writeUpdate(encoder, Y.encodeStateAsUpdate(doc));
  return encoding.toUint8Array(encoder);
}

async function documentText(documentId: string): Promise<string> {
  const updates = await testPool().query<{ update: Buffer }>(
    'SELECT update FROM document_updates WHERE document_id = $1 ORDER BY seq',
    [documentId],
  );
  const doc = new Y.Doc();
  for (const u of updates.rows) Y.applyUpdate(doc, new Uint8Array(u.update));
  return fragmentText(doc);
}

/** The lead writes to the case and its document: nothing of it may reach someone gone. */
async function writeAsLead(ids: { caseId: string; documentId: string }, words: string) {
  await editCaseSummary(api, lead, ids.caseId, words);
  const socket = await connect(lead);
  const provider = new DocumentProvider(socket, ids.documentId);
  providers.push(provider);
  await provider.whenSynced();
  editorText(provider.doc).insert(0, words);
  await provider.whenSaved();
}

beforeAll(async () => {
  api = await startLiveApi({ SOCKET_RENEW_GRACE_SECONDS: '1' });
  lead = await sessionFor(api, { roles: ['analyst'], clearance: 'strictly_confidential' });
  adviser = await sessionFor(api, { roles: ['adviser'], clearance: 'strictly_confidential' });
  admin = await sessionFor(api, { roles: ['admin'] });
});

afterAll(async () => {
  providers.forEach((p) => p.destroy());
  sockets.forEach((s) => s.close());
  await api.close();
  await closeTestPool();
});

describe('a case change takes the case away from open sockets at once', () => {
  it('reclassified above a member’s clearance: room and document left, no more events or text, their updates refused', async () => {
    const member = await sessionFor(api, { roles: ['analyst'], clearance: 'confidential' });
    const ids = await workedCase(member);
    const seen = await watching(member, ids);

    const current = await api.http().get(`/api/cases/${ids.caseId}`).set(adviser.auth());
    const res = await api
      .http()
      .patch(`/api/cases/${ids.caseId}`)
      .set(adviser.auth())
      .send({
        version: (current.body as { version: number }).version,
        classification: 'strictly_confidential',
      });
    expect(res.status).toBe(200);
    await eventually(() => seen.caseRemoved.length === 1, 'case:removed');
    await eventually(() => seen.docRemoved.length === 1, 'doc:removed');
    expect(seen.caseRemoved[0]).toEqual({ caseId: ids.caseId });
    expect(seen.docRemoved[0]).toEqual({ documentId: ids.documentId });

    const events = seen.events.length;
    const syncs = seen.docSync.length;
    await writeAsLead(ids, 'CANARY-after-reclassification');
    await settle();
    expect(seen.events.length).toBe(events);
    expect(seen.docSync.length).toBe(syncs);

    const refused = (await seen.socket
      .timeout(5000)
      .emitWithAck('doc:sync', { documentId: ids.documentId, message: typing('intruder') })) as {
      ok: boolean;
    };
    expect(refused.ok).toBe(false);
    expect(await documentText(ids.documentId)).not.toContain('intruder');
    expect(await joinCase(seen.socket, ids.caseId)).toEqual({ ok: false, error: 'No such case.' });
  });

  it('a new lead: the former lead, no member, loses a classified case on their open socket', async () => {
    const formerLead = await sessionFor(api, {
      roles: ['analyst'],
      clearance: 'strictly_confidential',
    });
    const c = await openCase(api, formerLead, { classification: 'confidential' });
    const socket = await connect(formerLead);
    expect(await joinCase(socket, c.id)).toMatchObject({ ok: true });
    const removed = record(socket, 'case:removed');
    const res = await api
      .http()
      .patch(`/api/cases/${c.id}`)
      .set(formerLead.auth())
      .send({ version: c.version, leadAnalystId: lead.user.id });
    expect(res.status).toBe(200);
    await eventually(() => removed.length === 1, 'case:removed after the lead changed');
  });
});

describe('the document itself checks each update', () => {
  it('a keystroke sent the moment access is withdrawn is refused and never stored', async () => {
    const member = await sessionFor(api, { roles: ['analyst'], clearance: 'confidential' });
    const ids = await workedCase(member);
    const seen = await watching(member, ids);
    const removed = await api
      .http()
      .delete(`/api/cases/${ids.caseId}/members/${member.user.id}`)
      .set(lead.auth());
    expect(removed.status).toBe(204);
    // No waiting for the notice: the append itself checks who may draft, in the same statement.
    const answer = (await seen.socket
      .timeout(5000)
      .emitWithAck('doc:sync', { documentId: ids.documentId, message: typing('too late') })) as {
      ok: boolean;
    };
    expect(answer.ok).toBe(false);
    expect(await documentText(ids.documentId)).not.toContain('too late');
  });
});

describe('a join racing with an access change', () => {
  /**
   * Holds the first call of a method (on every instance: several modules may hold their own)
   * after it has read, until `gate` opens.
   */
  function holdFirst(prototype: object, method: string, gate: Promise<unknown>) {
    const original = (prototype as Record<string, (...args: unknown[]) => Promise<unknown>>)[
      method
    ] as (...args: unknown[]) => Promise<unknown>;
    const spy = jest
      .spyOn(prototype as Record<string, (...args: unknown[]) => Promise<unknown>>, method)
      .mockImplementationOnce(async function (this: unknown, ...args: unknown[]) {
        const result = await original.apply(this, args);
        await gate;
        return result;
      });
    return () => spy.mockRestore();
  }

  it('a case room and a document joined while access is withdrawn are refused, not kept', async () => {
    const member = await sessionFor(api, { roles: ['analyst'], clearance: 'confidential' });
    const ids = await workedCase(member);
    const socket = await connect(member);
    let open = () => undefined as void;
    const gate = new Promise<void>((resolve) => {
      open = resolve;
    });
    // Both joins have checked access (allowed) and wait; the member is removed meanwhile.
    const restoreRooms = holdFirst(CaseRooms.prototype, 'viewFor', gate);
    const restoreStore = holdFirst(DocumentStore.prototype, 'loadDoc', gate);
    try {
      const caseJoin = socket.timeout(5000).emitWithAck('case:join', { caseId: ids.caseId });
      const docJoin = socket.timeout(5000).emitWithAck('doc:join', { documentId: ids.documentId });
      const removed = await api
        .http()
        .delete(`/api/cases/${ids.caseId}/members/${member.user.id}`)
        .set(lead.auth());
      expect(removed.status).toBe(204);
      open();
      expect(await caseJoin).toEqual({ ok: false, error: 'No such case.' });
      expect(await docJoin).toEqual({ ok: false, error: 'No such document.' });
    } finally {
      restoreRooms();
      restoreStore();
    }
    const events = record(socket, 'case:event');
    const syncs = record(socket, 'doc:sync');
    await writeAsLead(ids, 'written after the removal');
    await settle();
    expect(events).toEqual([]);
    expect(syncs).toEqual([]);
  });
});

describe('a re-check that fails', () => {
  it('closes the socket rather than leave it where it may no longer be', async () => {
    const member = await sessionFor(api, { roles: ['analyst'], clearance: 'confidential' });
    const ids = await workedCase(member);
    const seen = await watching(member, ids);
    const gone = new Promise((resolve) => seen.socket.once('disconnect', resolve));
    const spy = jest
      .spyOn(CaseRooms.prototype, 'viewFor')
      .mockRejectedValueOnce(new Error('connection terminated'));
    try {
      const removed = await api
        .http()
        .delete(`/api/cases/${ids.caseId}/members/${member.user.id}`)
        .set(lead.auth());
      expect(removed.status).toBe(204);
      await gone;
    } finally {
      spy.mockRestore();
    }
    expect(seen.ended).toEqual([{ reason: 'session_ended' }]);
  });
});

describe('a person’s change reaches every socket of theirs', () => {
  it('a role taken away: rooms left, documents left', async () => {
    const member = await sessionFor(api, { roles: ['analyst'], clearance: 'confidential' });
    const ids = await workedCase(member);
    const seen = await watching(member, ids);
    const res = await api
      .http()
      .patch(`/api/users/${member.user.id}`)
      .set(admin.auth())
      .send({ roles: ['framework_team'] });
    expect(res.status).toBe(200);
    await eventually(() => seen.caseRemoved.length === 1, 'case:removed');
    await eventually(() => seen.docRemoved.length === 1, 'doc:removed');
  });

  it('deactivated: told why, then disconnected', async () => {
    const member = await sessionFor(api, { roles: ['analyst'], clearance: 'confidential' });
    const ids = await workedCase(member);
    const seen = await watching(member, ids);
    const gone = new Promise((resolve) => seen.socket.once('disconnect', resolve));
    const res = await api
      .http()
      .patch(`/api/users/${member.user.id}`)
      .set(admin.auth())
      .send({ active: false });
    expect(res.status).toBe(200);
    await gone;
    expect(seen.ended).toEqual([{ reason: 'deactivated' }]);
  });
});

describe('sessions', () => {
  it('signing out closes that session’s sockets on every tab, and leaves another session’s alone', async () => {
    const member = await sessionFor(api, { roles: ['analyst'], clearance: 'confidential' });
    const other = await api
      .http()
      .post('/api/auth/login')
      .send({ email: member.user.email, password: member.user.password });
    const otherToken = (other.body as { accessToken: string }).accessToken;
    const tabs = [await connect(member), await connect(member)];
    const phone = await connect(member, otherToken);
    const ended = tabs.map((tab) => record(tab, 'session:ended'));
    const closed = tabs.map((tab) => new Promise((r) => tab.once('disconnect', r)));

    const res = await api.http().post('/api/auth/logout').set(member.auth()).send();
    expect(res.status).toBe(204);
    await Promise.all(closed);
    expect(ended).toEqual([[{ reason: 'signed_out' }], [{ reason: 'signed_out' }]]);
    await settle();
    expect(phone.connected).toBe(true);
    // The signed-out token cannot open a new socket either.
    await expect(connectAs(api, member.accessToken)).rejects.toThrow(/session has ended/);
  });

  it('an expired access token is asked for renewal; a fresh one keeps the socket, none closes it', async () => {
    const member = await sessionFor(api, { roles: ['analyst'], clearance: 'confidential' });
    const [session] = (
      await testPool().query<{ id: string }>('SELECT id FROM auth_sessions WHERE user_id = $1', [
        member.user.id,
      ])
    ).rows;
    const jwt = new JwtService({ secret: testConfig().JWT_SECRET });
    const shortLived = () =>
      jwt.signAsync({ sub: member.user.id, typ: 'access', sid: session?.id }, { expiresIn: 1 });

    const renewing = await connect(member, await shortLived());
    const asked = record(renewing, 'auth:expired');
    await eventually(() => asked.length === 1, 'auth:expired', 5000);
    expect(asked[0]).toEqual({ graceSeconds: 1 });
    expect(
      await renewing.timeout(5000).emitWithAck('auth:renew', { token: member.accessToken }),
    ).toEqual({ ok: true });

    const silent = await connect(member, await shortLived());
    const silentEnded = record(silent, 'session:ended');
    const closed = new Promise((r) => silent.once('disconnect', r));
    await closed;
    expect(silentEnded).toEqual([{ reason: 'expired' }]);
    await settle(1200);
    expect(renewing.connected).toBe(true);
  });

  it('a renewal with someone else’s token closes the socket', async () => {
    const member = await sessionFor(api, { roles: ['analyst'] });
    const socket = await connect(member);
    const closed = new Promise((r) => socket.once('disconnect', r));
    const answer = await socket
      .timeout(5000)
      .emitWithAck('auth:renew', { token: adviser.accessToken });
    expect(answer).toEqual({ ok: false, error: 'This token belongs to someone else.' });
    await closed;
  });
});
