import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { RealtimeSocket } from '@vigil/client';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { type Session, sessionFor } from '../support/api.js';
import { openCase } from '../support/cases.js';
import { closeTestPool, testPool } from '../support/factories.js';
import { connectAs, eventually, type LiveApi, settle, startLiveApi } from '../support/realtime.js';

// Drafting traffic within bounds (issue 15, item 5): doc:sync and doc:awareness are limited per
// person and per socket (messages and bytes), and awareness states are stamped by the server with
// the sender's identity: nobody appears as, or clears the state of, another editor, and a reader
// who may not edit shows presence only.

let api: LiveApi;
let lead: Session;
let member: Session;
let reader: Session;
let caseId: string;
const sockets: RealtimeSocket[] = [];

beforeAll(async () => {
  api = await startLiveApi({
    DOC_TRAFFIC_WINDOW_SECONDS: '60',
    DOC_SYNC_BYTES_PER_WINDOW: String(300 * 1024),
    DOC_SYNC_MESSAGES_PER_WINDOW: '40',
    DOC_AWARENESS_PER_WINDOW: '10',
  });
  lead = await sessionFor(api, { roles: ['analyst'], clearance: 'confidential' });
  member = await sessionFor(api, { roles: ['analyst'], clearance: 'confidential' });
  // Reads every unclassified situation, drafts on none: opens documents read-only.
  reader = await sessionFor(api, { roles: ['analyst'], clearance: 'confidential' });
  caseId = (await openCase(api, lead, { classification: 'unclassified' })).id;
  const added = await api
    .http()
    .post(`/api/cases/${caseId}/members`)
    .set(lead.auth())
    .send({ userId: member.user.id, role: 'analyst' });
  expect(added.status).toBe(201);
});

afterAll(async () => {
  sockets.forEach((s) => s.close());
  await api.close();
  await closeTestPool();
});

async function newDocument(): Promise<string> {
  const res = await api
    .http()
    .post(`/api/cases/${caseId}/documents`)
    .set(lead.auth())
    .send({ kind: 'briefing', title: 'Briefing' });
  expect(res.status).toBe(201);
  return (res.body as { id: string }).id;
}

async function joined(who: Session, documentId: string): Promise<RealtimeSocket> {
  const socket = await connectAs(api, who.accessToken);
  sockets.push(socket);
  const answer = await socket.timeout(5000).emitWithAck('doc:join', { documentId });
  expect(answer).toMatchObject({ ok: true });
  return socket;
}

/** An update adding a paragraph of `size` characters, as a y-protocols "update" message. */
function paragraphUpdate(size: number): Uint8Array {
  const doc = new Y.Doc();
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText('x'.repeat(size))]);
  doc.getXmlFragment('default').insert(0, [paragraph]);
  const encoder = encoding.createEncoder();
  syncProtocol.writeUpdate(encoder, Y.encodeStateAsUpdate(doc));
  return encoding.toUint8Array(encoder);
}

/** An awareness update for `clientId` with `state` (null: that client left). */
function awarenessUpdate(clientId: number, state: Record<string, unknown> | null): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 1);
  encoding.writeVarUint(encoder, clientId);
  encoding.writeVarUint(encoder, 1);
  encoding.writeVarString(encoder, JSON.stringify(state));
  return encoding.toUint8Array(encoder);
}

/** The states a socket has been told of, applied in order as the browser would. */
function statesSeenBy(socket: RealtimeSocket): awarenessProtocol.Awareness {
  const awareness = new awarenessProtocol.Awareness(new Y.Doc());
  awareness.setLocalState(null);
  socket.on('doc:awareness', ({ message }) => {
    awarenessProtocol.applyAwarenessUpdate(
      awareness,
      new Uint8Array(message as Uint8Array),
      'server',
    );
  });
  return awareness;
}

describe('doc:sync within bounds', () => {
  it('a script streaming large updates is refused once its bytes are spent; nothing more is stored', async () => {
    const documentId = await newDocument();
    const socket = await joined(member, documentId);
    const answers: { ok: boolean; error?: string }[] = [];
    for (let i = 0; i < 12; i += 1) {
      answers.push(
        (await socket
          .timeout(10_000)
          .emitWithAck('doc:sync', { documentId, message: paragraphUpdate(50 * 1024) })) as {
          ok: boolean;
          error?: string;
        },
      );
    }
    const accepted = answers.filter((a) => a.ok).length;
    expect(accepted).toBeGreaterThan(0);
    expect(accepted).toBeLessThanOrEqual(6);
    expect(answers[answers.length - 1]).toEqual({
      ok: false,
      error: expect.stringMatching(/^Too many changes in a short time/),
    });
    const { rows } = await testPool().query<{ n: number }>(
      'SELECT count(*)::int AS n FROM document_updates WHERE document_id = $1',
      [documentId],
    );
    expect(rows[0]?.n).toBe(accepted);
  });
});

describe('doc:awareness stamped by the server', () => {
  it('a claimed name and id are replaced by the sender’s own', async () => {
    const documentId = await newDocument();
    const watcher = await joined(lead, documentId);
    const seen = statesSeenBy(watcher);
    const spoofer = await joined(member, documentId);
    const answer = await spoofer.timeout(5000).emitWithAck('doc:awareness', {
      documentId,
      message: awarenessUpdate(4242, {
        user: { name: 'Special Adviser', userId: lead.user.id, color: '#c0ffee' },
        cursor: { anchor: 1, head: 1 },
      }),
    });
    expect(answer).toEqual({ ok: true });
    await eventually(() => seen.getStates().has(4242), 'the state reaching the watcher');
    expect(seen.getStates().get(4242)).toEqual({
      user: { name: member.user.displayName, userId: member.user.id, color: '#c0ffee' },
      cursor: { anchor: 1, head: 1 },
    });
  });

  it('nobody clears or overwrites another editor’s state', async () => {
    const documentId = await newDocument();
    const watcher = await joined(lead, documentId);
    const seen = statesSeenBy(watcher);
    const owner = await joined(member, documentId);
    await owner.timeout(5000).emitWithAck('doc:awareness', {
      documentId,
      message: awarenessUpdate(777, { user: { name: 'x' }, cursor: { anchor: 2, head: 2 } }),
    });
    await eventually(() => seen.getStates().has(777), 'the owner’s state');
    const intruder = await joined(lead, documentId);
    await intruder.timeout(5000).emitWithAck('doc:awareness', {
      documentId,
      message: awarenessUpdate(777, null),
    });
    await settle();
    expect(seen.getStates().get(777)).toMatchObject({ user: { userId: member.user.id } });
  });

  it('a read-only reader shows presence only, and is limited like everyone', async () => {
    const documentId = await newDocument();
    const watcher = await joined(lead, documentId);
    const seen = statesSeenBy(watcher);
    const socket = await joined(reader, documentId);
    const send = (clock: number) =>
      socket.timeout(5000).emitWithAck('doc:awareness', {
        documentId,
        message: awarenessUpdate(9001, {
          user: { name: 'r', color: '#123456' },
          cursor: { anchor: clock, head: clock },
        }),
      }) as Promise<{ ok: boolean; error?: string }>;
    expect(await send(1)).toEqual({ ok: true });
    await eventually(() => seen.getStates().has(9001), 'the reader’s presence');
    expect(seen.getStates().get(9001)).toEqual({
      user: { name: reader.user.displayName, userId: reader.user.id, color: '#123456' },
    });
    const answers = [];
    for (let i = 2; i <= 12; i += 1) answers.push(await send(i));
    expect(answers.filter((a) => !a.ok).length).toBeGreaterThan(0);
    expect(answers[answers.length - 1]?.error).toMatch(/Too many changes/);
  });
});
