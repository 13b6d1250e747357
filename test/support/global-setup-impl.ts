import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import {
  freePort,
  startEmbeddedPostgres,
  type EmbeddedDatabase,
} from '../../tools/db/embedded-postgres.js';
import { migrate } from '../../tools/db/migrate.js';

declare global {
  var __VIGIL_EMBEDDED__: EmbeddedDatabase | undefined;
}

/**
 * Once per run: a real PostgreSQL (DATABASE_URL's server if set, else an embedded one), a fresh
 * database for this run, migrated. Tests read TEST_DATABASE_URL; each makes its own data.
 */
export default async function globalSetup(): Promise<void> {
  process.env.TZ = 'UTC';
  const name = `vigil_test_${Date.now()}_${process.pid}`;
  let adminUrl: string;
  if (process.env.DATABASE_URL) {
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = '/postgres';
    adminUrl = url.toString();
  } else {
    const dir = await mkdtemp(join(tmpdir(), 'vigil-test-pg-'));
    const { chmod } = await import('node:fs/promises');
    await chmod(dir, 0o755);
    const embedded = await startEmbeddedPostgres({
      dataDir: join(dir, 'data'),
      port: await freePort(),
      database: 'postgres',
    });
    globalThis.__VIGIL_EMBEDDED__ = embedded;
    adminUrl = embedded.adminUrl;
  }
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const testUrl = new URL(adminUrl);
  testUrl.pathname = `/${name}`;
  process.env.TEST_DATABASE_URL = testUrl.toString();
  process.env.TEST_ADMIN_DATABASE_URL = adminUrl;
  process.env.TEST_DATABASE_NAME = name;
  await migrate(testUrl.toString());
}
