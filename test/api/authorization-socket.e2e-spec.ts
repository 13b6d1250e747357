import type { ClientToServerEvents } from '@vigil/domain';
import type { RealtimeSocket } from '@vigil/client';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { closeTestPool } from '../support/factories.js';
import { connectAs, startLiveApi, type LiveApi } from '../support/realtime.js';
import { ACTORS, castActors, type ActorName } from '../authorization/actors.js';
import {
  CASE_STATES,
  freshCase,
  freshDocument,
  type CaseState,
  type Ctx,
} from '../authorization/fixtures.js';
import { checkTable, type Row } from '../authorization/table.js';

// Every client→server socket event as every actor, against a confidential situation shared with
// the Framework Team and an unclassified one (each with a document being drafted), compared with
// test/authorization/expected-socket.tsv (UPDATE_AUTHZ_MATRIX=1 rewrites it for review).

type EventName = keyof ClientToServerEvents;

/** The events this matrix sends, in the order one connection sends them. */
const EVENTS = {
  'case:join': 1,
  'doc:join': 2,
  'doc:sync': 3,
  'doc:awareness': 4,
  'doc:leave': 5,
  'case:leave': 6,
  'auth:renew': 7,
} as const satisfies Record<EventName, number>;
const ORDER = (Object.keys(EVENTS) as EventName[]).sort((a, b) => EVENTS[a] - EVENTS[b]);

const TABLE = 'expected-socket.tsv';
const COMMENT = [
  '# Socket events (ClientToServerEvents) as each actor, sent in the order join, sync, leave on one connection.',
  '# ok / ok(readOnly) / ok(view) when acknowledged, error(message) when refused; no-connection: the handshake was refused.',
];

let api: LiveApi;
let ctx: Ctx;
const targets = {} as Record<CaseState, { caseId: string; documentId: string }>;

beforeAll(async () => {
  api = await startLiveApi({ WRITE_RATE_LIMIT: '100000' });
  ctx = { api, cast: await castActors(api), known: new Set() };
  for (const state of CASE_STATES) {
    const caseId = await freshCase(ctx, state);
    targets[state] = { caseId, documentId: (await freshDocument(ctx, caseId, 'drafting')).id };
  }
}, 60_000);

afterAll(async () => {
  await api.close();
  await closeTestPool();
});

/** A y-protocols update message inserting text, as an editor would send it. */
function updateMessage(): Uint8Array {
  const doc = new Y.Doc();
  doc.getXmlFragment('default').insert(0, [new Y.XmlElement('paragraph')]);
  const encoder = encoding.createEncoder();
  syncProtocol.writeUpdate(encoder, Y.encodeStateAsUpdate(doc));
  return encoding.toUint8Array(encoder);
}

/** A y-protocols awareness update (a caret and a name). */
function awarenessMessage(): Uint8Array {
  const awareness = new awarenessProtocol.Awareness(new Y.Doc());
  try {
    awareness.setLocalState({ user: { name: 'Matrix' } });
    return awarenessProtocol.encodeAwarenessUpdate(awareness, [awareness.clientID]);
  } finally {
    awareness.destroy(); // its outdated-state interval would keep Jest from exiting
  }
}

/** What the acknowledgement says, in a table cell. */
function cell(answer: unknown): string {
  const a = answer as { ok?: boolean; error?: string; readOnly?: boolean; view?: string };
  if (a.ok === true) return a.readOnly ? 'ok(readOnly)' : a.view ? `ok(${a.view})` : 'ok';
  return `error(${a.error ?? '?'})`;
}

async function emit(
  socket: RealtimeSocket,
  event: EventName,
  ids: { caseId: string; documentId: string },
  token: string,
) {
  const { caseId, documentId } = ids;
  const s = socket.timeout(5000);
  switch (event) {
    case 'case:join':
      return cell(await s.emitWithAck('case:join', { caseId }));
    case 'case:leave':
      return cell(await s.emitWithAck('case:leave', { caseId }));
    case 'doc:join':
      return cell(await s.emitWithAck('doc:join', { documentId }));
    case 'doc:sync':
      return cell(await s.emitWithAck('doc:sync', { documentId, message: updateMessage() }));
    case 'doc:awareness':
      return cell(
        await s.emitWithAck('doc:awareness', { documentId, message: awarenessMessage() }),
      );
    case 'doc:leave':
      return cell(await s.emitWithAck('doc:leave', { documentId }));
    case 'auth:renew':
      return cell(await s.emitWithAck('auth:renew', { token }));
  }
}

/** Every event in order on one connection of `name` (or no-connection for each). */
async function run(name: ActorName, state: CaseState): Promise<Record<EventName, string>> {
  const session = ctx.cast.actors[name].session;
  let socket: RealtimeSocket | null = null;
  try {
    socket = await connectAs(api, session?.accessToken ?? null);
  } catch {
    return Object.fromEntries(ORDER.map((e) => [e, 'no-connection'])) as Record<EventName, string>;
  }
  try {
    const out = {} as Record<EventName, string>;
    for (const event of ORDER)
      out[event] = await emit(socket, event, targets[state], session?.accessToken ?? '');
    return out;
  } finally {
    socket.close();
  }
}

it('the matrix covers every event of the event map', () => {
  // A new event in ClientToServerEvents fails to compile above (satisfies Record<EventName, …>);
  // this keeps the list and the table rows in step.
  expect(ORDER).toEqual([
    'case:join',
    'doc:join',
    'doc:sync',
    'doc:awareness',
    'doc:leave',
    'case:leave',
    'auth:renew',
  ]);
});

it('every event answers every actor as the expected table says', async () => {
  const rows: Row[] = [];
  for (const state of CASE_STATES) {
    const results = await Promise.all(ACTORS.map(async (a) => [a, await run(a, state)] as const));
    for (const event of ORDER)
      rows.push({
        key: [event, state],
        cells: Object.fromEntries(results.map(([a, r]) => [a, r[event]])),
      });
  }
  expect(
    checkTable(TABLE, {
      comment: COMMENT,
      keyColumns: ['event', 'fixture'],
      columns: ACTORS,
      rows,
    }),
  ).toEqual([]);
});
