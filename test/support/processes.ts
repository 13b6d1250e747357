import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { freePort } from '../../tools/db/net-ports.js';
import { GENEROUS_CREATION_BUDGETS, TEST_DATA_KEY } from './test-config.js';

/** An api or worker running as its own operating-system process, as in production. */
export interface VigilProcess {
  /** http://127.0.0.1:port (the worker has none). */
  url: string;
  port: number;
  child: ChildProcess;
  /** What the process printed (for the failure message of a test). */
  output: () => string;
  /** SIGTERM and wait for the exit (in-flight requests drain). */
  stop: () => Promise<void>;
  /** SIGKILL: the process dies at once, mid-request, as in a crash. */
  kill: () => Promise<void>;
}

const RUN = ['--import', '@swc-node/register/esm-register'];

/** Settings every process of a test shares: the run's database and the test api's secret. */
export function processEnv(overrides: Record<string, string> = {}): Record<string, string> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is missing: run through jest (globalSetup)');
  return {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '/tmp',
    TZ: 'UTC',
    NODE_ENV: 'test',
    DATABASE_URL: url,
    JWT_SECRET: 'test-secret-test-secret-test-secret-0123',
    VIGIL_DATA_KEY: TEST_DATA_KEY,
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    LOGIN_RATE_LIMIT: '1000',
    WRITE_RATE_LIMIT: '100000',
    ...GENEROUS_CREATION_BUDGETS,
    DB_POOL_SIZE: '5',
    ...overrides,
  };
}

/** A group name of its own for the processes of one test. */
export function newCluster(): string {
  return `proc-${randomUUID().slice(0, 8)}`;
}

/** Starts apps/api as a process and resolves once it answers /api/health/live. */
export async function startApiProcess(
  env: Record<string, string>,
  port?: number,
): Promise<VigilProcess> {
  const listenOn = port ?? (await freePort());
  const proc = launch('apps/api/src/main.ts', { ...env, PORT: String(listenOn) }, listenOn);
  await waitUntilLive(proc);
  return proc;
}

/** Starts apps/worker as a process; resolves once it has been up for a moment. */
export async function startWorkerProcess(env: Record<string, string>): Promise<VigilProcess> {
  const proc = launch('apps/worker/src/main.ts', env, 0);
  await new Promise((r) => setTimeout(r, 3000));
  if (proc.child.exitCode !== null) throw new Error(`the worker exited:\n${proc.output()}`);
  return proc;
}

function launch(entry: string, env: Record<string, string>, port: number): VigilProcess {
  const child = spawn(process.execPath, [...RUN, entry], {
    cwd: process.cwd(),
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let printed = '';
  const keep = (chunk: Buffer) => {
    printed = (printed + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
  const signal = async (name: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(name);
    await exited;
  };
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    child,
    output: () => printed,
    stop: () => signal('SIGTERM'),
    kill: () => signal('SIGKILL'),
  };
}

async function waitUntilLive(proc: VigilProcess, ms = 120_000): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (proc.child.exitCode !== null) {
      throw new Error(`the api exited (${proc.child.exitCode}):\n${proc.output()}`);
    }
    try {
      const res = await fetch(`${proc.url}/api/health/live`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  await proc.kill();
  throw new Error(`the api did not start within ${ms} ms:\n${proc.output()}`);
}
