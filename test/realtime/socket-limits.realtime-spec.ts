import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { DocumentProvider, type RealtimeSocket } from '@vigil/client';
import { type Session, sessionFor } from '../support/api.js';
import { openCase } from '../support/cases.js';
import { createDocument, editorText, storedText } from '../support/documents.js';
import { closeTestPool } from '../support/factories.js';
import { connectAs, eventually, type LiveApi, startLiveApi } from '../support/realtime.js';

// The socket limits, each set small here: sockets per person, the size of one Socket.IO message
// (a bigger one closes that connection), and the size of one Yjs update (refused, connection kept).

let api: LiveApi;
let lead: Session;
let other: Session;
const sockets: RealtimeSocket[] = [];
const providers: DocumentProvider[] = [];

beforeAll(async () => {
  api = await startLiveApi({
    SOCKETS_PER_USER_MAX: '2',
    SOCKET_MAX_MESSAGE_BYTES: String(64 * 1024),
    DOC_UPDATE_MAX_BYTES: '4096',
  });
  lead = await sessionFor(api, { roles: ['analyst'] });
  other = await sessionFor(api, { roles: ['analyst'] });
});

afterAll(async () => {
  providers.forEach((p) => p.destroy());
  sockets.forEach((s) => s.close());
  await api.close();
  await closeTestPool();
});

async function connect(session: Session): Promise<RealtimeSocket> {
  const socket = await connectAs(api, session.accessToken);
  sockets.push(socket);
  return socket;
}

it('a person may hold SOCKETS_PER_USER_MAX sockets; the next is refused in words until one closes', async () => {
  const first = await connect(lead);
  await connect(lead);
  await expect(connectAs(api, lead.accessToken)).rejects.toThrow(
    'Too many open connections (2): close Vigil in another tab or device and try again.',
  );
  await expect(connect(other)).resolves.toBeDefined();
  first.close();
  await eventually(() => !first.connected, 'the first socket closing');
  let admitted: RealtimeSocket | null = null;
  for (let attempt = 0; attempt < 20 && !admitted; attempt += 1) {
    admitted = await connect(lead).catch(() => null);
    if (!admitted) await new Promise((r) => setTimeout(r, 50));
  }
  expect(admitted?.connected).toBe(true);
});

it('a Yjs update over DOC_UPDATE_MAX_BYTES is refused and not stored; one under it is kept', async () => {
  const c = await openCase(api, other);
  const document = await createDocument(api, other, c.id);
  const socket = await connect(other);
  const editor = new DocumentProvider(socket, document.id);
  providers.push(editor);
  await editor.whenSynced();
  editorText(editor.doc).insert(0, 'x'.repeat(3000));
  await editor.whenSaved();
  expect(await storedText(document.id)).toHaveLength(3000);

  const oversize = await socket
    .timeout(5000)
    .emitWithAck('doc:sync', { documentId: document.id, message: new Uint8Array(5000) });
  expect(oversize).toEqual({ ok: false, error: 'This change is too large.' });
  expect(socket.connected).toBe(true);
  expect(await storedText(document.id)).toHaveLength(3000);
});

it('a Socket.IO message over SOCKET_MAX_MESSAGE_BYTES closes that connection only', async () => {
  const [sender, neighbour] = await Promise.all([
    sessionFor(api, { roles: ['analyst'] }),
    sessionFor(api, { roles: ['analyst'] }),
  ]);
  const [big, bystander] = await Promise.all([connect(sender), connect(neighbour)]);
  const closed = new Promise<string>((resolve) => big.once('disconnect', resolve));
  big.emit('doc:sync', { documentId: 'x', message: new Uint8Array(80 * 1024) });
  expect(await closed).toBe('transport close');
  expect(bystander.connected).toBe(true);
});
