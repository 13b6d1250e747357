import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freePort, startEmbeddedPostgres } from '../../tools/db/embedded-postgres.js';
import { migrate } from '../../tools/db/migrate.js';

/** A fresh, migrated database for one benchmark run. */
export interface BenchDatabase {
  url: string;
  /** 'DATABASE_URL server' or 'embedded'. */
  origin: string;
  close(): Promise<void>;
}

/**
 * DATABASE_URL's server when set (a new database `vigil_bench_<ts>` on it, dropped afterwards),
 * else an embedded PostgreSQL in a temporary folder (stopped and removed afterwards).
 */
export async function benchDatabase(): Promise<BenchDatabase> {
  const name = `vigil_bench_${Date.now()}`;
  let adminUrl: string;
  let stopServer: () => Promise<void> = async () => undefined;
  let origin: string;
  if (process.env.DATABASE_URL) {
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = '/postgres';
    adminUrl = url.toString();
    origin = `DATABASE_URL server (${url.hostname}:${url.port || '5432'})`;
  } else {
    const dir = await mkdtemp(join(tmpdir(), 'vigil-bench-pg-'));
    await chmod(dir, 0o755);
    const embedded = await startEmbeddedPostgres({
      dataDir: join(dir, 'data'),
      port: await freePort(),
      database: 'postgres',
    });
    adminUrl = embedded.adminUrl;
    origin = 'embedded PostgreSQL (temporary data folder)';
    stopServer = async () => {
      await embedded.stop();
      await rm(dir, { recursive: true, force: true });
    };
  }
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  await migrate(url.toString());
  let closed = false;
  return {
    url: url.toString(),
    origin,
    async close() {
      if (closed) return;
      closed = true;
      try {
        const drop = new pg.Client({ connectionString: adminUrl });
        await drop.connect();
        await drop.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await drop.end();
      } finally {
        await stopServer();
      }
    },
  };
}

/** An idle pooled connection cut by the final DROP DATABASE ... WITH (FORCE) is expected, not a failure. */
export function ignoreIdleError(): void {}

/** A server setting as SHOW prints it ('?' when it has none). */
export async function showSetting(pool: pg.Pool, name: string): Promise<string> {
  return (await pool.query<Record<string, string>>(`SHOW ${name}`)).rows[0]?.[name] ?? '?';
}
