import { defineAbilitiesFor, type AppAbility, type Classification, type Role } from '@vigil/domain';
import { loadConfig, searchPlanFor, SESSION_OPTIONS } from '@vigil/server';
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import pg from 'pg';
import { createApp } from '../apps/api/src/create-app.js';
import {
  buildItemSearchSql,
  itemFilterSql,
  toPositional,
  type ItemSearchFilters,
} from '../libs/server/src/information/item-search.store.js';
import { freePort } from '../tools/db/embedded-postgres.js';
import { benchDatabase, ignoreIdleError, showSetting, type BenchDatabase } from './lib/database.js';
import { BENCH_DATA_KEY } from './lib/data-key.js';
import { writeSection, beginRun } from './lib/results.js';
import type { SearchHttpPass, SearchHttpWorkerData } from './lib/search-http-worker.js';
import {
  BENCH_PASSWORD,
  loadItems,
  relationSizes,
  seedPeopleAndCases,
  type BenchUser,
  type LoadStats,
  type RelationSize,
} from './lib/search-loader.js';
import {
  PAGE_SIZE,
  searchQueries,
  toQueryString,
  type QueryKind,
  type SearchQuery,
} from './lib/search-queries.js';
import { runSequence, type SequenceResult } from './lib/search-runner.js';
import {
  executionMs,
  countVariants,
  proposedVariant,
  runVariant,
  variantsOf,
  workedCases,
  type VariantContext,
} from './lib/search-variants.js';
import {
  COUNTRIES,
  PEOPLE_COUNT,
  RARE_TERMS,
  VILLAGES_PER_COUNTRY,
  WORDS,
  prng,
} from './lib/search-vocabulary.js';
import { fmt, markdownTable, percentile } from './lib/stats.js';

/**
 * Search benchmark (issue 4): a million synthetic information items, a rotating set of searches
 * with filters through `GET /api/information-items` and, in the same run, the same SQL
 * (`buildItemSearchSql`, what the api runs) sent with `pg`: p50/p95/p99 of both and their ratio,
 * load time and index sizes, the slowest queries and the plan of the slowest one.
 */

const ITEMS = envInt('BENCH_SEARCH_ITEMS', 1_000_000);
const ROUNDS = envInt('BENCH_SEARCH_ROUNDS', 3);
const CLIENT_COUNTS = [1, 4] as const;
const LOAD_BATCH = 50_000;
const POOL_SIZE = 10;
const JWT_SECRET = 'bench-secret-bench-secret-bench-secret-0'; // 40 characters
const TARGET_P95_MS = 100;
const TARGET_RATIO = 1.3;

function envInt(name: string, fallback: number): number {
  const v = Number.parseInt(process.env[name] ?? '', 10);
  return Number.isInteger(v) && v > 0 ? v : fallback;
}

interface Caller {
  label: 'adviser' | 'analyst';
  user: BenchUser;
  token: string;
  ability: AppAbility;
}

/** One (query, caller) pair: what both sides run. */
interface Job {
  query: SearchQuery;
  caller: Caller;
  filters: ItemSearchFilters;
  path: string;
  sql: string;
  params: unknown[];
  /** Items the caller may read that match (capped), for reading the figures. */
  matches: number;
  matchesCapped: boolean;
  /** Every word it searches for is in at least 1% of items (pg_stats). */
  commonWords: boolean;
}

interface SidePhase {
  clients: number;
  side: 'api' | 'raw';
  /** Job index of each request of the sequence. */
  order: number[];
  result: SequenceResult;
  /** Share of the measured api passes in which the main thread (the api) was busy. */
  apiEventLoop: number;
}

const MATCH_CAP = 10_000;

export async function run(signal: AbortSignal): Promise<void> {
  const { started, loadAtStart, check } = beginRun(signal);
  let db: BenchDatabase | null = null;
  let seedPool: pg.Pool | null = null;
  let rawPool: pg.Pool | null = null;
  let app: Awaited<ReturnType<typeof createApp>> | null = null;
  let closeHttp: () => Promise<void> = async () => undefined;
  try {
    console.log('Preparing the database…');
    db = await benchDatabase();
    seedPool = new pg.Pool({ connectionString: db.url, max: 4 });
    seedPool.on('error', ignoreIdleError);
    const pgInfo = await serverInfo(seedPool);
    const seeded = await seedPeopleAndCases(seedPool);
    check();

    const sessions = Math.max(1, Math.min(4, os.cpus().length));
    console.log(
      `Loading ${ITEMS.toLocaleString('en')} items (${sessions} sessions, batches of ${LOAD_BATCH.toLocaleString('en')})…`,
    );
    const load = await loadItems(seedPool, seeded, {
      total: ITEMS,
      batch: LOAD_BATCH,
      sessions,
      signal,
      onBatch: (done, seconds) => {
        if (done % 100_000 === 0 || done === ITEMS)
          console.log(
            `  ${done.toLocaleString('en').padStart(9)} items  ${seconds.toFixed(0).padStart(4)} s  ${fmt.rate(done / seconds)} items/s`,
          );
      },
    });
    console.log(
      `  loaded in ${load.insertSeconds.toFixed(0)} s (${fmt.rate(load.items / load.insertSeconds)} items/s), VACUUM ANALYZE ${load.vacuumSeconds.toFixed(0)} s`,
    );
    const sizes = await relationSizes(seedPool);
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
        LOGIN_RATE_LIMIT: '10000',
        ACCESS_TOKEN_TTL_SECONDS: '3600',
        DB_POOL_SIZE: String(POOL_SIZE),
      }),
    );
    await app.listen(port, '127.0.0.1');
    const baseUrl = `http://127.0.0.1:${port}`;
    const callers: Caller[] = [];
    for (const [label, user] of [
      ['adviser', seeded.adviser],
      ['analyst', seeded.analyst],
    ] as const) {
      callers.push({
        label,
        user,
        token: await signIn(baseUrl, user.email),
        ability: defineAbilitiesFor({
          id: user.id,
          roles: user.roles as Role[],
          clearance: user.clearance as Classification,
          organisationId: '',
          active: true,
        }),
      });
    }

    rawPool = new pg.Pool({
      connectionString: db.url,
      max: POOL_SIZE,
      application_name: 'vigil-bench-raw',
      // The same session settings as the api's pool: the same SQL under the same settings.
      options: SESSION_OPTIONS,
    });
    rawPool.on('error', ignoreIdleError);
    await Promise.all(Array.from({ length: POOL_SIZE }, () => rawPool?.query('SELECT 1')));

    console.log('Preparing the queries (second-page cursors, match counts, same answers)…');
    const queries = searchQueries(seeded);
    const jobs = await prepareJobs(baseUrl, seedPool, queries, callers);
    const mismatches = await compareAnswers(baseUrl, rawPool, jobs);
    if (mismatches.length)
      console.log(`  ${mismatches.length} answers differ, first: ${mismatches[0] ?? ''}`);
    else
      console.log(
        `  ${jobs.length} (query, caller) pairs: the api and raw SQL return the same items`,
      );
    check();

    const http = startHttpWorker(baseUrl);
    closeHttp = () => http.close();
    const phases: SidePhase[] = [];
    // Warm-up: one pass over every job on each side, not recorded.
    await runSide(http, 'api', 1, rawPool, jobs, rotation(jobs.length, 1, 99));
    await runSide(http, 'raw', 1, rawPool, jobs, rotation(jobs.length, 1, 99));
    for (const clients of CLIENT_COUNTS) {
      // The sides alternate round by round, so that a change in the machine's load (it is
      // shared) falls on both; each round is every job once, in an order of its own.
      const parts = { api: [] as SequenceResult[], raw: [] as SequenceResult[] };
      const orders: number[][] = [];
      let busy = 0;
      let idle = 0;
      for (let round = 0; round < ROUNDS; round += 1) {
        check();
        const order = rotation(jobs.length, 1, clients * 100 + round);
        orders.push(order);
        const elu0 = performance.eventLoopUtilization();
        parts.api.push(await runSide(http, 'api', clients, rawPool, jobs, order));
        const elu = performance.eventLoopUtilization(elu0);
        busy += elu.active;
        idle += elu.idle;
        parts.raw.push(await runSide(http, 'raw', clients, rawPool, jobs, order));
      }
      const eventLoop = busy / Math.max(1, busy + idle);
      for (const side of ['api', 'raw'] as const) {
        const result = mergeResults(parts[side]);
        phases.push({
          clients,
          side,
          order: orders.flat(),
          result,
          apiEventLoop: side === 'api' ? eventLoop : Number.NaN,
        });
        const s = latencySummary(result.latencies);
        console.log(
          `  ${clients} client${clients > 1 ? 's' : ' '} ${side.padEnd(3)} ${String(result.latencies.length).padStart(4)} requests in ${(result.elapsedMs / 1000).toFixed(1).padStart(5)} s: ` +
            `p50 ${fmt.ms(s.p50)} p95 ${fmt.ms(s.p95)} p99 ${fmt.ms(s.p99)} ms` +
            (side === 'api' ? ` (api event loop ${(100 * eventLoop).toFixed(0)}% busy)` : '') +
            (result.errors ? ` | ${result.errors} errors, first: ${result.firstError}` : ''),
        );
      }
    }
    check();

    const perJob = perJobLatencies(phases, jobs.length);
    const slowest = slowestJobs(perJob, jobs, 1);
    const worst = slowest[0];
    const plan = worst ? await explain(rawPool, jobs[worst.job] as Job) : null;
    console.log('Where the time goes: variants of the slowest queries, then the proposed SQL…');
    const worked = new Map<string, string[]>();
    for (const c of callers) worked.set(c.user.id, await workedCases(rawPool, c.user.id));
    // The two slowest, the slowest not ordered by relevance, and a plain list as the analyst.
    const probeJobs = [
      ...slowest.slice(0, 2).map((s) => s.job),
      slowest.find((s) => jobs[s.job]?.filters.sort !== 'relevance')?.job ?? -1,
      jobs.findIndex(
        (j) => j.caller.label === 'analyst' && Object.keys(j.query.filters).length === 1,
      ),
    ].filter((j, i, all) => j >= 0 && all.indexOf(j) === i);
    const probes = await investigate(rawPool, jobs, probeJobs, worked);
    const proposal = await proposedPass(db.url, rawPool, jobs, worked);
    const count = await countPass(http, jobs);
    const countProbes: Probe[] = [];
    for (const { job } of count.slowest.slice(0, 3)) {
      const variants: { name: string; ms: number }[] = [];
      for (const v of countVariants(variantContext(job, worked), MATCH_CAP))
        variants.push({ name: v.name, ms: await executionMs(rawPool, v) });
      countProbes.push({ job, variants });
    }

    const report = buildReport({
      load,
      sizes,
      phases,
      jobs,
      perJob,
      slowest,
      plan,
      probes,
      proposal,
      count,
      countProbes,
      mismatches,
      machine: machineInfo(pgInfo, db.origin, loadAtStart),
      seconds: Math.round((Date.now() - started) / 1000),
    });
    console.log(`\n${report.terminal}`);
    const file = writeSection('search', report.markdown);
    console.log(`\nWritten to ${file}`);
  } finally {
    await closeHttp().catch(() => undefined);
    await app?.close().catch((e: unknown) => console.error('closing the api:', e));
    await rawPool?.end().catch(() => undefined);
    await seedPool?.end().catch(() => undefined);
    await db?.close().catch((e: unknown) => console.error('dropping the bench database:', e));
  }
}

// ---------------------------------------------------------------------------------------------
// Jobs.

async function prepareJobs(
  baseUrl: string,
  pool: pg.Pool,
  queries: SearchQuery[],
  callers: Caller[],
): Promise<Job[]> {
  const jobs: Job[] = [];
  for (const query of queries) {
    for (const caller of callers) {
      let filters = query.filters;
      if (query.secondPage) {
        const first = await getJson(
          `${baseUrl}/api/information-items?${toQueryString(filters)}`,
          caller.token,
        );
        const cursor = (first as { nextCursor?: unknown }).nextCursor;
        if (typeof cursor !== 'string') throw new Error(`${query.name}: no second page`);
        filters = { ...filters, cursor };
      }
      // The plan the api would choose for these words, so the raw side runs the api's very SQL.
      const plan = await searchPlanFor(pool, filters.q);
      const { sql, params } = buildItemSearchSql(caller.ability, filters, plan);
      const parts = itemFilterSql(caller.ability, filters, plan);
      const counted = toPositional(
        `SELECT count(*)::int AS n FROM (SELECT 1 FROM ${parts.from} WHERE ${parts.where.join(' AND ')} LIMIT ${MATCH_CAP + 1}) t`,
        parts.params,
      );
      const n = (await pool.query<{ n: number }>(counted.sql, counted.params)).rows[0]?.n ?? 0;
      jobs.push({
        query,
        caller,
        filters,
        path: `/api/information-items?${toQueryString(filters)}`,
        sql,
        params,
        matches: Math.min(n, MATCH_CAP),
        matchesCapped: n > MATCH_CAP,
        commonWords: (plan.rarestWordShare ?? 0) >= 0.01,
      });
    }
  }
  return jobs;
}

/** The api's page and the raw SQL's first PAGE_SIZE rows must be the same items in the same order. */
async function compareAnswers(baseUrl: string, pool: pg.Pool, jobs: Job[]): Promise<string[]> {
  const differ: string[] = [];
  for (const job of jobs) {
    const page = (await getJson(`${baseUrl}${job.path}`, job.caller.token)) as {
      items: { id: string }[];
    };
    const rows = (await pool.query<{ id: string }>(job.sql, job.params)).rows;
    const api = page.items.map((i) => i.id).join(',');
    const raw = rows
      .slice(0, PAGE_SIZE)
      .map((r) => r.id)
      .join(',');
    if (api !== raw) differ.push(`${job.query.name} as ${job.caller.label}`);
  }
  return differ;
}

/**
 * `rounds` passes over the jobs, each in a different order (a fixed shuffle per round), so that
 * concurrent clients meet different neighbours and caches see a rotating mix.
 */
function rotation(jobCount: number, rounds: number, seed: number): number[] {
  const random = prng(seed);
  const order: number[] = [];
  for (let r = 0; r < rounds; r += 1) {
    const round = Array.from({ length: jobCount }, (_, i) => i);
    for (let i = round.length - 1; i > 0; i -= 1) {
      const j = Math.floor(random() * (i + 1));
      [round[i], round[j]] = [round[j] as number, round[i] as number];
    }
    order.push(...round);
  }
  return order;
}

async function runSide(
  http: HttpWorker,
  side: 'api' | 'raw',
  clients: number,
  pool: pg.Pool,
  jobs: Job[],
  order: number[],
): Promise<SequenceResult> {
  const jobAt = (i: number): Job => {
    const job = jobs[order[i] ?? -1];
    if (!job) throw new Error(`no job for request ${i}`);
    return job;
  };
  if (side === 'raw') {
    return runSequence(order.length, clients, async (i) => {
      const job = jobAt(i);
      await pool.query(job.sql, job.params);
    });
  }
  return http.pass({
    clients,
    requests: order.map((_, i) => ({ path: jobAt(i).path, token: jobAt(i).caller.token })),
  });
}

function mergeResults(parts: SequenceResult[]): SequenceResult {
  const latencies = new Float64Array(parts.reduce((n, p) => n + p.latencies.length, 0));
  let offset = 0;
  for (const p of parts) {
    latencies.set(p.latencies, offset);
    offset += p.latencies.length;
  }
  return {
    latencies,
    elapsedMs: parts.reduce((n, p) => n + p.elapsedMs, 0),
    errors: parts.reduce((n, p) => n + p.errors, 0),
    firstError: parts.find((p) => p.firstError)?.firstError ?? null,
  };
}

/** The HTTP load generator: one worker thread for the whole run, one pass per message. */
interface HttpWorker {
  pass(pass: SearchHttpPass): Promise<SequenceResult>;
  close(): Promise<void>;
}

function startHttpWorker(baseUrl: string): HttpWorker {
  const data: SearchHttpWorkerData = { baseUrl };
  const worker = new Worker(new URL('./lib/search-http-worker.ts', import.meta.url), {
    workerData: data,
  });
  let failure: Error | null = null;
  let pending: { resolve: (r: SequenceResult) => void; reject: (e: Error) => void } | null = null;
  worker.on('message', (result: SequenceResult) => {
    const p = pending;
    pending = null;
    p?.resolve(result);
  });
  const fail = (e: Error) => {
    failure = e;
    const p = pending;
    pending = null;
    p?.reject(e);
  };
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`load worker exited with code ${code}`)));
  return {
    pass(pass) {
      if (failure) return Promise.reject(failure);
      return new Promise((resolve, reject) => {
        pending = { resolve, reject };
        worker.postMessage(pass);
      });
    },
    async close() {
      await worker.terminate();
    },
  };
}

async function getJson(url: string, token: string): Promise<unknown> {
  const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`GET ${url}: ${res.status} ${text.slice(0, 300)}`);
  return JSON.parse(text) as unknown;
}

async function signIn(baseUrl: string, email: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: BENCH_PASSWORD }),
  });
  const body = (await res.json()) as { accessToken?: unknown };
  if (res.status !== 200 || typeof body.accessToken !== 'string')
    throw new Error(`login ${email}: ${res.status} ${JSON.stringify(body)}`);
  return body.accessToken;
}

// ---------------------------------------------------------------------------------------------
// Figures.

interface Latency {
  n: number;
  p50: number;
  p95: number;
  p99: number;
}

function latencySummary(values: ArrayLike<number>): Latency {
  const sorted = Float64Array.from(values)
    .filter((v) => !Number.isNaN(v))
    .sort();
  return {
    n: sorted.length,
    p50: percentile(sorted, 0.5),
    p95: percentile(sorted, 0.95),
    p99: percentile(sorted, 0.99),
  };
}

/** Latencies of each job, per (clients, side). */
type PerJob = Map<string, number[][]>;

function perJobLatencies(phases: SidePhase[], jobCount: number): PerJob {
  const out: PerJob = new Map();
  for (const p of phases) {
    const lists = Array.from({ length: jobCount }, () => [] as number[]);
    p.order.forEach((j, i) => {
      const v = p.result.latencies[i];
      if (v !== undefined && !Number.isNaN(v)) lists[j]?.push(v);
    });
    out.set(`${p.clients}/${p.side}`, lists);
  }
  return out;
}

interface SlowJob {
  job: number;
  api: Latency;
  raw: Latency;
}

/** Jobs by their api median at `clients` clients, slowest first. */
function slowestJobs(perJob: PerJob, jobs: Job[], clients: number): SlowJob[] {
  const api = perJob.get(`${clients}/api`) ?? [];
  const raw = perJob.get(`${clients}/raw`) ?? [];
  return jobs
    .map((_, j) => ({
      job: j,
      api: latencySummary(api[j] ?? []),
      raw: latencySummary(raw[j] ?? []),
    }))
    .sort((a, b) => b.api.p50 - a.api.p50);
}

/** EXPLAIN (ANALYZE, BUFFERS) of one job's SQL, as PostgreSQL prints it. */
async function explain(pool: pg.Pool, job: Job): Promise<{ job: Job; lines: string[] }> {
  const res = await pool.query<{ 'QUERY PLAN': string }>(
    `EXPLAIN (ANALYZE, BUFFERS) ${job.sql}`,
    job.params,
  );
  return { job, lines: res.rows.map((r) => r['QUERY PLAN']) };
}

// ---------------------------------------------------------------------------------------------
// Where the time goes: scratch variants of the slowest queries, timed in the database, and the
// proposed changes over the whole set (the api's SQL is not changed here).

interface Probe {
  job: Job;
  variants: { name: string; ms: number }[];
}

async function investigate(
  pool: pg.Pool,
  jobs: Job[],
  indexes: number[],
  worked: Map<string, string[]>,
): Promise<Probe[]> {
  const probes: Probe[] = [];
  for (const j of indexes) {
    const job = jobs[j];
    if (!job) continue;
    const variants: { name: string; ms: number }[] = [];
    for (const v of variantsOf(variantContext(job, worked)))
      variants.push({ name: v.name, ms: await executionMs(pool, v) });
    probes.push({ job, variants });
  }
  return probes;
}

function variantContext(job: Job, worked: Map<string, string[]>): VariantContext {
  return {
    ability: job.caller.ability,
    filters: job.filters,
    workedCaseIds: worked.get(job.caller.user.id) ?? [],
    commonWords: job.commonWords,
  };
}

interface ProposedPass {
  /** Raw SQL as the api runs it, and the proposed SQL with work_mem 32MB: one client, one pass each after a warm-up pass. */
  current: SequenceResult;
  proposed: SequenceResult;
  /** Jobs whose proposed answer differs (relevance ones are expected to: they rank fewer rows). */
  differ: string[];
  relevanceJobs: number;
}

async function proposedPass(
  url: string,
  current: pg.Pool,
  jobs: Job[],
  worked: Map<string, string[]>,
): Promise<ProposedPass> {
  const pool = new pg.Pool({
    connectionString: url,
    max: 1,
    options: '-c work_mem=32MB',
    application_name: 'vigil-bench-proposed',
  });
  pool.on('error', ignoreIdleError);
  try {
    const proposed = jobs.map((job) => proposedVariant('proposed', variantContext(job, worked)));
    const differ: string[] = [];
    for (const [i, job] of jobs.entries()) {
      const p = proposed[i];
      if (!p) continue;
      const a = (await current.query<{ id: string }>(job.sql, job.params)).rows.map((r) => r.id);
      const b = (await runVariant(pool, p)).map((r) => r.id);
      // A page is the first PAGE_SIZE rows; the extra row only says whether more exist.
      if (
        a.slice(0, PAGE_SIZE).join() !== b.slice(0, PAGE_SIZE).join() ||
        a.length > PAGE_SIZE !== b.length > PAGE_SIZE
      )
        differ.push(jobName(job));
    }
    const run = (side: 'current' | 'proposed') =>
      runSequence(jobs.length, 1, async (i) => {
        const job = jobs[i];
        const p = proposed[i];
        if (!job || !p) throw new Error(`no job ${i}`);
        if (side === 'current') await current.query(job.sql, job.params);
        else await runVariant(pool, p);
      });
    const currentResult = await run('current');
    const proposedResult = await run('proposed');
    return {
      current: currentResult,
      proposed: proposedResult,
      differ,
      relevanceJobs: jobs.filter((j) => j.filters.sort === 'relevance').length,
    };
  } finally {
    await pool.end().catch(() => undefined);
  }
}

/** The web app asks for the count beside each page: one pass over the jobs, one client. */
async function countPass(
  http: HttpWorker,
  jobs: Job[],
): Promise<{ all: Latency; slowest: { job: Job; ms: number }[] }> {
  const requests = jobs.map((j) => ({
    path: j.path.replace('/api/information-items?', '/api/information-items/count?'),
    token: j.caller.token,
  }));
  const result = await http.pass({ clients: 1, requests });
  const slowest = jobs
    .map((job, i) => ({ job, ms: result.latencies[i] ?? Number.NaN }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 5);
  return { all: latencySummary(result.latencies), slowest };
}

// ---------------------------------------------------------------------------------------------
// Reporting.

interface PgInfo {
  version: string;
  sharedBuffers: string;
  workMem: string;
  jit: string;
}

async function serverInfo(pool: pg.Pool): Promise<PgInfo> {
  const show = (name: string) => showSetting(pool, name);
  return {
    version: await show('server_version'),
    sharedBuffers: await show('shared_buffers'),
    workMem: await show('work_mem'),
    jit: await show('jit'),
  };
}

interface Machine {
  line: string;
}

function machineInfo(pgInfo: PgInfo, dbOrigin: string, loadAtStart: string): Machine {
  const cpu = os.cpus()[0]?.model.trim() ?? 'unknown';
  return {
    line:
      `${cpu}, ${os.cpus().length} cores, ${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB memory ` +
      `(${os.platform()} ${os.release()} ${os.arch()}; load average at start ${loadAtStart}); Node ${process.version}; ` +
      `PostgreSQL ${pgInfo.version} (${dbOrigin}; shared_buffers=${pgInfo.sharedBuffers}, work_mem=${pgInfo.workMem}, jit=${pgInfo.jit})`,
  };
}

function mib(bytes: number): string {
  return (bytes / 1024 ** 2).toFixed(1);
}

interface ReportInput {
  load: LoadStats;
  sizes: RelationSize[];
  phases: SidePhase[];
  jobs: Job[];
  perJob: PerJob;
  slowest: SlowJob[];
  plan: { job: Job; lines: string[] } | null;
  probes: Probe[];
  proposal: ProposedPass;
  countProbes: Probe[];
  count: { all: Latency; slowest: { job: Job; ms: number }[] };
  mismatches: string[];
  machine: Machine;
  seconds: number;
}

function jobName(job: Job): string {
  return `${job.query.name} (${job.caller.label})`;
}

function buildReport(r: ReportInput): { terminal: string; markdown: string } {
  const distinct = new Set(r.jobs.map((j) => j.query.name)).size;
  const loadLine =
    `Load: ${r.load.items.toLocaleString('en')} items, ${r.load.caseLinks.toLocaleString('en')} case links, ` +
    `${r.load.indicatorTags.toLocaleString('en')} indicator tags in ${r.load.insertSeconds.toFixed(0)} s ` +
    `(${fmt.rate(r.load.items / r.load.insertSeconds)} items/s with every index and constraint of the migration in place), ` +
    `then VACUUM ANALYZE ${r.load.vacuumSeconds.toFixed(0)} s.`;
  const sizeTable = markdownTable(
    ['table', 'relation', 'MiB'],
    r.sizes.map((s) => [s.table, s.name, mib(s.bytes)]),
  );
  const indexTotal = r.sizes.filter((s) => s.kind === 'index').reduce((n, s) => n + s.bytes, 0);

  // Overall latencies and targets.
  const rows: string[][] = [];
  const verdicts: string[] = [];
  for (const clients of CLIENT_COUNTS) {
    const api = r.phases.find((p) => p.clients === clients && p.side === 'api');
    const raw = r.phases.find((p) => p.clients === clients && p.side === 'raw');
    if (!api || !raw) continue;
    const a = latencySummary(api.result.latencies);
    const b = latencySummary(raw.result.latencies);
    const ratio95 = a.p95 / b.p95;
    const p95Ok = a.p95 < TARGET_P95_MS;
    const ratioOk = ratio95 <= TARGET_RATIO;
    rows.push([
      String(clients),
      String(a.n),
      fmt.ms(a.p50),
      fmt.ms(a.p95),
      fmt.ms(a.p99),
      fmt.ms(b.p50),
      fmt.ms(b.p95),
      fmt.ms(b.p99),
      fmt.ratio(a.p50 / b.p50),
      fmt.ratio(ratio95),
      `${(100 * api.apiEventLoop).toFixed(0)}%`,
      p95Ok ? 'yes' : 'no',
      ratioOk ? 'yes' : 'no',
    ]);
    verdicts.push(
      `${clients} client${clients > 1 ? 's' : ''}: api p95 < ${TARGET_P95_MS} ms ${p95Ok ? 'MET' : 'MISSED'} (${fmt.ms(a.p95)} ms); ` +
        `api p95 ≤ ${TARGET_RATIO}× raw ${ratioOk ? 'MET' : 'MISSED'} (${fmt.ratio(ratio95)}×)` +
        (api.result.errors || raw.result.errors
          ? `; errors api ${api.result.errors} raw ${raw.result.errors} (${api.result.firstError ?? raw.result.firstError})`
          : ''),
    );
  }
  const table = markdownTable(
    [
      'clients',
      'requests',
      'api p50',
      'api p95',
      'api p99',
      'raw p50',
      'raw p95',
      'raw p99',
      'ratio p50',
      'ratio p95',
      'api loop busy',
      `p95 < ${TARGET_P95_MS}`,
      `≤ ${TARGET_RATIO}×`,
    ],
    rows,
  );

  // Per kind, 1 client.
  const kinds = [...new Set(r.jobs.map((j) => j.query.kind))] as QueryKind[];
  const kindRows = kinds.map((kind) => {
    const idx = r.jobs.flatMap((j, i) => (j.query.kind === kind ? [i] : []));
    const gather = (key: string) => idx.flatMap((i) => r.perJob.get(key)?.[i] ?? []);
    const a1 = latencySummary(gather('1/api'));
    const b1 = latencySummary(gather('1/raw'));
    const a4 = latencySummary(gather('4/api'));
    const b4 = latencySummary(gather('4/raw'));
    return [
      kind,
      String(idx.length / 2),
      fmt.ms(a1.p50),
      fmt.ms(a1.p95),
      fmt.ms(b1.p95),
      fmt.ms(a4.p95),
      fmt.ms(b4.p95),
    ];
  });
  const kindTable = markdownTable(
    ['kind', 'queries', 'api p50 (1)', 'api p95 (1)', 'raw p95 (1)', 'api p95 (4)', 'raw p95 (4)'],
    kindRows,
  );

  // Slowest queries, 1 client.
  const slowTable = markdownTable(
    ['query (caller)', 'matches', 'api p50', 'api max', 'raw p50', 'raw max', 'api − raw p50'],
    r.slowest.slice(0, 10).map((s) => {
      const job = r.jobs[s.job] as Job;
      return [
        jobName(job),
        `${job.matches.toLocaleString('en')}${job.matchesCapped ? '+' : ''}`,
        fmt.ms(s.api.p50),
        fmt.ms(percentileOf(r.perJob.get('1/api')?.[s.job] ?? [], 1)),
        fmt.ms(s.raw.p50),
        fmt.ms(percentileOf(r.perJob.get('1/raw')?.[s.job] ?? [], 1)),
        fmt.ms(s.api.p50 - s.raw.p50),
      ];
    }),
  );
  const overhead = r.slowest.map((s) => s.api.p50 - s.raw.p50).filter((v) => Number.isFinite(v));
  const overheadMedian = percentile(Float64Array.from(overhead).sort(), 0.5);
  const cheap = r.slowest.filter((x) => x.raw.p50 < 5);
  const cheapOverhead = percentile(
    Float64Array.from(cheap.map((x) => x.api.p50 - x.raw.p50)).sort(),
    0.5,
  );
  const overheadLine =
    `Median api − raw over all (query, caller) pairs at 1 client: ${fmt.ms(overheadMedian)} ms; ` +
    `over the ${cheap.length} pairs whose raw median is under 5 ms (the api's own cost: HTTP, token and user lookup, validation, JSON of ${PAGE_SIZE} items): ${fmt.ms(cheapOverhead)} ms.`;

  const countProbeTable = markdownTable(
    ['count (caller)', 'variant', 'execution ms'],
    r.countProbes.flatMap((p) => p.variants.map((v) => [jobName(p.job), v.name, fmt.ms(v.ms)])),
  );
  const probeTable = markdownTable(
    ['query (caller)', 'variant', 'execution ms'],
    r.probes.flatMap((p) => p.variants.map((v) => [jobName(p.job), v.name, fmt.ms(v.ms)])),
  );
  const planText = r.plan ? summarisePlan(r.plan.lines) : [];
  const cur = latencySummary(r.proposal.current.latencies);
  const prop = latencySummary(r.proposal.proposed.latencies);
  const proposalTable = markdownTable(
    ['raw SQL, 1 client, one pass', 'p50', 'p95', 'p99', 'max'],
    [
      ['as the api runs it', cur, r.proposal.current.latencies],
      ['proposed changes + work_mem 32MB', prop, r.proposal.proposed.latencies],
    ].map(([name, l, all]) => {
      const x = l as Latency;
      return [
        name as string,
        fmt.ms(x.p50),
        fmt.ms(x.p95),
        fmt.ms(x.p99),
        fmt.ms(percentileOf([...(all as Float64Array)], 1)),
      ];
    }),
  );
  const proposalLine =
    `Proposed = the page CTE selects ids and sort keys only (rows read after); the caller's cases passed as an array in the access rules; ` +
    `the source-identity rule evaluated once per source of the page; by relevance, the newest 2,000 matches ranked; ` +
    `newest first over words that are all in at least 1% of items (pg_stats lexeme frequencies), no bitmap scans (SET LOCAL enable_bitmapscan = off); work_mem 32MB. ` +
    `Same answers as today for ${r.jobs.length - r.proposal.differ.length} of ${r.jobs.length} (query, caller) pairs` +
    (r.proposal.differ.length
      ? `; different: ${r.proposal.differ.join(', ')} (${r.proposal.relevanceJobs} relevance-ordered pairs are expected to differ: fewer rows are ranked).`
      : '.');
  const byCaller = (label: string) => {
    const idx = r.jobs.flatMap((j, i) => (j.caller.label === label ? [i] : []));
    const medians = idx.map((i) => latencySummary(r.perJob.get('1/raw')?.[i] ?? []).p50);
    return percentile(Float64Array.from(medians).sort(), 0.5);
  };
  const callerLine = `Median over queries of the raw median at 1 client: adviser ${fmt.ms(byCaller('adviser'))} ms, analyst ${fmt.ms(byCaller('analyst'))} ms (same queries; the analyst's access rules differ).`;
  const countLine =
    `Count endpoint (\`GET /api/information-items/count\`, capped at 10,000, which the web app requests beside each page), one pass at 1 client: ` +
    `p50 ${fmt.ms(r.count.all.p50)} p95 ${fmt.ms(r.count.all.p95)} p99 ${fmt.ms(r.count.all.p99)} ms; slowest: ` +
    r.count.slowest.map((s) => `${jobName(s.job)} ${fmt.ms(s.ms)} ms`).join(', ') +
    '.';
  const answers = r.mismatches.length
    ? `Answers: ${r.mismatches.length} of ${r.jobs.length} queries differ between the api and the raw SQL (${r.mismatches.slice(0, 3).join('; ')}).`
    : `Answers: for all ${r.jobs.length} (query, caller) pairs the api returned exactly the items of the raw SQL, in the same order.`;

  const intro =
    `Corpus: ${r.load.items.toLocaleString('en')} synthetic items (${WORDS.length} precursor words and expressions drawn with Zipf frequencies, ${RARE_TERMS.length} rare terms, ${PEOPLE_COUNT} named people, ${COUNTRIES.length * VILLAGES_PER_COUNTRY} places in ${COUNTRIES.length} countries skewed towards a few, 5 years of event dates, six kinds, grades A–F/1–6, 85% unclassified), 200 cases, 30% of items linked to a case, half tagged with 1–3 indicators. ` +
    `Queries: ${distinct} distinct searches (words common and rare, two words, phrases, or, negation, every filter alone and combined, relevance order, a second page), each as an adviser (strictly confidential clearance: a classification test) and as an analyst (confidential; classified items only when they wrote them or work a linked case), ${PAGE_SIZE} items a page as the web app asks. ` +
    `Measured: one warm-up pass, then ${ROUNDS} passes in a different order each, closed loop at 1 and 4 clients; api = \`GET /api/information-items\` on the in-process api (Nest + Fastify, DB_POOL_SIZE=${POOL_SIZE}) from a worker thread with keep-alive; raw = the same SQL (\`buildItemSearchSql\`) and parameters with \`pg\` (Pool of ${POOL_SIZE}) in the main thread.`;
  const terminal = [
    loadLine,
    `Sizes (indexes ${mib(indexTotal)} MiB in all):`,
    sizeTable,
    '',
    table,
    '',
    ...verdicts,
    answers,
    '',
    'Per kind of query:',
    kindTable,
    '',
    'Slowest queries at 1 client (by api median):',
    slowTable,
    overheadLine,
    '',
    callerLine,
    countLine,
    countProbeTable,
    '',
    'Where the time goes (variants of the slowest queries, server execution time):',
    probeTable,
    '',
    proposalTable,
    proposalLine,
    '',
    r.plan ? `Plan of the slowest query, ${jobName(r.plan.job)}:` : '',
    ...planText,
  ].join('\n');
  const markdown = [
    `Date: ${new Date().toISOString()}  `,
    `Machine: ${r.machine.line}  `,
    'Command: `npm run bench -- search`  ',
    `Run took ${r.seconds} s.`,
    '',
    intro,
    '',
    `${loadLine} Index sizes (${mib(indexTotal)} MiB in all):`,
    '',
    sizeTable,
    '',
    table,
    '',
    ...verdicts.map((v) => `${v}  `),
    answers,
    '',
    'Per kind of query (p95 over every run of the kind, both callers; ms):',
    '',
    kindTable,
    '',
    'Slowest queries at 1 client (ms; matches = items the caller may read, capped at 10,000):',
    '',
    slowTable,
    '',
    overheadLine,
    '',
    callerLine,
    '',
    countLine,
    '',
    "Where the time goes: variants of the slowest queries, and one (no filter) query as the analyst, timed in the database (EXPLAIN ANALYZE execution time, median of 3 under 500 ms; the variants are scratch rewrites of the api's SQL made by the benchmark, bench/lib/search-variants.ts):",
    '',
    probeTable,
    '',
    'The proposed changes together, over every (query, caller) pair (raw SQL, 1 client, one pass after the measurements):',
    '',
    proposalTable,
    '',
    proposalLine,
    '',
    r.plan ? `Plan of the slowest query, ${jobName(r.plan.job)}:` : '',
    '',
    '```',
    ...planText,
    '```',
  ].join('\n');
  return { terminal, markdown };
}

function percentileOf(values: number[], q: number): number {
  return percentile(Float64Array.from(values).sort(), q);
}

/** The plan without the repeated subplans' detail: the first 40 lines and the totals. */
function summarisePlan(lines: string[]): string[] {
  const head = lines.slice(0, 40);
  const tail = lines.filter((l) => /^(Planning|Execution) Time|^JIT/.test(l.trim()));
  return lines.length > 40 ? [...head, `  … ${lines.length - 40} more lines`, ...tail] : head;
}
