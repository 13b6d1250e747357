import type { INestApplicationContext } from '@nestjs/common';
import { JobRunner } from '@vigil/server';
import { createWorker } from '../../apps/worker/src/create-worker.js';
import { buildUser, closeTestPool } from '../support/factories.js';
import { testConfig } from '../support/test-config.js';

let worker: INestApplicationContext;
beforeAll(async () => {
  worker = await createWorker(testConfig());
});
afterAll(async () => {
  await worker.close();
  await closeTestPool();
});

async function waitForJob(
  runner: JobRunner,
  id: string,
): Promise<{ state: string; output: unknown }> {
  for (let i = 0; i < 100; i += 1) {
    const status = await runner.status('audit-verify', id);
    if (status && ['completed', 'failed'].includes(status.state)) return status;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('audit-verify did not finish in 20 s');
}

it('the worker runs audit-verify through pg-boss and records the chain check as the job output', async () => {
  await buildUser(); // something in the database, whatever other suites wrote
  const runner = worker.get(JobRunner);
  const id = await runner.runNow('audit-verify');
  expect(id).toEqual(expect.any(String));
  const status = await waitForJob(runner, id ?? '');
  expect(status.state).toBe('completed');
  expect(status.output).toEqual(
    expect.objectContaining({
      ok: expect.any(Boolean),
      checked: expect.any(Number),
      firstBrokenSeq: null,
    }),
  );
});
