import { loadConfig, RealtimeGateway } from '@vigil/server';
import os from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { createApp } from '../apps/api/src/create-app.js';
import { freePort } from '../tools/db/embedded-postgres.js';
import { benchDatabase, ignoreIdleError, type BenchDatabase } from './lib/database.js';
import { BENCH_DATA_KEY } from './lib/data-key.js';
import { analyseDelivery, type ExpectedEvent } from './lib/realtime-analysis.js';
import { dist } from './lib/stats.js';
import { startBareServer, type BareServer } from './lib/realtime-bare-server.js';
import {
  ask,
  type ClientsReply,
  type LoadCommand,
  type LoadJob,
  type LoadReply,
} from './lib/realtime-protocol.js';
import { buildRealtimeReport, type Loop, type PhaseFigures } from './lib/realtime-report.js';
import { cpuShare, cpuTicks } from './lib/realtime-sampling.js';
import { seedRealtime } from './lib/realtime-seed.js';
import { writeSection, beginRun } from './lib/results.js';

/**
 * Realtime benchmark: 200 Socket.IO clients (10 per case, 20 cases) in a worker thread, while a
 * load generator in another thread writes comments and reviews through the api at a fixed rate;
 * latency from each event's outbox row (written just before commit) to every client's handler,
 * losses and duplicates, and the api's event loop. The floor: the same clients on a bare
 * Socket.IO server broadcasting to the same rooms at the same rates.
 */

const CASES = 20;
const PER_CASE = 10;
const RATES = [25, 100] as const;
const WARMUP_MS = 2_000;
const DURATION_MS = 15_000;
/** How long to wait after the load for late deliveries before counting the rest as lost. */
const DRAIN_MAX_MS = 10_000;
const POOL_SIZE = 20;
const ELD_RESOLUTION_MS = 5;
const JWT_SECRET = 'bench-secret-bench-secret-bench-secret-0'; // 40 characters

const now = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function run(signal: AbortSignal): Promise<void> {
  const { started, loadAtStart, check } = beginRun(signal);
  let db: BenchDatabase | null = null;
  let pool: pg.Pool | null = null;
  let app: Awaited<ReturnType<typeof createApp>> | null = null;
  let bare: BareServer | null = null;
  const workers: Worker[] = [];
  try {
    console.log('Preparing the database…');
    db = await benchDatabase();
    pool = new pg.Pool({ connectionString: db.url, max: 4 });
    pool.on('error', ignoreIdleError);
    const pgVersion =
      (await pool.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows[0]
        ?.v ?? '?';
    check();

    const port = await freePort();
    app = await createApp(
      loadConfig({
        NODE_ENV: 'production',
        DATABASE_URL: db.url,
        JWT_SECRET,
        VIGIL_DATA_KEY: BENCH_DATA_KEY,
        LOG_LEVEL: 'silent',
        HOST: '127.0.0.1',
        PORT: String(port),
        // The load writes far faster than any person: no write allowance in the way.
        WRITE_RATE_LIMIT: '100000',
        // Every simulated person connects from 127.0.0.1: no cap on connections per address.
        HTTP_CONNECTIONS_PER_ADDRESS: '0',
        DB_POOL_SIZE: String(POOL_SIZE),
      }),
    );
    await app.listen(port, '127.0.0.1');
    const baseUrl = `http://127.0.0.1:${port}`;
    console.log(`Seeding ${CASES} cases × ${PER_CASE} member analysts…`);
    const seeded = await seedRealtime(pool, baseUrl, JWT_SECRET, CASES, PER_CASE);
    const caseIds = seeded.map((s) => s.caseId);
    // Client c works case c % CASES (the analysis relies on it).
    const clients = Array.from({ length: CASES * PER_CASE }, (_, c) => ({
      caseId: caseIds[c % CASES] ?? '',
      token: seeded[c % CASES]?.tokens[Math.floor(c / CASES)] ?? '',
    }));

    // When the api's gateway is handed each event by the relay (after the row was read back).
    const emits = new Map<string, number>();
    const gateway = app.get(RealtimeGateway, { strict: false });
    const deliver = gateway.deliverCaseEvent.bind(gateway);
    gateway.deliverCaseEvent = (event) => {
      emits.set(`${event.caseId}:${event.seq}`, now());
      deliver(event);
    };

    // The api's connection pool (TypeORM's pg driver): how many queries wait for a connection.
    const apiPool = (
      app.get(DataSource, { strict: false }).driver as unknown as { master?: pg.Pool }
    ).master;

    const clientsWorker = new Worker(new URL('./lib/realtime-clients-worker.ts', import.meta.url), {
      workerData: { caseIds },
    });
    workers.push(clientsWorker);
    const loadJob: LoadJob = {
      baseUrl,
      databaseUrl: db.url,
      cases: seeded.map((s) => ({ caseId: s.caseId, writerTokens: s.tokens })),
    };
    const loadWorker = new Worker(new URL('./lib/realtime-load-worker.ts', import.meta.url), {
      workerData: loadJob,
    });
    workers.push(loadWorker);
    await new Promise<void>((resolve, reject) => {
      loadWorker.once('message', () => resolve());
      loadWorker.once('error', reject);
    });

    const clientCount = async () => {
      const r = await ask<ClientsReply>(clientsWorker, { type: 'count' });
      return r.type === 'count' ? r.received : 0;
    };
    const drain = async (expected: number) => {
      const until = performance.now() + DRAIN_MAX_MS;
      while (performance.now() < until && (await clientCount()) < expected) await sleep(100);
    };
    const collect = async () => {
      const r = await ask<ClientsReply>(clientsWorker, { type: 'collect' });
      if (r.type !== 'receipts') throw new Error('clients worker: no receipts');
      return r.receipts;
    };
    /** Runs `drive` with the main thread's loop and the clients' thread measured over the window. */
    const measured = async <T>(drive: () => Promise<T>, poolWaiting?: () => number) => {
      const t0 = now();
      const window = { start: t0 + WARMUP_MS, end: t0 + WARMUP_MS + DURATION_MS };
      const eld = monitorEventLoopDelay({ resolution: ELD_RESOLUTION_MS });
      let loop: Loop | null = null;
      let elu0 = performance.eventLoopUtilization();
      let clientsElu0 = clientsWorker.performance.eventLoopUtilization();
      let cpu0 = cpuTicks();
      const waiting = { sum: 0, max: 0, n: 0 };
      let poolTimer: NodeJS.Timeout | undefined;
      const begin = setTimeout(() => {
        cpu0 = cpuTicks();
        if (poolWaiting)
          poolTimer = setInterval(() => {
            const w = poolWaiting();
            waiting.sum += w;
            waiting.max = Math.max(waiting.max, w);
            waiting.n += 1;
          }, 10);
        eld.enable();
        elu0 = performance.eventLoopUtilization();
        clientsElu0 = clientsWorker.performance.eventLoopUtilization();
      }, WARMUP_MS);
      let closed: () => void = () => undefined;
      const windowClosed = new Promise<void>((r) => {
        closed = r;
      });
      const end = setTimeout(() => {
        eld.disable();
        clearInterval(poolTimer);
        const cpu = cpuShare(cpu0, cpuTicks());
        const delay = (q: number) => Math.max(0, eld.percentile(q) / 1e6 - ELD_RESOLUTION_MS);
        loop = {
          elu: performance.eventLoopUtilization(elu0).utilization,
          clientsElu: clientsWorker.performance.eventLoopUtilization(clientsElu0).utilization,
          delayP50: delay(50),
          delayP99: delay(99),
          delayMax: Math.max(0, eld.max / 1e6 - ELD_RESOLUTION_MS),
          machineBusy: cpu.busy,
          steal: cpu.steal,
          poolWaitingAvg: waiting.n ? waiting.sum / waiting.n : Number.NaN,
          poolWaitingMax: waiting.n ? waiting.max : Number.NaN,
        };
        closed();
      }, WARMUP_MS + DURATION_MS);
      try {
        const result = await drive();
        await windowClosed; // the last write may be sent a few ms before the window closes
        if (!loop) throw new Error('phase ended before its window');
        return { result, window, loop: loop as Loop };
      } finally {
        clearTimeout(begin);
        clearTimeout(end);
        clearInterval(poolTimer);
        eld.disable();
      }
    };

    const phases: PhaseFigures[] = [];

    // --- The floor: bare Socket.IO in this same thread, no database.
    bare = await startBareServer(await freePort());
    const bareConnect = await ask<ClientsReply>(clientsWorker, {
      type: 'connect',
      url: bare.url,
      clients,
    });
    console.log(
      `Bare Socket.IO: ${clients.length} clients connected and joined in ${bareConnect.type === 'connected' ? bareConnect.ms.toFixed(0) : '?'} ms`,
    );
    for (const rate of RATES) {
      check();
      await ask(clientsWorker, { type: 'reset' });
      const server = bare;
      const {
        result: sent,
        window,
        loop,
      } = await measured(() => server.broadcast(caseIds, rate, WARMUP_MS + DURATION_MS));
      await drain(sent.length * PER_CASE);
      const events: ExpectedEvent[] = sent
        .filter((s) => s.sentAt >= window.start && s.sentAt < window.end)
        .map((s) => ({ caseIdx: s.caseIdx, seq: s.seq, originAt: s.sentAt }));
      const delivery = analyseDelivery(events, await collect(), CASES, PER_CASE);
      phases.push({ side: 'bare', rate, delivery, loop });
      console.log(
        `  bare  ${String(rate).padStart(3)}/s: p50 ${delivery.latency.p50.toFixed(1)} p95 ${delivery.latency.p95.toFixed(1)} p99 ${delivery.latency.p99.toFixed(1)} ms, lost ${delivery.lost}, dup ${delivery.duplicates}`,
      );
    }
    await ask(clientsWorker, { type: 'disconnect' });
    await bare.close();
    bare = null;

    // --- Vigil: the same clients on the api, the load worker writing through HTTP.
    check();
    const vigilConnect = await ask<ClientsReply>(clientsWorker, {
      type: 'connect',
      url: baseUrl,
      clients,
    });
    console.log(
      `Vigil: ${clients.length} clients connected and joined in ${vigilConnect.type === 'connected' ? vigilConnect.ms.toFixed(0) : '?'} ms`,
    );
    const caseIndex = new Map(caseIds.map((id, i) => [id, i]));
    for (const rate of RATES) {
      check();
      await sleep(1_000); // let presence and the previous phase settle
      const mark =
        (
          await pool.query<{ m: string }>(
            'SELECT coalesce(max(id), 0)::text AS m FROM outbox_events',
          )
        ).rows[0]?.m ?? '0';
      await ask(clientsWorker, { type: 'reset' });
      emits.clear();
      const command: LoadCommand = {
        type: 'phase',
        tag: `r${rate}`,
        ratePerSecond: rate,
        warmupMs: WARMUP_MS,
        totalMs: WARMUP_MS + DURATION_MS,
      };
      const {
        result: load,
        window,
        loop,
      } = await measured(
        () => ask<LoadReply>(loadWorker, command, 120_000),
        () => apiPool?.waitingCount ?? 0,
      );
      if (load.type !== 'done') throw new Error('load worker: no result');
      const rows = (
        await pool.query<{ id: string; case_id: string; seq: number; created_ms: number }>(
          `SELECT id::text, case_id, (payload->>'seq')::int AS seq,
                  (extract(epoch FROM created_at) * 1000)::float8 AS created_ms
             FROM outbox_events WHERE topic = 'case_event' AND id > $1 ORDER BY id`,
          [mark],
        )
      ).rows;
      await drain(rows.length * PER_CASE);
      const committed = new Map(load.notifies.map((n) => [n.id, n.at]));
      const events: ExpectedEvent[] = rows
        .filter((r) => r.created_ms >= window.start && r.created_ms < window.end)
        .map((r) => ({
          caseIdx: caseIndex.get(r.case_id) ?? -1,
          seq: r.seq,
          originAt: r.created_ms,
          commitAt: committed.get(r.id),
          emitAt: emits.get(`${r.case_id}:${r.seq}`),
        }));
      const delivery = analyseDelivery(events, await collect(), CASES, PER_CASE);
      const inWindow = load.writes.filter((w) => w.sentAt >= window.start && w.sentAt < window.end);
      phases.push({
        side: 'vigil',
        rate,
        delivery,
        loop,
        waits: load.waits,
        writes: {
          ok: inWindow.length,
          comments: inWindow.filter((w) => w.kind === 'comment').length,
          errors: load.errors,
          skipped: load.skipped,
          http: dist(inWindow.map((w) => w.answeredAt - w.sentAt)),
          firstError: load.firstError,
        },
      });
      console.log(
        `  vigil ${String(rate).padStart(3)}/s: p50 ${delivery.latency.p50.toFixed(1)} p95 ${delivery.latency.p95.toFixed(1)} p99 ${delivery.latency.p99.toFixed(1)} ms, ` +
          `lost ${delivery.lost}, dup ${delivery.duplicates}, api ELU ${(100 * loop.elu).toFixed(0)}%` +
          (load.firstError ? ` | first write error: ${load.firstError}` : ''),
      );
    }
    await ask(clientsWorker, { type: 'disconnect' });

    const report = buildRealtimeReport(phases, {
      cpu: os.cpus()[0]?.model.trim() ?? 'unknown',
      cores: os.cpus().length,
      memoryGiB: (os.totalmem() / 1024 ** 3).toFixed(1),
      platform: `${os.platform()} ${os.release()} ${os.arch()}`,
      node: process.version,
      pg: `PostgreSQL ${pgVersion} (${db.origin})`,
      loadAtStart,
      seconds: Math.round((Date.now() - started) / 1000),
      setup: {
        cases: CASES,
        perCase: PER_CASE,
        warmupMs: WARMUP_MS,
        durationMs: DURATION_MS,
        poolSize: POOL_SIZE,
        eldResolutionMs: ELD_RESOLUTION_MS,
      },
    });
    console.log(`\n${report.terminal}`);
    console.log(`\nWritten to ${writeSection('realtime', report.markdown)}`);
  } finally {
    await Promise.all(workers.map((w) => w.terminate().catch(() => 0)));
    await bare?.close().catch(() => undefined);
    await app?.close().catch((e: unknown) => console.error('closing the api:', e));
    await pool?.end().catch(() => undefined);
    await db?.close().catch((e: unknown) => console.error('dropping the bench database:', e));
  }
}
