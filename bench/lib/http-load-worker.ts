import { parentPort, workerData } from 'node:worker_threads';
import { closedLoop, type PhaseResult } from './stats.js';

/** One closed-loop HTTP phase, run in a worker thread so the client does not share the api's event loop. */
export interface HttpLoadJob {
  baseUrl: string;
  /** Per client: its bearer token and the case ids it cycles through. */
  clients: { token: string; caseIds: string[] }[];
  warmupMs: number;
  durationMs: number;
}

const job = workerData as HttpLoadJob;

async function review(client: number, iteration: number): Promise<void> {
  const c = job.clients[client];
  if (!c) throw new Error(`no client ${client}`);
  const caseId = c.caseIds[iteration % c.caseIds.length];
  const res = await fetch(`${job.baseUrl}/api/cases/${caseId}/reviews`, {
    method: 'POST',
    headers: { authorization: `Bearer ${c.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ note: `Periodic review ${iteration} by client ${client}` }),
  });
  const body = await res.text();
  if (res.status !== 200) throw new Error(`HTTP ${res.status}: ${body.slice(0, 300)}`);
}

const result: PhaseResult = await closedLoop(
  job.clients.length,
  job.warmupMs,
  job.durationMs,
  review,
);
parentPort?.postMessage(result);
