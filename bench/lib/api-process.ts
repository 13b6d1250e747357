import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { BENCH_DATA_KEY } from './data-key.js';

/**
 * An api process of the benchmark: `node --import @swc-node/register/esm-register
 * apps/api/src/main.ts`, as it runs in production, so that the load generator (in the bench's
 * process) never shares its event loop.
 */

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** Clock ticks per second of /proc/<pid>/stat on Linux. */
const CLK_TCK = 100;

export interface ApiProcess {
  url: string;
  pid: number;
  /** CPU seconds (user + system) the process has used so far; NaN where /proc is missing. */
  cpuSeconds(): number;
  stop(): Promise<void>;
}

/** Starts one api on `port` with `env` (on top of a minimal environment) and waits until it answers. */
export async function startApi(port: number, env: Record<string, string>): Promise<ApiProcess> {
  const child = spawn(
    process.execPath,
    ['--import', '@swc-node/register/esm-register', 'apps/api/src/main.ts'],
    {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        TZ: 'UTC',
        NODE_ENV: 'production',
        HOST: '127.0.0.1',
        PORT: String(port),
        VIGIL_DATA_KEY: BENCH_DATA_KEY,
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      // Its own session, as a process manager starts a service: with the kernel's autogroup
      // scheduling (on here), processes of one session share one CPU share, so two api processes
      // started inside the bench's session would split the share of one.
      detached: true,
    },
  );
  // Never outlive the bench (a detached child gets no hang-up from the terminal).
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  child.once('exit', () => process.off('exit', killOnExit));
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitUntilLive(child, url, () => output);
  } catch (e) {
    await terminate(child);
    throw e;
  }
  const pid = child.pid ?? -1;
  return {
    url,
    pid,
    cpuSeconds: () => cpuSecondsOf(pid),
    stop: () => terminate(child),
  };
}

async function waitUntilLive(child: ChildProcess, url: string, output: () => string) {
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`the api exited (${child.exitCode}) while starting:\n${output()}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`the api did not answer in 60 s:\n${output()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

function terminate(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 12_000);
    child.once('exit', () => {
      clearTimeout(kill);
      done();
    });
    child.kill('SIGTERM');
  });
}

function cpuSecondsOf(pid: number): number {
  try {
    // Fields after the command name (which may hold spaces): utime and stime are 14th and 15th.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLK_TCK;
  } catch {
    return Number.NaN;
  }
}

/** Busy CPU seconds of the whole machine (all cores) so far, from /proc/stat; NaN elsewhere. */
export function machineBusySeconds(): number {
  try {
    const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0]?.split(/\s+/).slice(1) ?? [];
    const [user, nice, system, , , irq, softirq, steal] = cpu.map(Number);
    return (
      ((user ?? 0) + (nice ?? 0) + (system ?? 0) + (irq ?? 0) + (softirq ?? 0) + (steal ?? 0)) /
      CLK_TCK
    );
  } catch {
    return Number.NaN;
  }
}

/** Share of the machine's CPU that was busy over the next `ms` milliseconds (others' work included). */
export async function machineBusyOver(ms: number): Promise<number> {
  const b0 = machineBusySeconds();
  const t0 = performance.now();
  await new Promise((r) => setTimeout(r, ms));
  const wall = (performance.now() - t0) / 1000;
  return (machineBusySeconds() - b0) / (wall * os.cpus().length);
}
