import { writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import path from 'node:path';

/**
 * Runs `work` under V8's sampling profiler when BENCH_CPU_PROFILE names a folder, and writes
 * `<name>.cpuprofile` there (open it in Chrome DevTools or speedscope). Without it, runs `work`.
 * For finding where a phase's main-thread time goes; the figures of a profiled run are slower.
 */
export async function withCpuProfile<T>(name: string, work: () => Promise<T>): Promise<T> {
  const folder = process.env.BENCH_CPU_PROFILE;
  if (!folder) return work();
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  try {
    return await work();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    const file = path.join(folder, `${name}.cpuprofile`);
    await writeFile(file, JSON.stringify(profile));
    session.disconnect();
    console.log(`  CPU profile of this phase: ${file}`);
  }
}
