import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DocumentProvider, type RealtimeSocket } from '@vigil/client';
import { DocumentHub } from '@vigil/server';
import * as Y from 'yjs';
import { type Session, sessionFor } from '../support/api.js';
import { openCase } from '../support/cases.js';
import { closeTestPool, testPool } from '../support/factories.js';
import { editorText, fragmentText } from '../support/documents.js';
import { connectAs, eventually, type LiveApi, settle, startLiveApi } from '../support/realtime.js';

// Real Yjs clients over socket.io-client: concurrent editors converge, edits survive a restart of
// the api, read-only editors' updates are dropped, and a transmitted document refuses changes.

let api: LiveApi;
let lead: Session;
let member: Session;
let adviser: Session;
let outsider: Session;
let ft: Session;
const sockets: RealtimeSocket[] = [];
const providers: DocumentProvider[] = [];

async function connect(session: Session, on: LiveApi = api): Promise<RealtimeSocket> {
  const socket = await connectAs(on, session.accessToken);
  sockets.push(socket);
  return socket;
}

function open(socket: RealtimeSocket, documentId: string): DocumentProvider {
  const provider = new DocumentProvider(socket, documentId);
  providers.push(provider);
  return provider;
}

/** A document row on a case (the drafting routes create them the same way). */
async function newDocument(caseId: string, by: Session): Promise<string> {
  const { rows } = await testPool().query<{ id: string }>(
    `INSERT INTO documents (case_id, kind, title, created_by) VALUES ($1, 'advice_to_sg', 'Advice', $2) RETURNING id`,
    [caseId, by.user.id],
  );
  return rows[0]?.id ?? '';
}

async function storedText(documentId: string): Promise<string> {
  const { rows } = await testPool().query<{ state: Buffer }>(
    'SELECT state FROM documents WHERE id = $1',
    [documentId],
  );
  const updates = await testPool().query<{ update: Buffer }>(
    'SELECT update FROM document_updates WHERE document_id = $1 ORDER BY seq',
    [documentId],
  );
  const doc = new Y.Doc();
  Y.applyUpdate(doc, new Uint8Array(rows[0]?.state ?? Buffer.alloc(0)));
  for (const u of updates.rows) Y.applyUpdate(doc, new Uint8Array(u.update));
  return fragmentText(doc);
}

let caseId: string;

beforeAll(async () => {
  api = await startLiveApi();
  lead = await sessionFor(api, { roles: ['analyst'], clearance: 'confidential' });
  member = await sessionFor(api, { roles: ['analyst'], clearance: 'confidential' });
  adviser = await sessionFor(api, { roles: ['adviser'], clearance: 'strictly_confidential' });
  outsider = await sessionFor(api, { roles: ['analyst'], clearance: 'confidential' });
  ft = await sessionFor(api, { roles: ['framework_team'], clearance: 'strictly_confidential' });
  const c = await openCase(api, lead, { classification: 'unclassified' });
  caseId = c.id;
  const added = await api
    .http()
    .post(`/api/cases/${caseId}/members`)
    .set(lead.auth())
    .send({ userId: member.user.id, role: 'analyst' });
  expect(added.status).toBe(201);
  await testPool().query('UPDATE cases SET priority_situation = true WHERE id = $1', [caseId]);
});

afterAll(async () => {
  providers.forEach((p) => p.destroy());
  sockets.forEach((s) => s.close());
  await api.close();
  await closeTestPool();
});

describe('three editors', () => {
  it('converge on the same text despite random disconnects, and every edit is stored', async () => {
    const documentId = await newDocument(caseId, lead);
    const editors = [lead, member, adviser];
    const clients = await Promise.all(editors.map(async (s) => open(await connect(s), documentId)));
    await Promise.all(clients.map((c) => c.whenSynced()));
    expect(clients.map((c) => c.current.readOnly)).toEqual([false, false, false]);

    for (let round = 0; round < 12; round += 1) {
      clients.forEach((client, i) => {
        const text = editorText(client.doc);
        // At either end, so no marker lands inside another and each stays whole.
        text.insert(Math.random() < 0.5 ? 0 : text.length, `[${i}.${round}]`);
      });
      if (round % 4 === 1) {
        const victim = clients[round % 3];
        const socket = sockets.find(
          (s) => (victim as unknown as { socket: RealtimeSocket }).socket === s,
        );
        socket?.disconnect();
        setTimeout(() => socket?.connect(), 50);
      }
      await settle(20);
    }
    await eventually(() => clients.every((c) => c.current.joined), 'everyone to be back', 5000);
    await Promise.all(clients.map((c) => c.whenSaved()));
    await eventually(
      () => new Set(clients.map((c) => fragmentText(c.doc))).size === 1,
      'the three texts to converge',
      5000,
    );
    const text = clients[0] ? fragmentText(clients[0].doc) : '';
    for (let i = 0; i < 3; i += 1) {
      for (let round = 0; round < 12; round += 1) expect(text).toContain(`[${i}.${round}]`);
    }
    expect(await storedText(documentId)).toBe(text);
  });
});

describe('who may edit', () => {
  it('an analyst who reads the case but does not work it is read-only: edits dropped', async () => {
    const documentId = await newDocument(caseId, lead);
    const writer = open(await connect(lead), documentId);
    const reader = open(await connect(outsider), documentId);
    await Promise.all([writer.whenSynced(), reader.whenSynced()]);
    expect(reader.current.readOnly).toBe(true);
    editorText(writer.doc).insert(0, 'Official text.');
    await writer.whenSaved();
    editorText(reader.doc).insert(0, 'Forged ');
    await settle(300);
    expect(await storedText(documentId)).toBe('Official text.');
    expect(fragmentText(writer.doc)).toBe('Official text.');
  });

  it('the Framework Team never joins a draft; a forged or missing id answers the same', async () => {
    const documentId = await newDocument(caseId, lead);
    const socket = await connect(ft);
    const join = (id: unknown) =>
      socket.timeout(5000).emitWithAck('doc:join', { documentId: id } as { documentId: string });
    expect(await join(documentId)).toEqual({ ok: false, error: 'No such document.' });
    expect(await join('00000000-0000-4000-8000-000000000000')).toEqual({
      ok: false,
      error: 'No such document.',
    });
    expect(await join(42)).toMatchObject({ ok: false });
  });

  it('malformed and oversize messages are refused, the connection kept, the document unchanged', async () => {
    const documentId = await newDocument(caseId, lead);
    const socket = await connect(lead);
    const writer = open(socket, documentId);
    await writer.whenSynced();
    editorText(writer.doc).insert(0, 'Kept.');
    await writer.whenSaved();
    const sync = (message: Uint8Array) =>
      socket.timeout(5000).emitWithAck('doc:sync', { documentId, message });
    expect(await sync(new Uint8Array([2, 5, 1, 2, 3, 4, 5]))).toMatchObject({ ok: false });
    expect(await sync(new Uint8Array([9, 9, 9]))).toMatchObject({ ok: false });
    expect(await sync(new Uint8Array(300 * 1024))).toEqual({
      ok: false,
      error: 'This change is too large.',
    });
    expect(socket.connected).toBe(true);
    expect(await storedText(documentId)).toBe('Kept.');
  });
});

describe('a transmitted document', () => {
  it('refuses every update; what was stored before stays', async () => {
    const documentId = await newDocument(caseId, lead);
    const writer = open(await connect(lead), documentId);
    await writer.whenSynced();
    editorText(writer.doc).insert(0, 'Final text.');
    await writer.whenSaved();
    await testPool().query("UPDATE documents SET status = 'transmitted' WHERE id = $1", [
      documentId,
    ]);
    editorText(writer.doc).insert(0, 'Late change. ');
    await eventually(() => writer.current.error !== null, 'the refusal');
    expect(writer.current.error).toBe('This document can no longer be edited.');
    expect(await storedText(documentId)).toBe('Final text.');
  });
});

describe('restart', () => {
  it('every acknowledged edit survives a restart of the api mid-editing', async () => {
    const documentId = await newDocument(caseId, lead);
    const first = await startLiveApi();
    const socket = await connectAs(first, lead.accessToken);
    const writer = new DocumentProvider(socket, documentId);
    await writer.whenSynced();
    const body = editorText(writer.doc);
    for (let i = 0; i < 20; i += 1) body.insert(body.length, `line ${i}\n`);
    await writer.whenSaved();
    const acknowledged = fragmentText(writer.doc);
    writer.destroy();
    socket.close();
    await first.close();

    const again = await startLiveApi();
    try {
      const reader = new DocumentProvider(await connectAs(again, member.accessToken), documentId);
      await reader.whenSynced();
      expect(fragmentText(reader.doc)).toBe(acknowledged);
      reader.destroy();
    } finally {
      await again.close();
    }
  });
});

describe('memory', () => {
  it('a document nobody has open is unloaded after the idle time, and reloads intact', async () => {
    const documentId = await newDocument(caseId, lead);
    const quick = await startLiveApi({ DOC_IDLE_UNLOAD_MS: '100' });
    try {
      const hub = quick.app.get(DocumentHub);
      const socket = await connectAs(quick, lead.accessToken);
      const writer = new DocumentProvider(socket, documentId);
      await writer.whenSynced();
      editorText(writer.doc).insert(0, 'Still here.');
      await writer.whenSaved();
      expect(hub.loadedCount()).toBe(1);
      writer.destroy();
      await eventually(() => hub.loadedCount() === 0, 'the document to be unloaded', 2000);
      const reader = new DocumentProvider(socket, documentId);
      await reader.whenSynced();
      expect(fragmentText(reader.doc)).toBe('Still here.');
      expect(hub.loadedCount()).toBe(1);
      reader.destroy();
      socket.close();
    } finally {
      await quick.close();
    }
  });
});
