import { reviewIntervalDays, type JsonValue } from '@vigil/domain';
import { auditAppendQuery, loadConfig, type UnnumberedFields } from '@vigil/server';
import { JwtService } from '@nestjs/jwt';
import argon2 from 'argon2';
import { randomUUID } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import pg from 'pg';
import { createApp } from '../apps/api/src/create-app.js';
import { freePort } from '../tools/db/embedded-postgres.js';
import { benchDatabase, ignoreIdleError, type BenchDatabase } from './lib/database.js';
import { BENCH_DATA_KEY } from './lib/data-key.js';
import type { HttpLoadJob } from './lib/http-load-worker.js';
import { wrkPhase } from './lib/wrk-load.js';
import { withCpuProfile } from './lib/cpu-profile.js';
import { jwtCosts, statechartCosts } from './lib/workflow-costs.js';
import { buildReport, type Row } from './lib/workflow-report.js';
import { machineInfo, serverInfo, waitSampler } from './lib/workflow-sampling.js';
import {
  CASES,
  CLIENT_COUNTS,
  DURATION_MS,
  JWT_SECRET,
  POOL_SIZE,
  USE_WRK,
  WARMUP_MS,
} from './lib/workflow-settings.js';
import { writeSection, beginRun } from './lib/results.js';
import { closedLoop, fmt, summarise, type PhaseResult } from './lib/stats.js';

/**
 * Workflow benchmark: RECORD_REVIEW through the real api (lock, restore the statechart, send,
 * write snapshot + case_events + hash-chained audit row in one transaction), against a raw `pg`
 * baseline that does the same writes with no framework, at 1, 4 and 16 concurrent clients.
 */

const PASSWORD = 'bench horse battery staple';

interface User {
  id: string;
  email: string;
  roles: string[];
  token: string;
}

export async function run(signal: AbortSignal): Promise<void> {
  const { started, loadAtStart, check } = beginRun(signal);
  let db: BenchDatabase | null = null;
  let seedPool: pg.Pool | null = null;
  let rawPool: pg.Pool | null = null;
  let app: Awaited<ReturnType<typeof createApp>> | null = null;
  try {
    console.log('Preparing the database…');
    db = await benchDatabase();
    seedPool = new pg.Pool({ connectionString: db.url, max: 4 });
    seedPool.on('error', ignoreIdleError);
    const pgInfo = await serverInfo(seedPool);
    const dbUrl = db.url;
    check();

    const users = await seedUsers(seedPool);
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
        // The load writes far faster than any person: no write allowance in the way.
        WRITE_RATE_LIMIT: '100000',
        ...Object.fromEntries(
          ['CASES', 'ITEMS', 'ATTACHMENTS', 'PROPOSALS'].flatMap((kind) => [
            [`CREATE_${kind}_PER_MINUTE`, '100000'],
            [`CREATE_${kind}_PER_HOUR`, '100000'],
          ]),
        ),
        DB_POOL_SIZE: String(POOL_SIZE),
      }),
    );
    await app.listen(port, '127.0.0.1');
    const baseUrl = `http://127.0.0.1:${port}`;
    for (const user of users) user.token = await signIn(baseUrl, user.email);
    const lead = users.find((u) => u.roles.includes('analyst'));
    if (!lead) throw new Error('no analyst seeded');
    const caseIds: string[] = [];
    for (let i = 0; i < CASES + 1; i += 1) caseIds.push(await openCase(baseUrl, lead.token, i));
    // Every analyst works every case (members), so each may record reviews on it.
    for (const id of caseIds) {
      for (const u of users.filter((x) => x.roles.includes('analyst') && x.id !== lead.id)) {
        await seedPool.query(
          `INSERT INTO case_members (case_id, user_id, role, added_by) VALUES ($1, $2, 'analyst', $3)`,
          [id, u.id, lead.id],
        );
      }
      // One review each first, so every case carries a persisted snapshot before measuring.
      await reviewOnce(baseUrl, lead.token, id);
    }
    const hotCase = caseIds[CASES] ?? '';
    const pool = caseIds.slice(0, CASES);
    const casesFor = (client: number) => [
      pool[client % CASES] ?? '',
      pool[(client + CASES / 2) % CASES] ?? '',
    ];
    rawPool = new pg.Pool({
      connectionString: db.url,
      max: POOL_SIZE,
      application_name: 'vigil-bench-raw',
    });
    rawPool.on('error', ignoreIdleError);
    await Promise.all(Array.from({ length: POOL_SIZE }, () => rawPool?.query('SELECT 1'))); // open the connections

    const rows: Row[] = [];
    const runPair = async (
      clients: number,
      label: string,
      assign: (client: number) => string[],
    ) => {
      check();
      const clientUsers = Array.from(
        { length: clients },
        (_, c) => users[c % users.length] as User,
      );
      const vigilSampler = await waitSampler(dbUrl, WARMUP_MS, DURATION_MS);
      const vigilElu0 = performance.eventLoopUtilization();
      const vigil = await withCpuProfile(`workflow-vigil-${label.replace(/\W+/g, '-')}`, () =>
        loadPhase({
          baseUrl,
          clients: clientUsers.map((u, c) => ({ token: u.token, caseIds: assign(c) })),
          warmupMs: WARMUP_MS,
          durationMs: DURATION_MS,
        }),
      );
      const vigilElu = performance.eventLoopUtilization(vigilElu0).utilization;
      const vigilWaits = await vigilSampler.stop();
      check();
      const rawPoolNow = rawPool;
      if (!rawPoolNow) throw new Error('raw pool closed');
      const rawSampler = await waitSampler(dbUrl, WARMUP_MS, DURATION_MS);
      const rawElu0 = performance.eventLoopUtilization();
      const raw = await closedLoop(clients, WARMUP_MS, DURATION_MS, (c, i) => {
        const ids = assign(c);
        return rawReview(
          rawPoolNow,
          clientUsers[c]?.id ?? '',
          ids[i % ids.length] ?? '',
          `Periodic review ${i} by client ${c}`,
        );
      });
      const rawElu = performance.eventLoopUtilization(rawElu0).utilization;
      const rawWaits = await rawSampler.stop();
      const row: Row = {
        clients,
        label,
        vigil: summarise(vigil),
        raw: summarise(raw),
        vigilWaits,
        rawWaits,
        vigilElu,
        rawElu,
      };
      rows.push(row);
      console.log(
        `  ${label.padEnd(22)} vigil ${fmt.rate(row.vigil.opsPerSecond).padStart(5)} ops/s p50 ${fmt.ms(row.vigil.p50)} p95 ${fmt.ms(row.vigil.p95)} ms | ` +
          `raw ${fmt.rate(row.raw.opsPerSecond).padStart(5)} ops/s p50 ${fmt.ms(row.raw.p50)} p95 ${fmt.ms(row.raw.p95)} ms` +
          (row.vigil.errors || row.raw.errors
            ? ` | errors vigil ${row.vigil.errors} raw ${row.raw.errors}`
            : ''),
      );
      for (const s of [row.vigil, row.raw])
        if (s.firstError) console.log(`    first error: ${s.firstError}`);
    };

    console.log(`Measuring (${WARMUP_MS / 1000} s warm-up + ${DURATION_MS / 1000} s per phase)…`);
    for (const clients of CLIENT_COUNTS)
      await runPair(clients, `${clients} client${clients > 1 ? 's' : ''}, own cases`, casesFor);
    await runPair(16, '16 clients, ONE case', () => [hotCase]);

    check();
    const costs = statechartCosts(lead.id);
    const jwtCost = await jwtCosts(app.get(JwtService, { strict: false }), lead.token);
    const [{ n: auditRows } = { n: '0' }] = (
      await seedPool.query<{ n: string }>('SELECT count(*)::text AS n FROM audit_log')
    ).rows;

    const machine = machineInfo(pgInfo, db.origin, loadAtStart);
    const report = buildReport(
      rows,
      costs,
      jwtCost,
      machine,
      Number(auditRows),
      Math.round((Date.now() - started) / 1000),
    );
    console.log(`\n${report.terminal}`);
    const file = writeSection('workflow', report.markdown);
    console.log(`\nWritten to ${file}`);
  } finally {
    await app?.close().catch((e: unknown) => console.error('closing the api:', e));
    await rawPool?.end().catch(() => undefined);
    await seedPool?.end().catch(() => undefined);
    await db?.close().catch((e: unknown) => console.error('dropping the bench database:', e));
  }
}

// ---------------------------------------------------------------------------------------------
// The raw baseline: the same rows written with node-postgres, no Nest, no TypeORM, no XState.

async function rawReview(
  pool: pg.Pool,
  actorId: string,
  caseId: string,
  note: string,
): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const locked = await client.query<{
      stage: string;
      sub_state: string;
      workflow_snapshot: JsonValue | null;
    }>('SELECT stage, sub_state, workflow_snapshot FROM cases WHERE id = $1 FOR UPDATE', [caseId]);
    const row = locked.rows[0];
    if (!row) throw new Error('no such case');
    const updated = await client.query<{ last_event_seq: number }>(
      `UPDATE cases SET workflow_snapshot = $2, stage = $3, sub_state = $4, version = version + 1, updated_at = now(),
         next_review_due = now() + make_interval(days => $5::int), last_event_seq = last_event_seq + 1
       WHERE id = $1 RETURNING last_event_seq`,
      [
        caseId,
        JSON.stringify(row.workflow_snapshot),
        row.stage,
        row.sub_state,
        reviewIntervalDays('monitoring') ?? 90,
      ],
    );
    const seq = updated.rows[0]?.last_event_seq ?? 0;
    const position = `${row.stage}.${row.sub_state}`;
    await client.query(
      `INSERT INTO case_events (case_id, seq, type, actor_id, from_stage, to_stage, payload) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        caseId,
        seq,
        'case.reviewed',
        actorId,
        row.stage,
        row.stage,
        JSON.stringify({ workflowEvent: { type: 'RECORD_REVIEW', actorId }, note }),
      ],
    );
    // The audit entry as the api writes it: last, in one statement (the chain's advisory lock,
    // the tip, the hash, the insert: migration AuditAppend), held until COMMIT.
    const entry: UnnumberedFields = {
      at: new Date().toISOString(),
      actorId,
      action: 'case.workflow.record_review',
      entity: 'case',
      entityId: caseId,
      caseId,
      diff: { from: position, to: position, note },
      requestId: randomUUID(),
    };
    await client.query(auditAppendQuery(entry));
    await client.query('COMMIT');
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    client.release();
  }
}

// ---------------------------------------------------------------------------------------------
// The api side: load from wrk, or from a worker thread (own event loop) with keep-alive fetch.

// wrk (a separate C process) when installed (USE_WRK); otherwise keep-alive fetch from a worker
// thread, which on 2 cores takes a third of a core from the api it measures.
function loadPhase(job: HttpLoadJob): Promise<PhaseResult> {
  return USE_WRK ? wrkPhase(job) : httpPhase(job);
}

function httpPhase(job: HttpLoadJob): Promise<PhaseResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./lib/http-load-worker.ts', import.meta.url), {
      workerData: job,
    });
    let settled = false;
    worker.once('message', (result: PhaseResult) => {
      settled = true;
      resolve(result);
      void worker.terminate();
    });
    worker.once('error', (e) => {
      settled = true;
      reject(e);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`load worker exited with code ${code}`));
    });
  });
}

async function post(
  url: string,
  body: unknown,
  token?: string,
): Promise<{ status: number; json: unknown }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, json: text ? (JSON.parse(text) as unknown) : null };
}

async function signIn(baseUrl: string, email: string): Promise<string> {
  const res = await post(`${baseUrl}/api/auth/login`, { email, password: PASSWORD });
  const token = (res.json as { accessToken?: unknown } | null)?.accessToken;
  if (res.status !== 200 || typeof token !== 'string')
    throw new Error(`login ${email}: ${res.status} ${JSON.stringify(res.json)}`);
  return token;
}

async function openCase(baseUrl: string, token: string, i: number): Promise<string> {
  const res = await post(
    `${baseUrl}/api/cases`,
    { title: `Benchmark situation ${i}`, country: 'KEN', summary: 'Workflow benchmark case.' },
    token,
  );
  const id = (res.json as { id?: unknown } | null)?.id;
  if (res.status !== 201 || typeof id !== 'string')
    throw new Error(`create case: ${res.status} ${JSON.stringify(res.json)}`);
  return id;
}

async function reviewOnce(baseUrl: string, token: string, caseId: string): Promise<void> {
  const res = await post(
    `${baseUrl}/api/cases/${caseId}/reviews`,
    { note: 'Initial review' },
    token,
  );
  if (res.status !== 200) throw new Error(`review: ${res.status} ${JSON.stringify(res.json)}`);
}

async function seedUsers(pool: pg.Pool): Promise<User[]> {
  const hash = await argon2.hash(PASSWORD, {
    type: argon2.argon2id,
    memoryCost: 19_456,
    timeCost: 2,
    parallelism: 1,
  });
  const org = await pool.query<{ id: string }>(
    `INSERT INTO organisations (name, acronym, kind) VALUES ('Benchmark Office', 'BENCH', 'office') RETURNING id`,
  );
  const orgId = org.rows[0]?.id;
  const users: User[] = [];
  const specs = [
    ...Array.from({ length: 4 }, (_, i) => ({
      email: `analyst${i}@bench.vigil`,
      roles: ['analyst'],
    })),
    ...Array.from({ length: 4 }, (_, i) => ({
      email: `adviser${i}@bench.vigil`,
      roles: ['adviser'],
    })),
  ];
  for (const spec of specs) {
    const res = await pool.query<{ id: string }>(
      `INSERT INTO users (email, display_name, password_hash, roles, clearance, organisation_id)
       VALUES ($1, $2, $3, $4, 'strictly_confidential', $5) RETURNING id`,
      [spec.email, spec.email.split('@')[0], hash, spec.roles, orgId],
    );
    users.push({ id: res.rows[0]?.id ?? '', email: spec.email, roles: spec.roles, token: '' });
  }
  return users;
}
