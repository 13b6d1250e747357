import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { connectRealtime, DocumentProvider, type RealtimeSocket } from '@vigil/client';
import { parentPort } from 'node:worker_threads';
import WebSocket from 'ws';
import * as Y from 'yjs';
import type {
  EditorLog,
  EditorSpec,
  EditorsCommand,
  EditorsReply,
  Side,
} from './collab-protocol.js';

/**
 * Simulated editors in their own thread (the servers run in other processes). Each has its own
 * connection and Y.Doc and types one character at a time into a paragraph of its own in the
 * editor's fragment `default` (the only shared type Vigil accepts writes to), at its own cursor. A keystroke is identified by its Yjs id (client id, clock): every insert of one
 * character advances its editor's clock by one, and a receiving doc's state vector before and
 * after each remote transaction says exactly which keystrokes that transaction integrated.
 */

const port = parentPort;
if (!port) throw new Error('run as a worker thread');

/** Wall-clock ms, sub-millisecond, comparable across this process's threads. */
const now = () => performance.timeOrigin + performance.now();
const CONNECT_TIMEOUT_MS = 20_000;
const LETTERS = 'abcdefghijklmnopqrstuvwxyz ';

interface Editor {
  index: number;
  doc: Y.Doc;
  text: Y.Text;
  cursor: Y.RelativePosition | null;
  close: () => void;
}

let editors: Editor[] = [];
let timers: NodeJS.Timeout[] = [];
const sends = { client: [] as number[], clock: [] as number[], at: [] as number[] };
const recv = {
  editor: [] as number[],
  client: [] as number[],
  clock: [] as number[],
  at: [] as number[],
};
let errors = 0;
let disconnects = 0;
let firstError: string | null = null;
let closing = false;

function fail(message: string): void {
  errors += 1;
  firstError ??= message;
}

function watch(index: number, doc: Y.Doc): void {
  doc.on('afterTransaction', (tr: Y.Transaction) => {
    if (tr.local) return;
    const at = now();
    for (const [client, after] of tr.afterState) {
      if (client === doc.clientID) continue;
      for (let clock = tr.beforeState.get(client) ?? 0; clock < after; clock += 1) {
        recv.editor.push(index);
        recv.client.push(client);
        recv.clock.push(clock);
        recv.at.push(at);
      }
    }
  });
}

function withTimeout<T>(promise: Promise<T>, what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what}: timeout`)), CONNECT_TIMEOUT_MS);
    promise.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}

async function openVigil(url: string, documentId: string, spec: EditorSpec): Promise<Editor> {
  const socket: RealtimeSocket = connectRealtime({
    url,
    token: () => spec.token,
    reconnection: false,
  });
  await withTimeout(
    new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', (e) => reject(e));
    }),
    `editor ${spec.index} connect`,
  );
  socket.on('disconnect', () => {
    if (!closing) disconnects += 1;
  });
  const doc = new Y.Doc();
  watch(spec.index, doc);
  const provider = new DocumentProvider(socket, documentId, doc);
  let lastError: string | null = null;
  provider.subscribe((s) => {
    if (s.error && s.error !== lastError) fail(`vigil: ${s.error}`);
    lastError = s.error;
  });
  await withTimeout(provider.whenSynced(), `editor ${spec.index} sync`);
  if (provider.current.readOnly) throw new Error(`editor ${spec.index} is read-only`);
  return {
    index: spec.index,
    doc,
    text: ownParagraph(doc),
    cursor: null,
    close: () => {
      provider.destroy();
      socket.disconnect();
    },
  };
}

async function openPeer(url: string, documentId: string, spec: EditorSpec): Promise<Editor> {
  const doc = new Y.Doc();
  watch(spec.index, doc);
  const websocket = new HocuspocusProviderWebsocket({
    url,
    WebSocketPolyfill: WebSocket,
    maxAttempts: 1,
  });
  const provider = new HocuspocusProvider({
    name: documentId,
    document: doc,
    websocketProvider: websocket,
    onAuthenticationFailed: ({ reason }) => fail(`peer: ${reason}`),
    onDisconnect: () => {
      if (!closing) disconnects += 1;
    },
  });
  const synced = new Promise<void>((resolve) => provider.on('synced', () => resolve()));
  provider.attach();
  await withTimeout(synced, `editor ${spec.index} sync`);
  return {
    index: spec.index,
    doc,
    text: ownParagraph(doc),
    cursor: null,
    close: () => {
      provider.destroy();
      websocket.destroy();
    },
  };
}

/** A paragraph of this editor's own at the end of the fragment, as Tiptap writes one: its text. */
function ownParagraph(doc: Y.Doc): Y.XmlText {
  const text = new Y.XmlText();
  doc.transact(() => {
    const fragment = doc.getXmlFragment('default');
    const paragraph = new Y.XmlElement('paragraph');
    fragment.insert(fragment.length, [paragraph]);
    paragraph.insert(0, [text]);
  });
  return text;
}

/** One keystroke: one character at this editor's cursor, which then moves past it. */
function keystroke(editor: Editor, n: number): void {
  const { doc, text } = editor;
  const at = editor.cursor
    ? (Y.createAbsolutePositionFromRelativePosition(editor.cursor, doc)?.index ?? text.length)
    : Math.floor(Math.random() * (text.length + 1));
  sends.client.push(doc.clientID);
  sends.clock.push(Y.getState(doc.store, doc.clientID));
  sends.at.push(now());
  text.insert(at, LETTERS[n % LETTERS.length] ?? 'x');
  // Stuck to the character just typed, so the next one follows it whatever others insert.
  editor.cursor = Y.createRelativePositionFromTypeIndex(text, at + 1, -1);
}

async function open(side: Side, url: string, documentId: string, specs: EditorSpec[]) {
  closing = false;
  const opened: Editor[] = [];
  // Batches of 10: a burst of 100 handshakes at once is not what is being measured.
  for (let i = 0; i < specs.length; i += 10) {
    const batch = specs.slice(i, i + 10);
    const settled = await Promise.allSettled(
      batch.map((s) =>
        side === 'vigil' ? openVigil(url, documentId, s) : openPeer(url, documentId, s),
      ),
    );
    for (const s of settled) if (s.status === 'fulfilled') opened.push(s.value);
    const failed = settled.find((s) => s.status === 'rejected');
    if (failed) {
      closing = true;
      for (const e of opened) e.close();
      throw failed.reason instanceof Error ? failed.reason : new Error(String(failed.reason));
    }
  }
  editors = opened;
  for (const list of [sends.client, sends.clock, sends.at]) list.length = 0;
  for (const list of [recv.editor, recv.client, recv.clock, recv.at]) list.length = 0;
  errors = 0;
  disconnects = 0;
  firstError = null;
  return opened.map((e) => e.doc.clientID);
}

function type(startAt: number, totalMs: number, intervalMs: number): Promise<void> {
  const endAt = startAt + totalMs;
  const runs = editors.map(
    (editor) =>
      new Promise<void>((resolve) => {
        // Each editor's own phase, so the keystrokes are spread evenly over time.
        const offset = Math.random() * intervalMs;
        let n = 0;
        const next = () => {
          const due = startAt + offset + n * intervalMs;
          if (due >= endAt) return resolve();
          const timer = setTimeout(
            () => {
              keystroke(editor, n);
              n += 1;
              next();
            },
            Math.max(0, due - now()),
          );
          timers.push(timer);
        };
        next();
      }),
  );
  return Promise.all(runs).then(() => {
    timers = [];
  });
}

function sentCounts(): { client: number; count: number }[] {
  return editors.map((e) => ({
    client: e.doc.clientID,
    count: Y.getState(e.doc.store, e.doc.clientID),
  }));
}

function log(): EditorLog {
  return {
    sendClient: Float64Array.from(sends.client),
    sendClock: Int32Array.from(sends.clock),
    sendAt: Float64Array.from(sends.at),
    recvEditor: Int32Array.from(recv.editor),
    recvClient: Float64Array.from(recv.client),
    recvClock: Int32Array.from(recv.clock),
    recvAt: Float64Array.from(recv.at),
    errors,
    disconnects,
    firstError,
  };
}

async function handle(command: EditorsCommand): Promise<EditorsReply> {
  switch (command.type) {
    case 'open': {
      const t0 = performance.now();
      const clients = await open(command.side, command.url, command.documentId, command.editors);
      return { type: 'opened', ms: performance.now() - t0, clients };
    }
    case 'type':
      await type(command.startAt, command.totalMs, command.intervalMs);
      return { type: 'typed', sent: sentCounts() };
    case 'missing': {
      let missing = 0;
      for (const e of editors) {
        for (const s of command.sent) {
          if (s.client === e.doc.clientID) continue;
          missing += Math.max(0, s.count - Y.getState(e.doc.store, s.client));
        }
      }
      return { type: 'missing', missing };
    }
    case 'collect':
      return { type: 'log', log: log() };
    case 'close':
      closing = true;
      for (const t of timers) clearTimeout(t);
      timers = [];
      for (const e of editors) e.close();
      editors = [];
      return { type: 'ok' };
  }
}

port.on('message', (command: EditorsCommand) => {
  handle(command)
    .then((reply) => port.postMessage(reply))
    .catch((e: unknown) =>
      port.postMessage({
        type: 'error',
        message: e instanceof Error ? e.message : String(e),
      } satisfies EditorsReply),
    );
});
