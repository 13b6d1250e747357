import { readFileSync } from 'node:fs';
import type pg from 'pg';

/** Samplers that say where time goes during a realtime phase. */

/** Cumulative CPU ticks of the whole machine (/proc/stat), or null off Linux. */
export interface CpuTicks {
  busy: number;
  steal: number;
  total: number;
}

export function cpuTicks(): CpuTicks | null {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
    const [, ...fields] = line.trim().split(/\s+/);
    const [user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0] =
      fields.map(Number);
    const total = user + nice + system + idle + iowait + irq + softirq + steal;
    return { busy: total - idle - iowait, steal, total };
  } catch {
    return null;
  }
}

/** Share of the machine's CPU time busy (all processes) and stolen by the hypervisor between two readings. */
export function cpuShare(a: CpuTicks | null, b: CpuTicks | null): { busy: number; steal: number } {
  if (!a || !b || b.total <= a.total) return { busy: Number.NaN, steal: Number.NaN };
  const total = b.total - a.total;
  return { busy: (b.busy - a.busy) / total, steal: (b.steal - a.steal) / total };
}

/** Average number of the benchmark database's backends in each state. */
export interface WaitProfile {
  samples: number;
  /** Waiting for the audit chain's advisory lock. */
  advisory: number;
  /** Waiting for a row lock (a case row). */
  rowLock: number;
  /** Inside a transaction, waiting for the api to send the next statement. */
  idleInTransaction: number;
  /** Running a statement (not waiting on a lock). */
  active: number;
}

/** Samples pg_stat_activity every `everyMs` until stopped. */
export function waitSampler(client: pg.Client, everyMs: number): { stop(): Promise<WaitProfile> } {
  const totals = { samples: 0, advisory: 0, rowLock: 0, idleInTransaction: 0, active: 0 };
  let running = true;
  const loop = (async () => {
    while (running) {
      await new Promise((r) => setTimeout(r, everyMs));
      const { rows } = await client.query<{
        adv: number;
        row_lock: number;
        idle_tx: number;
        active: number;
      }>(
        `SELECT count(*) FILTER (WHERE wait_event_type = 'Lock' AND wait_event = 'advisory')::int AS adv,
                count(*) FILTER (WHERE wait_event_type = 'Lock' AND wait_event IN ('transactionid', 'tuple'))::int AS row_lock,
                count(*) FILTER (WHERE state = 'idle in transaction')::int AS idle_tx,
                count(*) FILTER (WHERE state = 'active' AND wait_event_type IS DISTINCT FROM 'Lock')::int AS active
           FROM pg_stat_activity
          WHERE datname = current_database() AND pid <> pg_backend_pid()
            AND application_name <> 'vigil-bench-listener'`,
      );
      const r = rows[0];
      if (!r) continue;
      totals.samples += 1;
      totals.advisory += r.adv;
      totals.rowLock += r.row_lock;
      totals.idleInTransaction += r.idle_tx;
      totals.active += r.active;
    }
  })();
  return {
    async stop() {
      running = false;
      await loop.catch(() => undefined);
      const n = Math.max(1, totals.samples);
      return {
        samples: totals.samples,
        advisory: totals.advisory / n,
        rowLock: totals.rowLock / n,
        idleInTransaction: totals.idleInTransaction / n,
        active: totals.active / n,
      };
    },
  };
}
