import { RedisConnection } from '@vigil/server';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  refreshWith,
  sessionFor,
  signIn,
  startTestApi,
  type Session,
  type TestApi,
} from '../support/api.js';
import { openCase } from '../support/cases.js';
import { buildUser, closeTestPool, testPool } from '../support/factories.js';
import { expectError } from '../support/http.js';
import { createSource, recordItem } from '../support/information.js';

// Limits a person notices (issue 7, item 6, HTTP side): writes per person, page sizes, export
// rows, and — with REDIS_URL — one allowance shared by every api instance. The sign-in limit,
// the body limit and the upload limit are proven in auth, http-contract and attachments.

const WRITES = 5;
const WINDOW_SECONDS = 2;

let limited: TestApi;
let capped: TestApi;

beforeAll(async () => {
  [limited, capped] = await Promise.all([
    startTestApi({
      WRITE_RATE_LIMIT: String(WRITES),
      WRITE_RATE_WINDOW_SECONDS: String(WINDOW_SECONDS),
    }),
    startTestApi({ EXPORT_MAX_ROWS: '3' }),
  ]);
});

afterAll(async () => {
  await Promise.all([limited.close(), capped.close()]);
  await closeTestPool();
});

/** Cases `userId` opened whose title carries `marker`, and audit rows written by `userId`. */
async function footprint(marker: string, userId: string) {
  const { rows } = await testPool().query<{ cases: number; audit: number }>(
    `SELECT (SELECT count(*)::int FROM cases WHERE title LIKE '%' || $1 || '%' AND created_by = $2) AS cases,
            (SELECT count(*)::int FROM audit_log WHERE actor_id = $2) AS audit`,
    [marker, userId],
  );
  return rows[0];
}

describe('writes per person', () => {
  it(`refuses the ${WRITES + 1}th write in the window with 429 and Retry-After, writes nothing, and leaves reads, sign-in and other people alone until the window ends`, async () => {
    const [analyst, colleague] = await Promise.all([
      sessionFor(limited, { roles: ['analyst'] }),
      sessionFor(limited, { roles: ['analyst'] }),
    ]);
    const marker = `Limits ${randomUUID().slice(0, 8)}`;
    const open = (session: Session, n: number) =>
      limited
        .http()
        .post('/api/cases')
        .set(session.auth())
        .send({ title: `${marker} ${n}`, country: 'KEN', summary: 'Watching.' });

    // Every write method counts: four creations and one edit spend the allowance.
    const first = await openCase(limited, analyst, { title: `${marker} 1` });
    for (const n of [2, 3, 4]) expect((await open(analyst, n)).status).toBe(201);
    const edited = await limited
      .http()
      .patch(`/api/cases/${first.id}`)
      .set(analyst.auth())
      .send({ version: first.version, summary: 'Edited within the allowance.' });
    expect(edited.status).toBe(200);
    const before = await footprint(marker, analyst.user.id);
    expect(before?.cases).toBe(4);

    const refused = await open(analyst, 5);
    const body = expectError(
      refused,
      429,
      /^Too many changes in a short time \(at most 5 in 2 seconds\)\. Nothing was saved\. Try again in [12] seconds?\.$/,
    );
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(WINDOW_SECONDS);
    expect(body.details).toEqual({ retryAfterSeconds: retryAfter });
    // A refused edit of the same case changes nothing either.
    expectError(
      await limited
        .http()
        .patch(`/api/cases/${first.id}`)
        .set(analyst.auth())
        .send({ version: edited.body.version as number, summary: 'Over the allowance.' }),
      429,
    );
    expect(await footprint(marker, analyst.user.id)).toEqual(before);

    // Reads, refreshing the session and a colleague's writes are not limited by this person's.
    const read = await limited.http().get(`/api/cases/${first.id}`).set(analyst.auth());
    expect(read.status).toBe(200);
    expect(read.body.summary).toBe('Edited within the allowance.');
    expect((await refreshWith(limited, analyst.refreshToken)).status).toBe(200);
    expect((await open(colleague, 1)).status).toBe(201);

    // Once the announced wait is over, the allowance is back.
    await sleep(retryAfter * 1000 + 100);
    expect((await open(analyst, 6)).status).toBe(201);
    expect((await footprint(marker, analyst.user.id))?.cases).toBe(5);
  });
});

describe('page size', () => {
  beforeAll(async () => {
    // More organisations than the largest page, named to sort after everyone else's.
    const tag = randomUUID().slice(0, 8);
    await testPool().query(
      `INSERT INTO organisations (name, acronym, kind)
       SELECT 'zz limits ' || $1 || ' ' || g, 'ZL' || g || '-' || $1, 'un_entity'
       FROM generate_series(1, 101) g`,
      [tag],
    );
  });

  it('gives 50 items when no limit is asked, up to 100 on request, and refuses 101 saying the maximum', async () => {
    const admin = await sessionFor(capped, { roles: ['admin'] });
    const page = (query: Record<string, string>) =>
      capped.http().get('/api/organisations').query(query).set(admin.auth());

    const byDefault = await page({});
    expect(byDefault.status).toBe(200);
    expect(byDefault.body.items).toHaveLength(50);
    expect(byDefault.body.nextCursor).toEqual(expect.any(String));

    const largest = await page({ limit: '100' });
    expect(largest.status).toBe(200);
    expect(largest.body.items).toHaveLength(100);

    const tooMany = expectError(await page({ limit: '101' }), 400);
    expect(tooMany.details).toEqual([
      { field: 'limit', message: expect.stringMatching(/limit .*100/) },
    ]);
  });
});

describe('export rows', () => {
  it('stops a CSV export at EXPORT_MAX_ROWS and says it was cut short', async () => {
    const analyst = await sessionFor(capped, { roles: ['analyst'] });
    const marker = `quillwort${randomUUID().slice(0, 8)}`;
    const source = await createSource(capped, analyst);
    for (let n = 1; n <= 4; n += 1) {
      await recordItem(capped, analyst, source.id, { title: `Report ${n} ${marker}` });
    }

    const res = await capped
      .http()
      .get('/api/information-items/export.csv')
      .query({ q: marker })
      .set(analyst.auth());
    expect(res.status).toBe(200);
    expect(res.headers['x-export-rows']).toBe('3');
    expect(res.headers['x-export-truncated']).toBe('true');
    const lines = res.text.trim().split(/\r?\n/);
    expect(lines).toHaveLength(1 + 3);
    expect(lines.slice(1).every((line) => line.includes(marker))).toBe(true);

    const all = await capped
      .http()
      .get('/api/information-items')
      .query({ q: marker })
      .set(analyst.auth());
    expect(all.body.items).toHaveLength(4);
  });
});

// Several instances must give one allowance, not one each: with REDIS_URL both apis count in the
// same Redis keys. The keys are prefixed by a hash of the database address, and every test run
// has a database of its own, so parallel runs on one Redis never share a count.
const REDIS_URL = process.env.REDIS_URL;
if (!REDIS_URL) console.warn('SKIPPED limits shared by two api instances: REDIS_URL not set');
const withRedis = REDIS_URL ? describe : describe.skip;

withRedis('limits shared by two api instances through Redis', () => {
  let a: TestApi;
  let b: TestApi;

  beforeAll(async () => {
    const settings = {
      REDIS_URL: REDIS_URL ?? '',
      WRITE_RATE_LIMIT: String(WRITES),
      WRITE_RATE_WINDOW_SECONDS: '60',
      LOGIN_RATE_LIMIT: '3',
    };
    [a, b] = await Promise.all([startTestApi(settings), startTestApi(settings)]);
    // Counted in memory until the connection is ready: wait for it.
    await Promise.all([a, b].map((api) => api.app.get(RedisConnection).client?.ping()));
  });

  afterAll(async () => {
    await Promise.all([a.close(), b.close()]);
  });

  it('spends one write allowance across both instances', async () => {
    const analyst = await signIn(a, await buildUser({ roles: ['analyst'] }));
    const marker = `Shared ${randomUUID().slice(0, 8)}`;
    const open = (api: TestApi, n: number) =>
      api
        .http()
        .post('/api/cases')
        .set(analyst.auth())
        .send({ title: `${marker} ${n}`, country: 'KEN', summary: 'Watching.' });

    for (const [n, api] of [a, b, a, b, a].entries()) expect((await open(api, n)).status).toBe(201);
    expectError(await open(b, 6), 429, /Too many changes/);
    expectError(await open(a, 7), 429, /Too many changes/);
    expect((await footprint(marker, analyst.user.id))?.cases).toBe(WRITES);
  });

  it('spends one sign-in allowance across both instances', async () => {
    const user = await buildUser();
    const attempt = (api: TestApi) =>
      api.http().post('/api/auth/login').send({ email: user.email, password: 'wrong' });

    expectError(await attempt(a), 401);
    expectError(await attempt(b), 401);
    expectError(await attempt(a), 401);
    const refused = expectError(await attempt(b), 429, /Too many sign-in attempts/);
    expect(refused.details).toEqual({ retryAfterSeconds: expect.any(Number) });
  });
});
