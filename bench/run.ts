import 'reflect-metadata';

/**
 * Runs every benchmark, or the ones named: `npm run bench -- workflow`.
 * Each benchmark bounds its own phases; the watchdog below is the last resort.
 */
const BENCHMARKS: Record<string, () => Promise<{ run: (signal: AbortSignal) => Promise<void> }>> = {
  workflow: () => import('./workflow.js'),
};

const WATCHDOG_MS = 175_000;

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

const controller = new AbortController();
const watchdog = setTimeout(() => {
  console.error(`Benchmark run exceeded ${WATCHDOG_MS / 1000} s: aborting (cleaning up first).`);
  controller.abort(new Error('benchmark watchdog'));
  setTimeout(() => process.exit(3), 15_000).unref();
}, WATCHDOG_MS);
watchdog.unref();

let failed = false;
for (const name of names) {
  const load = BENCHMARKS[name];
  if (!load) continue;
  console.log(`\n=== bench: ${name} ===`);
  try {
    await (await load()).run(controller.signal);
  } catch (e) {
    failed = true;
    console.error(`bench ${name} failed:`, e);
  }
}
clearTimeout(watchdog);
// The api, pools and sockets are closed by each benchmark; exit even if a library left a timer.
process.exit(failed ? 1 : 0);
