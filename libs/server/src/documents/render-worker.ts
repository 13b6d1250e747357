import type { MessagePort } from 'node:worker_threads';
import { type RenderResult, type RenderTask, runRenderTask } from './render-tasks.js';

/** What the pool sends a worker: the task, and a port to say when it starts. */
export interface RenderJob {
  task: RenderTask;
  /** Told 'started' as the work begins: the time budget counts from then, not from the queue. */
  started: MessagePort;
}

/**
 * The entry of a render worker thread (piscina loads it by file name). It imports only the
 * renderers, not the server: a worker starts in a fraction of a second.
 */
export default async function render(job: RenderJob): Promise<RenderResult> {
  job.started.postMessage('started');
  job.started.close();
  return runRenderTask(job.task);
}
