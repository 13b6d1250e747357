/** A job the worker runs on a schedule (and on demand through the queue). */
export interface ScheduledJob<Result extends object = object> {
  /** Queue name in pg-boss. */
  readonly name: string;
  /** Cron expression, UTC. */
  readonly cron: string;
  run(): Promise<Result>;
}

/** Injection token for the list of scheduled jobs. */
export const SCHEDULED_JOBS = Symbol('SCHEDULED_JOBS');
