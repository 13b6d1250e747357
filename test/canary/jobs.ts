import { PgBoss } from 'pg-boss';
import { testPool } from '../support/factories.js';
import { waitFor } from './http.js';
import type { CanaryWorld } from './world.js';

/** Runs the worker's jobs now (as their schedules would) and waits until every e-mail is out. */
export async function runJobsAndMail(world: CanaryWorld): Promise<void> {
  const boss = new PgBoss({
    connectionString: world.db.url,
    schema: 'pgboss',
    supervise: false,
    schedule: false,
  });
  boss.on('error', () => undefined);
  await boss.start();
  try {
    const run = async (names: string[]) => {
      await waitFor(
        async () => (await Promise.all(names.map((n) => boss.getQueue(n)))).every(Boolean),
        `the worker's queues ${names.join(', ')}`,
        90_000,
      ).catch((error: unknown) => {
        throw new Error(`${String(error)}\nThe worker printed:\n${world.worker.tail()}`);
      });
      const ids = await Promise.all(names.map((n) => boss.send(n)));
      await waitFor(
        async () => {
          const jobs = await Promise.all(names.map((n, i) => boss.getJobById(n, ids[i] ?? '')));
          const failed = jobs.find((j) => j?.state === 'failed');
          if (failed)
            throw new Error(`job ${failed.name} failed: ${JSON.stringify(failed.output)}`);
          return jobs.every((j) => j?.state === 'completed');
        },
        `the jobs ${names.join(', ')} to complete`,
        60_000,
      );
    };
    await run(['follow-up-overdue', 'review-overdue', 'document-compaction', 'audit-verify']);
    await run(['notification-email', 'notification-digest']);
    await waitFor(
      async () => {
        const { rows } = await testPool().query<{ n: number }>(
          'SELECT count(*)::int AS n FROM notifications WHERE emailed_at IS NULL',
        );
        return rows[0]?.n === 0;
      },
      'every notification e-mailed (or retired)',
      30_000,
    ).catch(() => undefined);
  } finally {
    await boss.stop({ graceful: false }).catch(() => undefined);
  }
}
