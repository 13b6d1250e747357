import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { RealtimeSocket } from '@vigil/client';
import { OutboxRelay } from '@vigil/server';
import { type Session, sessionFor } from '../support/api.js';
import { editCaseSummary, openCase } from '../support/cases.js';
import { closeTestPool } from '../support/factories.js';
import {
  connectAs,
  eventually,
  joinCase,
  type LiveApi,
  record,
  settle,
  startLiveApi,
} from '../support/realtime.js';

// Between commit and delivery: an event committed by a process that dies before relaying anything
// is still delivered (PostgreSQL announces it at commit to every instance), and an announcement
// missed while a listener was down is caught by the poll, once.

let lead: Session;
let watcher: LiveApi;
const sockets: RealtimeSocket[] = [];

async function connect(api: LiveApi): Promise<RealtimeSocket> {
  const socket = await connectAs(api, lead.accessToken);
  sockets.push(socket);
  return socket;
}

beforeAll(async () => {
  watcher = await startLiveApi();
  lead = await sessionFor(watcher, { roles: ['analyst'], clearance: 'confidential' });
});

afterAll(async () => {
  sockets.forEach((s) => s.close());
  await watcher.close();
  await closeTestPool();
});

it('an event whose writer died right after the commit, before relaying anything, is delivered', async () => {
  // The writer never relays (as if it died right after committing); it is closed at once.
  const writer = await startLiveApi({ OUTBOX_RELAY: 'false' });
  const c = await openCase(writer, lead, { classification: 'confidential' });
  const client = await connect(watcher);
  await joinCase(client, c.id);
  const seen = record(client, 'case:event');
  await editCaseSummary(writer, lead, c.id, 'Committed, then the writer died.');
  await writer.close();
  await eventually(() => seen.length === 1, 'the event from the dead writer');
  expect(seen[0]).toMatchObject({ caseId: c.id, type: 'case.updated' });
});

it('a NOTIFY missed while the listener was down is delivered by the poll, exactly once', async () => {
  // No listener at all on this instance: only the poll can find the event.
  const deaf = await startLiveApi({ OUTBOX_RELAY: 'false' });
  try {
    const c = await openCase(deaf, lead, { classification: 'confidential' });
    const client = await connect(deaf);
    expect(await joinCase(client, c.id)).toMatchObject({ ok: true });
    const seen = record(client, 'case:event');
    await editCaseSummary(deaf, lead, c.id, 'Nobody heard the NOTIFY.');
    await settle(300);
    expect(seen).toEqual([]);
    const relay = deaf.app.get(OutboxRelay);
    await relay.poll();
    // The poll finds both of the case's recent events: its creation and the edit.
    await eventually(() => seen.length === 2, 'the polled events');
    await relay.poll();
    await settle(200);
    expect(seen.map((e) => e.type)).toEqual(['case.created', 'case.updated']);
  } finally {
    await deaf.close();
  }
});
