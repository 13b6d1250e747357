import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, type WriteStream } from 'node:fs';
import { freePort } from '../../tools/db/net-ports.js';
import { waitFor } from './http.js';

/** An api or worker process whose whole stdout and stderr go to a log file of the test's. */
export interface LoggedProcess {
  url: string;
  logFile: string;
  child: ChildProcess;
  /** The last lines printed (for a failure message). */
  tail: () => string;
  stop: () => Promise<void>;
}

const RUN = ['--import', '@swc-node/register/esm-register'];

function launch(entry: string, env: Record<string, string>, logFile: string, port: number) {
  const log: WriteStream = createWriteStream(logFile, { flags: 'a' });
  const child = spawn(process.execPath, [...RUN, entry], {
    cwd: process.cwd(),
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let tail = '';
  const keep = (chunk: Buffer) => {
    log.write(chunk);
    tail = (tail + chunk.toString()).slice(-8000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
  const closed = new Promise<void>((resolve) => child.once('close', () => resolve()));
  return {
    url: `http://127.0.0.1:${port}`,
    logFile,
    child,
    tail: () => tail,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
      // Every byte the process printed is in the file before it is read.
      await closed;
      await new Promise<void>((resolve) => log.end(resolve));
    },
  };
}

/** Starts apps/api and resolves once it answers /api/health/live. */
export async function startLoggedApi(
  env: Record<string, string>,
  logFile: string,
): Promise<LoggedProcess> {
  const port = await freePort();
  const proc = launch('apps/api/src/main.ts', { ...env, PORT: String(port) }, logFile, port);
  await waitFor(
    async () => {
      if (proc.child.exitCode !== null)
        throw new Error(`the api exited (${proc.child.exitCode}):\n${proc.tail()}`);
      const res = await fetch(`${proc.url}/api/health/live`).catch(() => null);
      return res?.ok ?? false;
    },
    'the api to answer /api/health/live',
    120_000,
  ).catch(async (error: unknown) => {
    await proc.stop();
    throw new Error(`${String(error)}\n${proc.tail()}`);
  });
  return proc;
}

/** Starts apps/worker (its readiness is the caller's to wait for: its queues exist). */
export function startLoggedWorker(env: Record<string, string>, logFile: string): LoggedProcess {
  return launch('apps/worker/src/main.ts', env, logFile, 0);
}
