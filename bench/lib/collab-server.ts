import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import pg from 'pg';
import * as Y from 'yjs';
import type { ServerCommand, ServerJob, ServerReply, ServerWindow } from './collab-protocol.js';

/**
 * One server of bench/collab in its own process, so that its CPU and memory are its own: the Vigil
 * api (createApp, as `npm start` runs it) or a stock Hocuspocus server whose only addition is the
 * persistence its Database extension would give (onStoreDocument at the default debounce). Each
 * side imports only its own server's code, so the peer's memory holds no Nest application.
 */

const ELD_RESOLUTION_MS = 5;
const MiB = 1024 * 1024;
const now = () => performance.timeOrigin + performance.now();

const job = JSON.parse(process.argv[2] ?? '{}') as ServerJob;
const reply = (message: ServerReply) => process.send?.(message);
// The bench's process owns this one: when it goes, so does this.
process.on('disconnect', () => process.exit(0));

let measuring = false;
const handlerMs: number[] = [];
const appendMs: number[] = [];
const stores: number[] = [];
let poolWaiting: () => number = () => 0;
let stop: () => Promise<void> = async () => undefined;

async function startVigil(): Promise<string> {
  await import('reflect-metadata');
  const { DocumentHub, DocumentStore, loadConfig } = await import('@vigil/server');
  const { DataSource } = await import('typeorm');
  const { createApp } = await import('../../apps/api/src/create-app.js');
  const { BENCH_DATA_KEY } = await import('./data-key.js');
  const app = await createApp(
    loadConfig({
      NODE_ENV: 'production',
      DATABASE_URL: job.databaseUrl,
      JWT_SECRET: job.jwtSecret,
      VIGIL_DATA_KEY: BENCH_DATA_KEY,
      LOG_LEVEL: 'silent',
      HOST: '127.0.0.1',
      PORT: String(job.port),
      // Up to 100 editors, all from 127.0.0.1: no cap on connections per address.
      HTTP_CONNECTIONS_PER_ADDRESS: '0',
    }),
  );
  await app.listen(job.port, '127.0.0.1');
  // Timing wrappers only: the same calls, in the same order, with a clock read either side. On the
  // prototype, as several modules provide their own DocumentStore.
  // The hub stores each batch of a document's updates with appendMany (one statement).
  const appendMany = DocumentStore.prototype.appendMany;
  DocumentStore.prototype.appendMany = async function (
    this: InstanceType<typeof DocumentStore>,
    ...args
  ) {
    const t0 = performance.now();
    const result = await appendMany.apply(this, args);
    if (measuring) appendMs.push(performance.now() - t0);
    return result;
  };
  const hub = app.get(DocumentHub, { strict: false });
  const sync = hub.sync.bind(hub);
  hub.sync = async (...args) => {
    const t0 = performance.now();
    const result = await sync(...args);
    if (measuring) handlerMs.push(performance.now() - t0);
    return result;
  };
  const master = (app.get(DataSource, { strict: false }).driver as unknown as { master?: pg.Pool })
    .master;
  poolWaiting = () => master?.waitingCount ?? 0;
  stop = () => app.close();
  return `http://127.0.0.1:${job.port}`;
}

async function startPeer(): Promise<string> {
  const { Server } = await import('@hocuspocus/server');
  const db = new pg.Pool({
    connectionString: job.databaseUrl,
    max: 2,
    application_name: 'collab-peer',
  });
  db.on('error', () => undefined);
  await db.query(
    'CREATE TABLE IF NOT EXISTS collab_peer_documents (name text PRIMARY KEY, state bytea NOT NULL)',
  );
  // Stock settings (debounce 2 s, maxDebounce 10 s, broadcasts coalesced per tick); the two hooks
  // are what @hocuspocus/extension-database does with a PostgreSQL fetch and store.
  const server = new Server({
    port: job.port,
    address: '127.0.0.1',
    quiet: true,
    stopOnSignals: false,
    async onLoadDocument({ documentName, document }) {
      const { rows } = await db.query<{ state: Buffer }>(
        'SELECT state FROM collab_peer_documents WHERE name = $1',
        [documentName],
      );
      if (rows[0]) Y.applyUpdate(document, new Uint8Array(rows[0].state));
      return document;
    },
    async onStoreDocument({ documentName, document }) {
      const t0 = performance.now();
      await db.query(
        `INSERT INTO collab_peer_documents (name, state) VALUES ($1, $2)
         ON CONFLICT (name) DO UPDATE SET state = excluded.state`,
        [documentName, Buffer.from(Y.encodeStateAsUpdate(document))],
      );
      if (measuring) stores.push(performance.now() - t0);
    },
  });
  await server.listen();
  stop = async () => {
    await server.destroy();
    await db.end();
  };
  return `ws://127.0.0.1:${job.port}`;
}

const rssBase = process.memoryUsage().rss;
const heapBase = process.memoryUsage().heapUsed;
let window: {
  cpu: NodeJS.CpuUsage;
  elu: ReturnType<typeof performance.eventLoopUtilization>;
  at: number;
  eld: ReturnType<typeof monitorEventLoopDelay>;
  timer: NodeJS.Timeout;
  rssPeak: number;
  heapPeak: number;
  waiting: { sum: number; max: number; n: number };
} | null = null;
let base = { rss: rssBase, heap: heapBase };

function windowStart(): void {
  handlerMs.length = 0;
  appendMs.length = 0;
  stores.length = 0;
  const eld = monitorEventLoopDelay({ resolution: ELD_RESOLUTION_MS });
  eld.enable();
  const w = {
    cpu: process.cpuUsage(),
    elu: performance.eventLoopUtilization(),
    at: now(),
    eld,
    rssPeak: 0,
    heapPeak: 0,
    waiting: { sum: 0, max: 0, n: 0 },
    timer: setInterval(() => {
      if (w.waiting.n % 25 === 0) {
        const m = process.memoryUsage();
        w.rssPeak = Math.max(w.rssPeak, m.rss);
        w.heapPeak = Math.max(w.heapPeak, m.heapUsed);
      }
      const waiting = poolWaiting();
      w.waiting.sum += waiting;
      w.waiting.max = Math.max(w.waiting.max, waiting);
      w.waiting.n += 1;
    }, 10),
  };
  window = w;
  measuring = true;
}

function windowEnd(): ServerWindow {
  measuring = false;
  const w = window;
  if (!w) throw new Error('no window started');
  clearInterval(w.timer);
  w.eld.disable();
  const cpu = process.cpuUsage(w.cpu);
  const delay = (q: number) => Math.max(0, w.eld.percentile(q) / 1e6 - ELD_RESOLUTION_MS);
  window = null;
  return {
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    wallSeconds: (now() - w.at) / 1000,
    elu: performance.eventLoopUtilization(w.elu).utilization,
    delayP50: delay(50),
    delayP99: delay(99),
    rssBaseMiB: base.rss / MiB,
    rssPeakMiB: w.rssPeak / MiB,
    heapBaseMiB: base.heap / MiB,
    heapPeakMiB: w.heapPeak / MiB,
    handlerMs: [...handlerMs],
    appendMs: [...appendMs],
    poolWaitingAvg: w.waiting.n ? w.waiting.sum / w.waiting.n : Number.NaN,
    poolWaitingMax: w.waiting.max,
    stores: [...stores],
  };
}

process.on('message', (command: ServerCommand) => {
  try {
    if (command.type === 'window-start') {
      windowStart();
      reply({ type: 'ok' });
    } else if (command.type === 'window-end') {
      reply({ type: 'window', figures: windowEnd() });
    } else {
      void stop()
        .catch(() => undefined)
        .then(() => {
          reply({ type: 'ok' });
          process.exit(0);
        });
    }
  } catch (e) {
    reply({ type: 'error', message: e instanceof Error ? e.message : String(e) });
  }
});

(job.side === 'vigil' ? startVigil() : startPeer())
  .then((url) => {
    const m = process.memoryUsage();
    base = { rss: m.rss, heap: m.heapUsed };
    reply({ type: 'ready', url });
  })
  .catch((e: unknown) => {
    reply({ type: 'error', message: e instanceof Error ? (e.stack ?? e.message) : String(e) });
    process.exit(1);
  });
