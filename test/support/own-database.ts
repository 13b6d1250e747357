import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { migrate } from '../../tools/db/migrate.js';
import { closeTestPool } from './factories.js';

/** A migrated database of one test file's own, on the run's server. */
export interface OwnDatabase {
  url: string;
  /** Points the factories back at the run's database and drops this one. */
  drop: () => Promise<void>;
}

/**
 * For tests that run whole processes (workers that claim every pending job, a crash that must
 * leave a verifiable audit chain): their own database, so neither they nor the other test files
 * running at the same time see each other's rows. The factories (testPool) use it until `drop`.
 */
export async function ownDatabase(): Promise<OwnDatabase> {
  const adminUrl = process.env.TEST_ADMIN_DATABASE_URL;
  const shared = process.env.TEST_DATABASE_URL;
  if (!adminUrl || !shared) throw new Error('run through jest (globalSetup)');
  const name = `vigil_own_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  await adminQuery(adminUrl, `CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  await migrate(url.toString());
  await closeTestPool();
  process.env.TEST_DATABASE_URL = url.toString();
  return {
    url: url.toString(),
    drop: async () => {
      await closeTestPool();
      process.env.TEST_DATABASE_URL = shared;
      await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

async function adminQuery(adminUrl: string, sql: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}
