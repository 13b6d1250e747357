import os from 'node:os';
import pg from 'pg';
import { ignoreIdleError, showSetting } from './database.js';
import { AUDIT_CHAIN_LOCK } from './workflow-settings.js';

// Where transactions wait: pg_stat_activity sampled every 20 ms during the measurement window.

/** Average number of the benchmark's backends in each state, and how often the audit lock's holder waits on its client. */
export interface WaitProfile {
  samples: number;
  /** Waiting for the audit-chain advisory lock. */
  advisoryWait: number;
  /** Waiting for a case row lock (transactionid / tuple). */
  rowWait: number;
  /** Inside a transaction, waiting for the application to send the next statement. */
  idleInTransaction: number;
  /** Share of samples in which the advisory lock's holder was idle in transaction (waiting on Node, not on PostgreSQL). */
  holderWaitingOnClient: number;
}

export async function waitSampler(
  url: string,
  warmupMs: number,
  durationMs: number,
): Promise<{ stop: () => Promise<WaitProfile> }> {
  const client = new pg.Client({ connectionString: url, application_name: 'vigil-bench-sampler' });
  client.on('error', ignoreIdleError);
  await client.connect();
  const totals = {
    samples: 0,
    advisoryWait: 0,
    rowWait: 0,
    idleInTransaction: 0,
    holderWaitingOnClient: 0,
  };
  const begin = performance.now() + warmupMs;
  const end = begin + durationMs;
  let running = true;
  const loop = (async () => {
    while (running) {
      await new Promise((r) => setTimeout(r, 20));
      const now = performance.now();
      if (now < begin || now > end) continue;
      const { rows } = await client.query<{
        adv: number;
        row_wait: number;
        idle_tx: number;
        holder_idle: number;
      }>(
        `SELECT count(*) FILTER (WHERE a.wait_event_type = 'Lock' AND a.wait_event = 'advisory')::int AS adv,
                count(*) FILTER (WHERE a.wait_event_type = 'Lock' AND a.wait_event IN ('transactionid', 'tuple'))::int AS row_wait,
                count(*) FILTER (WHERE a.state = 'idle in transaction')::int AS idle_tx,
                (SELECT count(*)::int FROM pg_locks l JOIN pg_stat_activity h ON h.pid = l.pid
                  WHERE l.locktype = 'advisory' AND l.granted AND l.objid = $1 AND h.state = 'idle in transaction') AS holder_idle
           FROM pg_stat_activity a
          WHERE a.datname = current_database() AND a.pid <> pg_backend_pid()`,
        [AUDIT_CHAIN_LOCK],
      );
      const r = rows[0];
      if (!r) continue;
      totals.samples += 1;
      totals.advisoryWait += r.adv;
      totals.rowWait += r.row_wait;
      totals.idleInTransaction += r.idle_tx;
      totals.holderWaitingOnClient += r.holder_idle > 0 ? 1 : 0;
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      await client.end();
      const n = Math.max(1, totals.samples);
      return {
        samples: totals.samples,
        advisoryWait: totals.advisoryWait / n,
        rowWait: totals.rowWait / n,
        idleInTransaction: totals.idleInTransaction / n,
        holderWaitingOnClient: totals.holderWaitingOnClient / n,
      };
    },
  };
}

// The machine and the database server, for the report.

export interface PgInfo {
  version: string;
  synchronousCommit: string;
  fsync: string;
  maxConnections: string;
}

export async function serverInfo(pool: pg.Pool): Promise<PgInfo> {
  const show = (name: string) => showSetting(pool, name);
  return {
    version: await show('server_version'),
    synchronousCommit: await show('synchronous_commit'),
    fsync: await show('fsync'),
    maxConnections: await show('max_connections'),
  };
}

export interface Machine {
  cpu: string;
  cores: number;
  memoryGiB: string;
  node: string;
  platform: string;
  pg: PgInfo;
  dbOrigin: string;
  loadAtStart: string;
}

export function machineInfo(pgInfo: PgInfo, dbOrigin: string, loadAtStart: string): Machine {
  return {
    cpu: os.cpus()[0]?.model.trim() ?? 'unknown',
    cores: os.cpus().length,
    memoryGiB: (os.totalmem() / 1024 ** 3).toFixed(1),
    node: process.version,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    pg: pgInfo,
    dbOrigin,
    loadAtStart,
  };
}
