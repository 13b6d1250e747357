import os from 'node:os';
import pg from 'pg';
import { freePort } from '../tools/db/embedded-postgres.js';
import { benchDatabase, ignoreIdleError, showSetting, type BenchDatabase } from './lib/database.js';
import { measure, type PhaseFigures, type Target } from './lib/api-load.js';
import { machineBusyOver, startApi, type ApiProcess } from './lib/api-process.js';
import { buildReport, TARGET_P99_MS, type RouteRow, type ScaleRow } from './lib/api-report.js';
import {
  CASE_LIST_QUERY,
  readRoutes,
  writeRoutes,
  type PatchTally,
  type Reader,
  type RouteSpec,
  type Writer,
} from './lib/api-routes.js';
import { BENCH_PASSWORD, PEOPLE, seedApiData, WRITERS } from './lib/api-seed.js';
import { loadItems } from './lib/search-loader.js';
import { writeSection, beginRun } from './lib/results.js';
import { fmt } from './lib/stats.js';

/**
 * Api benchmark (issue 7): a seeded database (500 situations, 200,000 information items, 1,000
 * people), the api as a real process, autocannon at 50 connections on the main read and write
 * routes and, in the same run and process, the bare `GET /api/health/live` as the framework
 * floor; then the floor and the reads against two api processes on the same database at once.
 */

const ITEMS = envInt('BENCH_API_ITEMS', 200_000);
const SECONDS = envInt('BENCH_API_SECONDS', 10);
const WARMUP_SECONDS = envInt('BENCH_API_WARMUP', 3);
const CONNECTIONS = 50;
const PER_INSTANCE = CONNECTIONS / 2;
const POOL_SIZE = 20;
const JWT_SECRET = 'bench-secret-bench-secret-bench-secret-0'; // 40 characters
/** High enough never to refuse a benchmark write (the default is 600 per person per minute). */
const WRITE_RATE_LIMIT = 100_000;
/** Analysts among the readers (the first writers), the rest advisers. */
const READING_ANALYSTS = 8;

function envInt(name: string, fallback: number): number {
  const v = Number.parseInt(process.env[name] ?? '', 10);
  return Number.isInteger(v) && v > 0 ? v : fallback;
}

export async function run(signal: AbortSignal): Promise<void> {
  const { started, loadAtStart, check } = beginRun(signal);
  let db: BenchDatabase | null = null;
  let pool: pg.Pool | null = null;
  const apis: ApiProcess[] = [];
  try {
    console.log('Preparing the database…');
    db = await benchDatabase();
    pool = new pg.Pool({ connectionString: db.url, max: 4 });
    pool.on('error', ignoreIdleError);
    const pgVersion = await showSetting(pool, 'server_version');
    const t0 = performance.now();
    const seed = await seedApiData(pool);
    console.log(
      `  ${seed.counts.users} people, ${seed.counts.cases} situations, ${seed.counts.members} memberships, ${seed.counts.notifications} notifications`,
    );
    check();
    const load = await loadItems(pool, seed.itemSeed, {
      total: ITEMS,
      batch: 25_000,
      sessions: Math.max(1, Math.min(4, os.cpus().length)),
      signal,
      onBatch: (done, seconds) => {
        if (done % 50_000 === 0 || done === ITEMS)
          console.log(
            `  ${done.toLocaleString('en').padStart(7)} items  ${seconds.toFixed(0).padStart(3)} s`,
          );
      },
    });
    const seedSeconds = (performance.now() - t0) / 1000;
    check();

    const env = {
      DATABASE_URL: db.url,
      JWT_SECRET,
      LOG_LEVEL: 'warn',
      DB_POOL_SIZE: String(POOL_SIZE),
      WRITE_RATE_LIMIT: String(WRITE_RATE_LIMIT),
      LOGIN_RATE_LIMIT: '10000',
      ACCESS_TOKEN_TTL_SECONDS: '3600',
    };
    console.log('Starting the api process…');
    const a = await startApi(await freePort(), env);
    apis.push(a);
    const readers: Reader[] = [];
    for (const user of [...seed.writers.slice(0, READING_ANALYSTS), ...seed.advisers])
      readers.push(await prepareReader(a.url, user.email));
    const writers: Writer[] = [];
    for (const [i, user] of seed.writers.entries()) {
      const token = await signIn(a.url, user.email);
      const cases = [];
      for (const c of seed.writerCases[i] ?? []) {
        const body = await getJson(a.url, `/api/cases/${c.id}`, token);
        cases.push({ id: c.id, country: c.country, version: Number(body.version) });
      }
      writers.push({ token, sourceId: seed.writerSources[i] ?? '', cases });
    }
    const tally: PatchTally = { ok: 0, stale: 0 };
    const reads = readRoutes(readers);
    const writes = writeRoutes(writers, tally, async () => {
      for (const w of writers)
        for (const c of w.cases)
          c.version = Number((await getJson(a.url, `/api/cases/${c.id}`, w.token)).version);
    });
    for (const route of reads) await probe(a.url, route);
    check();

    const phase = async (route: RouteSpec, targets: Target[]): Promise<PhaseFigures> => {
      check();
      const f = await measure(route, targets, WARMUP_SECONDS, SECONDS);
      console.log(
        `  ${route.key.padEnd(12)} ${targets.length} api ${fmt.rate(f.rps).padStart(6)} req/s  p50 ${fmt.ms(f.p50).padStart(6)}  p99 ${fmt.ms(f.p99).padStart(6)} ms  ` +
          `non-2xx ${f.non2xx}${f.errors ? ` errors ${f.errors}` : ''}  api CPU ${f.apiCores.map((c) => c.toFixed(2)).join('+')}  generator ${(100 * f.generatorBusy).toFixed(0)}%`,
      );
      return f;
    };
    const one: Target[] = [{ api: a, connections: CONNECTIONS, firstSlot: 0 }];
    // The machine is shared: how busy it was with nothing of ours running, just before measuring.
    const quiet = await machineBusyOver(3000);
    console.log(`Machine CPU busy before measuring (others' work): ${(100 * quiet).toFixed(0)}%`);
    console.log(
      `Measuring every route on one api (${CONNECTIONS} connections, ${WARMUP_SECONDS} s warm-up + ${SECONDS} s)…`,
    );
    const rows: RouteRow[] = [];
    for (const route of [...reads, ...writes])
      rows.push({ route, figures: await phase(route, one) });
    const floorAgain = await phase(reads[0] as RouteSpec, one);
    // Each read alone, one connection: what a request costs without queueing behind 49 others.
    console.log('The floor and the reads at one connection (1 s warm-up + 3 s)…');
    for (const row of rows.filter((r) => r.route.kind !== 'write')) {
      check();
      row.single = await measure(row.route, [{ api: a, connections: 1, firstSlot: 0 }], 1, 3);
      console.log(
        `  ${row.route.key.padEnd(12)} p50 ${fmt.ms(row.single.p50)}  p99 ${fmt.ms(row.single.p99)} ms`,
      );
    }

    console.log('Starting a second api process on the same database…');
    const b = await startApi(await freePort(), env);
    apis.push(b);
    const two: Target[] = [
      { api: a, connections: PER_INSTANCE, firstSlot: 0 },
      { api: b, connections: PER_INSTANCE, firstSlot: PER_INSTANCE },
    ];
    const scale: ScaleRow[] = [];
    for (const route of reads) {
      const oneFigures = await phase(route, one);
      scale.push({ route, one: oneFigures, two: await phase(route, two) });
    }

    const machine =
      `${os.cpus()[0]?.model.trim() ?? 'unknown'}, ${os.cpus().length} cores, ${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB memory ` +
      `(${os.platform()} ${os.release()} ${os.arch()}; load average at start ${loadAtStart}; ` +
      `CPU ${(100 * quiet).toFixed(0)}% busy with others' work over 3 s before measuring); Node ${process.version}`;
    const report = buildReport({
      date: new Date().toISOString(),
      machine,
      database: `PostgreSQL ${pgVersion} (${db.origin}); a fresh database, dropped afterwards`,
      seed:
        `Seeded in bulk SQL in ${seedSeconds.toFixed(0)} s: ${seed.counts.users} people (${PEOPLE.analyst} analysts, ${PEOPLE.adviser} advisers, ` +
        `${PEOPLE.framework_team} Framework Team members in 22 UN entities, ${PEOPLE.admin} admins; clearances mixed), ${seed.counts.cases} situations ` +
        `(55% monitoring, 20% alert, 12% recommendation, 5% mobilisation, 8% closed; 20% unclassified, 70% confidential, 10% strictly confidential; ` +
        `a lead and 1–4 members each, ${seed.counts.members} memberships), ${load.items.toLocaleString('en')} information items ` +
        `(the search benchmark's generator: ${load.caseLinks.toLocaleString('en')} links to situations, ${load.indicatorTags.toLocaleString('en')} indicator tags) ` +
        `and ${seed.counts.notifications.toLocaleString('en')} notifications. Situations carry no workflow snapshot (no route measured here reads one).`,
      setup:
        `The api runs as its own process, in its own session as a process manager would start it (\`node --import @swc-node/register/esm-register apps/api/src/main.ts\`, NODE_ENV=production, ` +
        `LOG_LEVEL=warn, DB_POOL_SIZE=${POOL_SIZE}, **WRITE_RATE_LIMIT=${WRITE_RATE_LIMIT}** so that the per-person write limit never refuses a benchmark write); ` +
        `autocannon 9 runs in the bench's process: ${CONNECTIONS} connections, ${WARMUP_SECONDS} s warm-up then ${SECONDS} s measured per route. ` +
        `Reads are spread over ${readers.length} people (${READING_ANALYSTS} analysts, ${readers.length - READING_ANALYSTS} advisers), each connection on one person; ` +
        `writes over ${WRITERS} analysts, each connection editing a situation of its own. requests/s counts 2xx answers; p50/p99 are over every answer ` +
        `(autocannon's per-response times, merged exactly across instances). ÷ floor is the route's requests/s over the floor's, measured by the same process in the same run. ` +
        `api CPU is CPU seconds of the api process over wall seconds (1.00 = one core), and per request its CPU time per 2xx answer (what a request costs the ` +
        `process, whatever else the machine is doing); load generator busy is the bench process's event-loop utilisation; machine CPU busy counts every process (PostgreSQL and others' work included).`,
      rows,
      floorAgain,
      scale,
      connections: CONNECTIONS,
      perInstance: PER_INSTANCE,
      patch: tally,
      seconds: Math.round((Date.now() - started) / 1000),
    });
    console.log(`\n${report.terminal}`);
    const file = writeSection('api', report.markdown);
    console.log(`\nWritten to ${file} (target p99 < ${TARGET_P99_MS} ms on reads).`);
  } finally {
    for (const api of apis) await api.stop().catch(() => undefined);
    await pool?.end().catch(() => undefined);
    await db?.close().catch((e: unknown) => console.error('dropping the bench database:', e));
  }
}

async function signIn(url: string, email: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: BENCH_PASSWORD }),
  });
  const body = (await res.json()) as { accessToken?: unknown };
  if (res.status !== 200 || typeof body.accessToken !== 'string')
    throw new Error(`sign-in ${email}: ${res.status} ${JSON.stringify(body)}`);
  return body.accessToken;
}

async function getJson(url: string, path: string, token: string): Promise<Record<string, unknown>> {
  const res = await fetch(`${url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  const body = (await res.json()) as Record<string, unknown>;
  if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${JSON.stringify(body)}`);
  return body;
}

/** Signs in and lists, through the api, the situations the person may read. */
async function prepareReader(url: string, email: string): Promise<Reader> {
  const token = await signIn(url, email);
  const cases: string[] = [];
  let cursor: string | null = null;
  do {
    const page = await getJson(
      url,
      `/api/cases?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      token,
    );
    for (const c of (page.items as { id: string }[] | undefined) ?? []) cases.push(c.id);
    cursor = typeof page.nextCursor === 'string' ? page.nextCursor : null;
  } while (cursor);
  if (!cases.length) throw new Error(`${email} may read no situation`);
  const first = await getJson(url, `/api/cases?${CASE_LIST_QUERY}`, token);
  return {
    email,
    token,
    cases,
    caseListCursor: typeof first.nextCursor === 'string' ? first.nextCursor : null,
  };
}

/** One request of a read route as slot 0 sends it: a route that fails stops the run at once. */
async function probe(url: string, route: RouteSpec): Promise<void> {
  const [request] = route.requestsFor(0);
  if (!request) return;
  const built =
    typeof request.setupRequest === 'function' ? request.setupRequest({ ...request }, {}) : request;
  const res = await fetch(`${url}${built.path ?? '/'}`, {
    method: built.method ?? 'GET',
    headers: Object.fromEntries(
      Object.entries(built.headers ?? {}).filter(
        (e): e is [string, string] => typeof e[1] === 'string',
      ),
    ),
  });
  if (res.status !== 200)
    throw new Error(`${route.label}: ${res.status} ${(await res.text()).slice(0, 300)}`);
}
