import { randomUUID } from 'node:crypto';
import { loadConfig, type AppConfig } from '@vigil/server';

/**
 * The data key of every test process (VIGIL_DATA_KEY): fixed, so sources written by one test
 * file's api, by the factories and by a spawned api all read alike on the shared database.
 */
export const TEST_DATA_KEY = 'test:zyevDq9BKp9LtwDkxwnWyoveQ4W1URNyTEGB7t7zr6E=';

/**
 * Creation budgets no test reaches by accident (files open many cases and items as one person);
 * the budgets themselves are proven with small ones in test/api/creation-budgets.e2e-spec.ts.
 */
export const GENEROUS_CREATION_BUDGETS: Record<string, string> = Object.fromEntries(
  ['CASES', 'ITEMS', 'ATTACHMENTS', 'PROPOSALS'].flatMap((kind) => [
    [`CREATE_${kind}_PER_MINUTE`, '100000'],
    [`CREATE_${kind}_PER_HOUR`, '100000'],
  ]),
);

/** Configuration for an in-process api against the run's test database. */
export function testConfig(overrides: Record<string, string> = {}): AppConfig {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is missing: run through jest (globalSetup)');
  return loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: url,
    JWT_SECRET: 'test-secret-test-secret-test-secret-0123',
    VIGIL_DATA_KEY: TEST_DATA_KEY,
    LOG_LEVEL: 'silent',
    PORT: '0',
    HOST: '127.0.0.1',
    LOGIN_RATE_LIMIT: '1000',
    WRITE_RATE_LIMIT: '100000',
    ...GENEROUS_CREATION_BUDGETS,
    DB_POOL_SIZE: '5',
    // Each test api its own group of socket instances, unless a test joins two on purpose.
    SOCKET_CLUSTER: `test-${randomUUID().slice(0, 8)}`,
    ...overrides,
  });
}
