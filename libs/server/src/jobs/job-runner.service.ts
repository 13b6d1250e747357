import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { PgBoss } from 'pg-boss';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { SCHEDULED_JOBS, type ScheduledJob } from './scheduled-job.js';

/**
 * Owns pg-boss in the worker: creates each job's queue, keeps its schedule, and works it.
 * pg-boss stores jobs in PostgreSQL, so any number of workers share them and each runs once.
 */
@Injectable()
export class JobRunner implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('JobRunner');
  private boss: PgBoss | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(SCHEDULED_JOBS) private readonly jobs: ScheduledJob[],
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const boss = new PgBoss({
      connectionString: this.config.DATABASE_URL,
      schema: 'pgboss',
      max: 3,
    });
    boss.on('error', (error: unknown) => this.logger.error({ msg: 'pg-boss error', err: error }));
    await boss.start();
    for (const job of this.jobs) {
      if (!(await boss.getQueue(job.name))) await boss.createQueue(job.name);
      await boss.schedule(job.name, job.cron, null, { tz: 'UTC' });
      await boss.work(job.name, async () => job.run());
      this.logger.log({ msg: 'job scheduled', job: job.name, cron: job.cron });
    }
    this.boss = boss;
  }

  /** Queues a run now (used by tests and operators). */
  async runNow(name: string): Promise<string | null> {
    if (!this.boss) throw new Error('JobRunner not started');
    return this.boss.send(name);
  }

  /** State and output of a queued run. */
  async status(name: string, id: string): Promise<{ state: string; output: unknown } | null> {
    const job = await this.boss?.getJobById<object>(name, id);
    return job ? { state: job.state, output: job.output } : null;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.boss?.stop({ graceful: true, timeout: 10_000 });
    this.boss = null;
  }
}
