import autocannon from 'autocannon';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { machineBusySeconds, type ApiProcess } from './api-process.js';
import type { RouteSpec } from './api-routes.js';
import { percentile } from './stats.js';

/**
 * One measured phase of bench/api: autocannon (in the bench's own process) against one or more
 * api processes at once, a warm-up first. Every response time is kept (autocannon's `response`
 * event), so percentiles over several instances are exact, not averaged.
 */

export interface Target {
  api: ApiProcess;
  connections: number;
  /** Slot of this target's first connection (slots pick people and situations). */
  firstSlot: number;
}

export interface PhaseFigures {
  /** 2xx answers per second, all targets together. */
  rps: number;
  p50: number;
  p99: number;
  max: number;
  responses: number;
  non2xx: number;
  /** Status codes other than 2xx, with their counts. */
  statuses: Record<string, number>;
  /** Connection errors and timeouts. */
  errors: number;
  seconds: number;
  /** Cores used by each api process over the window (CPU seconds / wall seconds). */
  apiCores: number[];
  /** Share of the bench process's event loop that was busy (the load generator). */
  generatorBusy: number;
  /** Share of the machine's CPU that was busy (all processes, PostgreSQL included). */
  machineBusy: number;
}

/** Runs `route` against `targets` for `warmupSeconds` (discarded), then `seconds` measured. */
export async function measure(
  route: RouteSpec,
  targets: Target[],
  warmupSeconds: number,
  seconds: number,
): Promise<PhaseFigures> {
  if (warmupSeconds > 0) await runAll(route, targets, warmupSeconds, null);
  await route.beforeMeasure?.();
  const latencies: number[] = [];
  const cpu0 = targets.map((t) => t.api.cpuSeconds());
  const machine0 = machineBusySeconds();
  const elu0 = performance.eventLoopUtilization();
  const t0 = performance.now();
  const results = await runAll(route, targets, seconds, latencies);
  const wall = (performance.now() - t0) / 1000;
  const elu = performance.eventLoopUtilization(elu0);
  const machine = machineBusySeconds() - machine0;
  const apiCores = targets.map((t, i) => (t.api.cpuSeconds() - (cpu0[i] ?? 0)) / wall);

  const statuses: Record<string, number> = {};
  let ok = 0;
  let errors = 0;
  let duration = 0;
  for (const r of results) {
    ok += r['2xx'];
    errors += r.errors;
    duration = Math.max(duration, r.duration);
    for (const [code, stat] of Object.entries(r.statusCodeStats ?? {})) {
      if (code.startsWith('2')) continue;
      statuses[code] = (statuses[code] ?? 0) + (stat.count ?? 0);
    }
  }
  const sorted = Float64Array.from(latencies).sort();
  return {
    rps: ok / Math.max(0.001, duration),
    p50: percentile(sorted, 0.5),
    p99: percentile(sorted, 0.99),
    max: sorted.length ? (sorted[sorted.length - 1] ?? Number.NaN) : Number.NaN,
    responses: latencies.length,
    non2xx: results.reduce((n, r) => n + r.non2xx, 0),
    statuses,
    errors,
    seconds: duration,
    apiCores,
    generatorBusy: elu.utilization,
    machineBusy: machine / (wall * os.cpus().length),
  };
}

function runAll(
  route: RouteSpec,
  targets: Target[],
  seconds: number,
  latencies: number[] | null,
): Promise<autocannon.Result[]> {
  return Promise.all(
    targets.map(
      (target) =>
        new Promise<autocannon.Result>((resolve, reject) => {
          let slot = target.firstSlot;
          const instance = autocannon(
            {
              url: target.api.url,
              connections: target.connections,
              duration: seconds,
              timeout: 30,
              setupClient: (client) => client.setRequests(route.requestsFor(slot++)),
            },
            (err, result) => (err ? reject(err as Error) : resolve(result)),
          );
          if (latencies)
            instance.on('response', (_client, _status, _bytes, responseTime) =>
              latencies.push(responseTime),
            );
        }),
    ),
  );
}
