import { parentPort, workerData } from 'node:worker_threads';
import pg from 'pg';
import type {
  LoadCommand,
  LoadJob,
  LoadReply,
  NotifySeen,
  WriteRecord,
} from './realtime-protocol.js';
import { waitSampler, type WaitProfile } from './realtime-sampling.js';

/**
 * The load generator, in its own thread: comments and reviews at a fixed rate (open loop) spread
 * over the cases, through the api's HTTP routes. It also LISTENs on the outbox channel itself, so
 * each event's commit is timed by a listener whose event loop is not the api's.
 */

const job = workerData as LoadJob;
const port = parentPort;
if (!port) throw new Error('run as a worker thread');

const now = () => performance.timeOrigin + performance.now();
const MAX_IN_FLIGHT = 64;

let notifies: NotifySeen[] = [];
const listener = new pg.Client({
  connectionString: job.databaseUrl,
  application_name: 'vigil-bench-listener',
});
listener.on('error', () => undefined); // the database is dropped at the end
listener.on('notification', (message) => {
  if (message.payload) notifies.push({ id: message.payload, at: now() });
});
await listener.connect();
await listener.query('LISTEN vigil_outbox');
const sampling = new pg.Client({
  connectionString: job.databaseUrl,
  application_name: 'vigil-bench-listener',
});
sampling.on('error', () => undefined);
await sampling.connect();

async function write(tag: string, i: number): Promise<WriteRecord> {
  const n = job.cases.length;
  const caseIdx = i % n;
  const round = Math.floor(i / n);
  const target = job.cases[caseIdx];
  if (!target) throw new Error(`no case ${caseIdx}`);
  const token = target.writerTokens[round % target.writerTokens.length] ?? '';
  const kind = round % 2 === 0 ? 'comment' : 'review';
  const note = `Benchmark review ${tag} #${i}`;
  const [path, body] =
    kind === 'comment'
      ? ['comments', { thread: 'internal', body: `Benchmark comment ${tag} #${i}` }]
      : ['reviews', { note }];
  const sentAt = now();
  const res = await fetch(`${job.baseUrl}/api/cases/${target.caseId}/${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  const answeredAt = now();
  const ok = kind === 'comment' ? res.status === 201 : res.status === 200;
  if (!ok) throw new Error(`${kind} HTTP ${res.status}: ${text.slice(0, 200)}`);
  const id = (JSON.parse(text) as { id?: unknown }).id;
  const key = kind === 'comment' ? (typeof id === 'string' ? id : '') : note;
  return { caseIdx, kind, key, sentAt, answeredAt, status: res.status };
}

async function phase(command: LoadCommand): Promise<LoadReply> {
  notifies = [];
  const writes: WriteRecord[] = [];
  const pending = new Set<Promise<void>>();
  let skipped = 0;
  let errors = 0;
  let firstError: string | null = null;
  const interval = 1000 / command.ratePerSecond;
  const start = performance.now();
  let sampler: { stop(): Promise<WaitProfile> } | null = null;
  const window = setTimeout(() => {
    sampler = waitSampler(sampling, 25);
  }, command.warmupMs);
  for (let i = 0; ; i += 1) {
    const due = start + i * interval;
    if (due - start >= command.totalMs) break;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    if (pending.size >= MAX_IN_FLIGHT) {
      skipped += 1;
      continue;
    }
    const p: Promise<void> = write(command.tag, i)
      .then((w) => {
        writes.push(w);
      })
      .catch((e: unknown) => {
        errors += 1;
        firstError ??= e instanceof Error ? e.message : String(e);
      })
      .finally(() => pending.delete(p));
    pending.add(p);
  }
  clearTimeout(window);
  const waits = await (sampler as { stop(): Promise<WaitProfile> } | null)?.stop();
  await Promise.all(pending);
  // NOTIFYs of the last commits may still be on their way.
  await new Promise((r) => setTimeout(r, 200));
  return { type: 'done', writes, notifies, skipped, errors, firstError, waits: waits ?? null };
}

port.on('message', (command: LoadCommand) => {
  phase(command)
    .then((reply) => port.postMessage(reply))
    .catch((e: unknown) =>
      port.postMessage({
        type: 'error',
        message: e instanceof Error ? e.message : String(e),
      } satisfies LoadReply),
    );
});
port.on('close', () => {
  void listener.end().catch(() => undefined);
  void sampling.end().catch(() => undefined);
});
port.postMessage({ type: 'ready' } satisfies LoadReply);
