import { readFileSync } from 'node:fs';
import { APPEND_UPDATES_SQL } from '@vigil/server';
import pg from 'pg';
import { dist, type Dist } from './stats.js';

/** Where the database's time goes while bench/collab runs: backends' CPU, their waits, a probe. */

/** Clock ticks per second of /proc's CPU times (USER_HZ; 100 on Linux). */
const HZ = 100;

/** Vigil's connections are every one to the bench database but the bench's and the peer's. */
const serverBackends = (side: 'vigil' | 'peer') =>
  side === 'peer'
    ? "application_name = 'collab-peer'"
    : "application_name NOT IN ('collab-peer', 'collab-bench')";

/** CPU seconds used so far by each of these processes (absent ones are skipped). */
function processCpu(pids: number[]): Map<number, number> {
  const out = new Map<number, number>();
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      // Fields after the parenthesised command name: utime and stime are the 12th and 13th.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out.set(pid, (Number(fields[11]) + Number(fields[12])) / HZ);
    } catch {
      // Not on Linux, or the backend has gone.
    }
  }
  return out;
}

/**
 * CPU of the PostgreSQL backends serving one server over a window. Null when PostgreSQL runs
 * where this process's /proc cannot see it.
 */
export async function backendCpu(
  pool: pg.Pool,
  side: 'vigil' | 'peer',
): Promise<{ stop(): Promise<number | null> }> {
  const pids = async () =>
    (
      await pool.query<{ pid: number }>(
        `SELECT pid FROM pg_stat_activity
          WHERE datname = current_database() AND pid <> pg_backend_pid() AND ${serverBackends(side)}`,
      )
    ).rows.map((r) => r.pid);
  const before = processCpu(await pids());
  return {
    async stop() {
      const after = processCpu(await pids());
      if (after.size === 0) return null;
      let seconds = 0;
      for (const [pid, cpu] of after) seconds += cpu - (before.get(pid) ?? 0);
      return seconds;
    },
  };
}

/** Average number of Vigil's backends in each state ("active", "idle in transaction", a wait). */
export type WaitProfile = { state: string; backends: number }[];

/** Samples Vigil's backends in pg_stat_activity every `everyMs` until stopped. */
export function waitSampler(pool: pg.Pool, everyMs: number): { stop(): Promise<WaitProfile> } {
  const totals = new Map<string, number>();
  let samples = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      await new Promise((r) => setTimeout(r, everyMs));
      const { rows } = await pool.query<{ what: string; n: number }>(
        `SELECT CASE WHEN state = 'active' AND wait_event IS NULL THEN 'running'
                     WHEN state = 'active' THEN wait_event_type || ':' || wait_event
                     ELSE coalesce(state, '?') END AS what, count(*)::int AS n
           FROM pg_stat_activity
          WHERE datname = current_database() AND pid <> pg_backend_pid() AND ${serverBackends('vigil')}
            AND state <> 'idle'
          GROUP BY 1`,
      );
      samples += 1;
      for (const r of rows) totals.set(r.what, (totals.get(r.what) ?? 0) + r.n);
    }
  })();
  return {
    async stop() {
      running = false;
      await loop.catch(() => undefined);
      return [...totals]
        .map(([state, n]) => ({ state, backends: n / Math.max(1, samples) }))
        .sort((a, b) => b.backends - a.backends);
    },
  };
}

/** The append's cost with nothing else running, and the most appends a second the database takes. */
export interface AppendProbe {
  /** `SELECT 1`: one round trip. */
  roundTrip: Dist;
  /** One autocommit INSERT into document_updates: a round trip and a WAL flush at commit. */
  insertCommit: Dist;
  /** DocumentStore's append of one update (one statement, APPEND_UPDATES_SQL), serially. */
  appendSerial: Dist;
  /** The same append from `concurrency` connections on one document for `seconds`. */
  concurrency: number;
  appendConcurrent: Dist;
  appendsPerSecond: number;
}

const PROBE_SERIAL = 200;

/** Measures the append's floor on an idle machine (the servers are idle while it runs). */
export async function probeAppend(
  databaseUrl: string,
  documentId: string,
  userId: string,
  concurrency: number,
  seconds: number,
): Promise<AppendProbe> {
  const clients = await Promise.all(
    Array.from({ length: concurrency }, async () => {
      const c = new pg.Client({ connectionString: databaseUrl, application_name: 'collab-bench' });
      c.on('error', () => undefined);
      await c.connect();
      return c;
    }),
  );
  // A Yjs update's size for one typed character (about 30 bytes).
  const update = Buffer.alloc(30, 1);
  const append = async (c: pg.Client) => {
    await c.query(APPEND_UPDATES_SQL, [documentId, [update], [userId]]);
  };
  const timed = async (times: number, op: () => Promise<unknown>) => {
    const out: number[] = [];
    for (let i = 0; i < times; i += 1) {
      const t0 = performance.now();
      await op();
      out.push(performance.now() - t0);
    }
    return dist(out);
  };
  try {
    const [first] = clients;
    if (!first) throw new Error('no probe connection');
    const roundTrip = await timed(PROBE_SERIAL, () => first.query('SELECT 1'));
    const insertCommit = await timed(PROBE_SERIAL, () =>
      first.query(
        'INSERT INTO document_updates (document_id, update, user_id) VALUES ($1, $2, $3)',
        [documentId, update, userId],
      ),
    );
    const appendSerial = await timed(PROBE_SERIAL, () => append(first));
    const until = performance.now() + seconds * 1000;
    const concurrent: number[] = [];
    await Promise.all(
      clients.map(async (c) => {
        while (performance.now() < until) {
          const t0 = performance.now();
          await append(c);
          concurrent.push(performance.now() - t0);
        }
      }),
    );
    return {
      roundTrip,
      insertCommit,
      appendSerial,
      concurrency,
      appendConcurrent: dist(concurrent),
      appendsPerSecond: concurrent.length / seconds,
    };
  } finally {
    await Promise.all(clients.map((c) => c.end().catch(() => undefined)));
  }
}
