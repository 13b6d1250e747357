import request from 'supertest';
import type TestAgent from 'supertest/lib/agent.js';
import { DataSource } from 'typeorm';
import { startTestApi, type TestApi } from './api.js';

/** An in-process api on a real socket with a large pool, for tests that fire requests at once. */
export interface ConcurrentApi {
  api: TestApi;
  /** A client on the listening socket (the plain supertest helper listens per request). */
  http: () => TestAgent;
  /**
   * Opens every pool connection first. A cold pool serialises a burst by accident (each new
   * connection's handshake takes longer than a whole request), which would hide a race.
   */
  warmPool: () => Promise<void>;
}

export async function startConcurrentApi(
  poolSize = 25,
  overrides: Record<string, string> = {},
): Promise<ConcurrentApi> {
  const api = await startTestApi({ DB_POOL_SIZE: String(poolSize), ...overrides });
  await api.app.listen({ port: 0, host: '127.0.0.1' });
  const url = await api.app.getUrl();
  const db = api.app.get(DataSource);
  return {
    api,
    http: () => request(url),
    warmPool: async () => {
      await Promise.all(Array.from({ length: poolSize }, () => db.query('SELECT pg_sleep(0.05)')));
    },
  };
}
