import { fork, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import pg from 'pg';
import { freePort } from '../tools/db/embedded-postgres.js';
import { analyseDelivery } from './lib/collab-analysis.js';
import type {
  EditorLog,
  EditorSpec,
  EditorsReply,
  ServerJob,
  ServerReply,
  Side,
} from './lib/collab-protocol.js';
import { buildCollabReport, type CollabPhase } from './lib/collab-report.js';
import { backendCpu, probeAppend, waitSampler } from './lib/collab-sampling.js';
import { benchDatabase, ignoreIdleError, type BenchDatabase } from './lib/database.js';
import { ask } from './lib/realtime-protocol.js';
import { cpuShare, cpuTicks } from './lib/realtime-sampling.js';
import { seedRealtime } from './lib/realtime-seed.js';
import { writeSection, beginRun } from './lib/results.js';

/**
 * Collaborative drafting benchmark: one document, 10, 50 and 100 editors (in two worker threads)
 * each typing CHARS_PER_SECOND characters a second, against Vigil (the api: authenticated socket,
 * access check at join, every update appended to PostgreSQL before it is broadcast) and against a
 * stock Hocuspocus server persisting at its default debounce. Each server runs in its own process.
 */

const SIZES = [10, 50, 100] as const;
const CHARS_PER_SECOND = 3;
const WARMUP_MS = 2_000;
const DURATION_MS = 10_000;
/** How long to wait after typing for late deliveries before counting the rest as lost. */
const DRAIN_MAX_MS = 10_000;
const EDITOR_THREADS = 2;
/** pg_stat_activity is sampled this often during Vigil's windows. */
const WAIT_SAMPLE_MS = 20;
/** The append probe: this many connections (the api's default pool) for this many seconds. */
const PROBE_CONCURRENCY = 10;
const PROBE_SECONDS = 3;
const JWT_SECRET = 'bench-secret-bench-secret-bench-secret-0'; // 40 characters

const now = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A server process and its reply channel. */
interface ServerProcess {
  side: Side;
  url: string;
  child: ChildProcess;
}

/** Sends one command to a server process and resolves with its next answer. */
function askServer(child: ChildProcess, command: unknown, timeoutMs = 30_000) {
  return new Promise<ServerReply>((resolve, reject) => {
    const timer = setTimeout(() => done(new Error('server process did not answer')), timeoutMs);
    const onMessage = (m: ServerReply) =>
      m.type === 'error' ? done(new Error(`server: ${m.message}`)) : done(null, m);
    const onExit = (code: number | null) => done(new Error(`server process exited (${code})`));
    const done = (e: Error | null, m?: ServerReply) => {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
      if (e || !m) reject(e ?? new Error('no answer'));
      else resolve(m);
    };
    child.on('message', onMessage);
    child.once('exit', onExit);
    if (command) child.send(command as object);
  });
}

async function startServer(side: Side, databaseUrl: string): Promise<ServerProcess> {
  const job: ServerJob = { side, databaseUrl, jwtSecret: JWT_SECRET, port: await freePort() };
  const child = fork(new URL('./lib/collab-server.ts', import.meta.url), [JSON.stringify(job)], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const ready = await askServer(child, null, 90_000).catch((e: unknown) => {
    child.kill('SIGKILL');
    throw e;
  });
  if (ready.type !== 'ready') throw new Error(`${side} server: not ready`);
  return { side, url: ready.url, child };
}

async function stopServer(server: ServerProcess): Promise<void> {
  if (server.child.exitCode !== null) return;
  await askServer(server.child, { type: 'stop' }, 10_000).catch(() => undefined);
  if (server.child.exitCode === null) server.child.kill('SIGKILL');
}

export async function run(signal: AbortSignal): Promise<void> {
  const { started, loadAtStart, check } = beginRun(signal);
  let db: BenchDatabase | null = null;
  let pool: pg.Pool | null = null;
  const servers: ServerProcess[] = [];
  const workers: Worker[] = [];
  try {
    console.log('Preparing the database…');
    db = await benchDatabase();
    const bench = new pg.Pool({
      connectionString: db.url,
      max: 2,
      application_name: 'collab-bench',
    });
    pool = bench;
    bench.on('error', ignoreIdleError);
    const pgVersion =
      (await bench.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows[0]
        ?.v ?? '?';
    check();
    console.log('Starting the Vigil api and the Hocuspocus peer, each in its own process…');
    const vigil = await startServer('vigil', db.url);
    servers.push(vigil);
    const peer = await startServer('peer', db.url);
    servers.push(peer);
    check();

    const max = Math.max(...SIZES);
    console.log(`Seeding one case worked by ${max} analysts…`);
    const [seeded] = await seedRealtime(bench, vigil.url, JWT_SECRET, 1, max);
    if (!seeded) throw new Error('no case seeded');
    const lead =
      (
        await bench.query<{ id: string }>('SELECT lead_analyst_id AS id FROM cases WHERE id = $1', [
          seeded.caseId,
        ])
      ).rows[0]?.id ?? '';

    for (let t = 0; t < EDITOR_THREADS; t += 1) {
      workers.push(new Worker(new URL('./lib/collab-editors-worker.ts', import.meta.url)));
    }
    const askAll = (command: unknown, timeoutMs = 60_000) =>
      Promise.all(workers.map((w) => ask<EditorsReply>(w, command, timeoutMs)));

    const phase = async (side: Side, editors: number): Promise<CollabPhase> => {
      check();
      const server = side === 'vigil' ? vigil : peer;
      const documentId =
        side === 'vigil'
          ? ((
              await bench.query<{ id: string }>(
                `INSERT INTO documents (case_id, kind, title, created_by)
                 VALUES ($1, 'advice_to_sg', $2, $3) RETURNING id`,
                [seeded.caseId, `Collab benchmark, ${editors} editors`, lead],
              )
            ).rows[0]?.id ?? '')
          : `collab-${editors}-${Date.now()}`;
      const specs: EditorSpec[] = Array.from({ length: editors }, (_, index) => ({
        index,
        token: seeded.tokens[index] ?? '',
      }));
      const opened = await Promise.all(
        workers.map((w, t) =>
          ask<EditorsReply>(
            w,
            {
              type: 'open',
              side,
              url: server.url,
              documentId,
              editors: specs.filter((s) => s.index % EDITOR_THREADS === t),
            },
            90_000,
          ),
        ),
      );
      const clients = opened.flatMap((r) => (r.type === 'opened' ? r.clients : []));
      if (new Set(clients).size !== editors) throw new Error('Yjs client ids collide; run again');
      const connectMs = Math.max(...opened.map((r) => (r.type === 'opened' ? r.ms : 0)));
      await sleep(500); // awareness announcements settle

      const totalMs = WARMUP_MS + DURATION_MS;
      const startAt = now() + 200;
      const window = { start: startAt + WARMUP_MS, end: startAt + totalMs };
      const held: {
        measure: {
          cpu0: ReturnType<typeof cpuTicks>;
          elu0: ReturnType<Worker['performance']['eventLoopUtilization']>[];
          backends: Awaited<ReturnType<typeof backendCpu>>;
          waits: ReturnType<typeof waitSampler> | null;
        } | null;
      } = { measure: null };
      const begin = sleep(window.start - now()).then(async () => {
        const cpu0 = cpuTicks();
        const elu0 = workers.map((w) => w.performance.eventLoopUtilization());
        await askServer(server.child, { type: 'window-start' });
        held.measure = {
          cpu0,
          elu0,
          backends: await backendCpu(bench, side),
          waits: side === 'vigil' ? waitSampler(bench, WAIT_SAMPLE_MS) : null,
        };
      });
      const typed = await askAll(
        { type: 'type', startAt, totalMs, intervalMs: 1000 / CHARS_PER_SECOND },
        totalMs + 30_000,
      );
      await begin;
      await sleep(Math.max(0, window.end - now()));
      const m = held.measure;
      if (!m) throw new Error('window never started');
      const cpu = cpuShare(m.cpu0, cpuTicks());
      const clientsElu = workers.map(
        (w, i) => w.performance.eventLoopUtilization(m.elu0[i]).utilization,
      );
      const figures = await askServer(server.child, { type: 'window-end' });
      if (figures.type !== 'window') throw new Error('server: no window figures');
      const dbCpuSeconds = await m.backends.stop();
      const waits = (await m.waits?.stop()) ?? null;

      const sent = typed.flatMap((r) => (r.type === 'typed' ? r.sent : []));
      const drainStart = performance.now();
      let missing = Number.NaN;
      while (performance.now() - drainStart < DRAIN_MAX_MS) {
        const replies = await askAll({ type: 'missing', sent });
        missing = replies.reduce((s, r) => s + (r.type === 'missing' ? r.missing : 0), 0);
        if (missing === 0) break;
        await sleep(100);
      }
      const logs = (await askAll({ type: 'collect' })).flatMap((r): EditorLog[] =>
        r.type === 'log' ? [r.log] : [],
      );
      await askAll({ type: 'close' });
      const delivery = analyseDelivery(logs, window, editors);
      const result: CollabPhase = {
        side,
        editors,
        connectMs,
        delivery,
        server: figures.figures,
        dbCpuSeconds,
        waits,
        clientsElu,
        machineBusy: cpu.busy,
        steal: cpu.steal,
        drainMs: performance.now() - drainStart,
        missingAfterDrain: missing,
      };
      const l = delivery.latency;
      console.log(
        `  ${side.padEnd(5)} ${String(editors).padStart(3)} editors: p50 ${l.p50.toFixed(1)} p95 ${l.p95.toFixed(1)} p99 ${l.p99.toFixed(1)} ms ` +
          `(${delivery.delivered}/${delivery.expected} delivered, lost ${delivery.lost}, errors ${delivery.errors}), ` +
          `server CPU ${((100 * figures.figures.cpuSeconds) / figures.figures.wallSeconds).toFixed(0)}%, ` +
          `editors' threads ${clientsElu.map((e) => `${(100 * e).toFixed(0)}%`).join('/')}, machine ${(100 * cpu.busy).toFixed(0)}%`,
      );
      await sleep(1_000); // let the server let go of the document's connections
      return result;
    };

    const phases: CollabPhase[] = [];
    for (const [i, editors] of SIZES.entries()) {
      // Alternate which server goes first, so a drift in the machine's load favours neither.
      const order: Side[] = i % 2 === 0 ? ['vigil', 'peer'] : ['peer', 'vigil'];
      for (const side of order) phases.push(await phase(side, editors));
    }

    check();
    console.log('Probing the append alone (servers idle)…');
    const probeDocument =
      (
        await bench.query<{ id: string }>(
          `INSERT INTO documents (case_id, kind, title, created_by)
           VALUES ($1, 'advice_to_sg', 'Append probe', $2) RETURNING id`,
          [seeded.caseId, lead],
        )
      ).rows[0]?.id ?? '';
    const probe = await probeAppend(db.url, probeDocument, lead, PROBE_CONCURRENCY, PROBE_SECONDS);

    const report = buildCollabReport(phases, probe, {
      cpu: os.cpus()[0]?.model.trim() ?? 'unknown',
      cores: os.cpus().length,
      memoryGiB: (os.totalmem() / 1024 ** 3).toFixed(1),
      platform: `${os.platform()} ${os.release()} ${os.arch()}`,
      node: process.version,
      pg: `PostgreSQL ${pgVersion} (${db.origin})`,
      loadAtStart,
      loadAtEnd: os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(' / '),
      seconds: Math.round((Date.now() - started) / 1000),
      setup: {
        charsPerSecond: CHARS_PER_SECOND,
        warmupMs: WARMUP_MS,
        durationMs: DURATION_MS,
        editorThreads: EDITOR_THREADS,
      },
    });
    console.log(`\n${report.terminal}`);
    console.log(`\nWritten to ${writeSection('collab', report.markdown)}`);
  } finally {
    await Promise.all(workers.map((w) => w.terminate().catch(() => 0)));
    await Promise.all(servers.map((s) => stopServer(s)));
    await pool?.end().catch(() => undefined);
    await db?.close().catch((e: unknown) => console.error('dropping the bench database:', e));
  }
}
