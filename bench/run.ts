import 'reflect-metadata';

/**
 * Runs every benchmark, or the ones named: `npm run bench -- workflow`.
 * Each benchmark bounds its own phases; its watchdog below is the last resort.
 */
interface Benchmark {
  load: () => Promise<{ run: (signal: AbortSignal) => Promise<void> }>;
  /** Longest the benchmark may take before it is aborted. */
  watchdogMs: number;
}

const BENCHMARKS: Record<string, Benchmark> = {
  workflow: { load: () => import('./workflow.js'), watchdogMs: 175_000 },
  // A million items to load first (4–5 minutes on 2 cores), then the measurements.
  search: { load: () => import('./search.js'), watchdogMs: 900_000 },
  // Four 17-second phases, 200 sockets to connect twice, up to 10 s of drain per phase.
  realtime: { load: () => import('./realtime.js'), watchdogMs: 240_000 },
  // Two server processes to start, then six 12-second phases with connects and drains.
  collab: { load: () => import('./collab.js'), watchdogMs: 240_000 },
  // 200,000 items to load (about a minute), then 27 phases of 3 + 10 s against one or two api processes.
  api: { load: () => import('./api.js'), watchdogMs: 720_000 },
};

const asked = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const unknown = asked.filter((n) => !(n in BENCHMARKS));
if (unknown.length) {
  console.error(
    `Unknown benchmark(s): ${unknown.join(', ')}. Known: ${Object.keys(BENCHMARKS).join(', ')}`,
  );
  process.exit(2);
}
const names = asked.length ? asked : Object.keys(BENCHMARKS);
process.env.TZ = 'UTC';

let failed = false;
for (const name of names) {
  const benchmark = BENCHMARKS[name];
  if (!benchmark) continue;
  console.log(`\n=== bench: ${name} ===`);
  const controller = new AbortController();
  const watchdog = setTimeout(() => {
    console.error(
      `Benchmark ${name} exceeded ${benchmark.watchdogMs / 1000} s: aborting (cleaning up first).`,
    );
    controller.abort(new Error('benchmark watchdog'));
    setTimeout(() => process.exit(3), 15_000).unref();
  }, benchmark.watchdogMs);
  watchdog.unref();
  try {
    await (await benchmark.load()).run(controller.signal);
  } catch (e) {
    failed = true;
    console.error(`bench ${name} failed:`, e);
  } finally {
    clearTimeout(watchdog);
  }
}
// The api, pools and sockets are closed by each benchmark; exit even if a library left a timer.
process.exit(failed ? 1 : 0);
