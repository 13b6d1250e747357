import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { RealtimeSocket } from '@vigil/client';
import { type Session, sessionFor } from '../support/api.js';
import { openCase } from '../support/cases.js';
import { closeTestPool, testPool } from '../support/factories.js';
import {
  connectAs,
  eventually,
  joinCase,
  type LiveApi,
  record,
  startLiveApi,
} from '../support/realtime.js';

// PostgreSQL restarting (or a proxy dropping idle connections) ends the socket fan-out's LISTEN
// connection: the api must stay up, reconnect, and keep serving sockets.

const CLUSTER = `test-reconnect-${Date.now().toString(36)}`;
let api: LiveApi;
let analyst: Session;
const sockets: RealtimeSocket[] = [];

beforeAll(async () => {
  api = await startLiveApi({ SOCKET_CLUSTER: CLUSTER });
  analyst = await sessionFor(api, { roles: ['analyst'] });
});

afterAll(async () => {
  sockets.forEach((s) => s.close());
  await api.close();
  await closeTestPool();
});

/** The process ids of the fan-out's connections to PostgreSQL. */
async function fanOutBackends(): Promise<number[]> {
  const { rows } = await testPool().query<{ pid: number }>(
    'SELECT pid FROM pg_stat_activity WHERE application_name = $1',
    [`vigil-fan-out:${CLUSTER}`],
  );
  return rows.map((r) => r.pid);
}

it('survives its fan-out connections being terminated, reconnects, and keeps serving', async () => {
  const before = await fanOutBackends();
  expect(before.length).toBeGreaterThan(0);
  await testPool().query('SELECT pg_terminate_backend(pid) FROM unnest($1::int[]) AS pid', [
    before,
  ]);
  // pg_terminate_backend returns before the backends are gone: wait for a connection that is not
  // one of them (the adapter reconnects its listener within a few seconds).
  const reconnected = async () => (await fanOutBackends()).some((pid) => !before.includes(pid));
  const until = Date.now() + 15_000;
  while (!(await reconnected()) && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 100));
  }
  expect(await reconnected()).toBe(true);

  const c = await openCase(api, analyst);
  const socket = await connectAs(api, analyst.accessToken);
  sockets.push(socket);
  const presence = record(socket, 'presence');
  expect(await joinCase(socket, c.id)).toMatchObject({ ok: true });
  await eventually(() => presence.length > 0, 'presence after the reconnection');
}, 30_000);
