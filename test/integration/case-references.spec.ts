import { jest } from '@jest/globals';
import { CASE_REFERENCE_PATTERN, DomainError, parseCaseReference } from '@vigil/domain';
import { CaseEventsService } from '../../libs/server/src/cases/case-events.service.js';
import { randomUUID } from 'node:crypto';
import { sessionFor, type Session, type TestApi } from '../support/api.js';
import { type ConcurrentApi, startConcurrentApi } from '../support/concurrency.js';
import { closeTestPool, testPool } from '../support/factories.js';
import { tally } from '../support/workflow-helpers.js';

let api: TestApi;
let http: ConcurrentApi['http'];
let warmPool: ConcurrentApi['warmPool'];
let analyst: Session;
const year = new Date().getUTCFullYear();

beforeAll(async () => {
  ({ api, http, warmPool } = await startConcurrentApi(25));
  analyst = await sessionFor(api, { roles: ['analyst'], clearance: 'strictly_confidential' });
});

afterAll(async () => {
  await api.close();
  await closeTestPool();
});

function numberOf(reference: string): number {
  const parsed = parseCaseReference(reference);
  if (!parsed) throw new Error(`not a case reference: ${reference}`);
  expect(parsed.year).toBe(year);
  return parsed.number;
}

const create = (title: string, extra: Record<string, unknown> = {}) =>
  http()
    .post('/api/cases')
    .set(analyst.auth())
    .send({ title, country: 'KEN', summary: 'Reference allocation.', ...extra });

/** Every reference number of this year in the database, sorted, and the counter, in one snapshot. */
async function referenceSnapshot(): Promise<{ numbers: number[]; counter: number }> {
  const { rows } = await testPool().query<{ refs: string[]; counter: number | null }>(
    `SELECT ARRAY(SELECT reference FROM cases WHERE reference LIKE $1) AS refs,
       (SELECT last_number FROM case_reference_counters WHERE year = $2) AS counter`,
    [`SIT-${year}-%`, year],
  );
  const row = rows[0];
  return {
    numbers: (row?.refs ?? []).map(numberOf).sort((a, b) => a - b),
    counter: row?.counter ?? 0,
  };
}

async function allNumbers(): Promise<number[]> {
  return (await referenceSnapshot()).numbers;
}

describe('case references (SIT-YYYY-NNNN)', () => {
  it('30 concurrent creations get 30 distinct references forming a gapless run', async () => {
    const tag = randomUUID().slice(0, 8);
    await warmPool();
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) => create(`Concurrent ${tag} ${i}`)),
    );
    expect(tally(answers)).toEqual({ 201: 30 });
    const mine = answers
      .map((a) => numberOf((a.body as { reference: string }).reference))
      .sort((a, b) => a - b);
    expect(new Set(mine).size).toBe(30);
    // Other files create cases at the same time, so our numbers need not be adjacent; the whole
    // table must be gapless (checked last), and ours must be among its rows.
    const numbers = await allNumbers();
    for (const n of mine) expect(numbers).toContain(n);
  });

  it('an invalid lead analyst is a 400 that allocates nothing', async () => {
    const before = await allNumbers();
    const bad = await create('Bad lead', { leadAnalystId: randomUUID() });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({
      message: 'Cannot make them lead analyst: no user has this id.',
      details: [{ field: 'leadAnalystId', message: 'no user has this id' }],
    });
    const next = await create('After bad lead');
    expect(next.status).toBe(201);
    // Gapless: the next case takes the smallest number nobody holds (concurrent files aside, max+1).
    expect(numberOf((next.body as { reference: string }).reference)).toBeGreaterThan(
      before[before.length - 1] ?? 0,
    );
    const after = await allNumbers();
    expect(after[after.length - 1]).toBe(after.length);
  });

  it('a creation that fails after its number was allocated rolls back and gives the number back', async () => {
    const events = api.app.get(CaseEventsService, { strict: false });
    const seen: { reference?: string } = {};
    const spy = jest
      .spyOn(events, 'record')
      .mockImplementationOnce(async (_m, _ctx, _caseId, event) => {
        seen.reference = String(event.payload?.reference ?? '');
        throw new DomainError('validation_failed', 'Simulated failure after allocation.');
      });
    const failed = await create('Rolled back');
    spy.mockRestore();
    expect(failed.status).toBe(400);
    expect(failed.body).toMatchObject({ message: 'Simulated failure after allocation.' });
    const failedRef = seen.reference ?? '';
    expect(failedRef).toMatch(CASE_REFERENCE_PATTERN);
    const { rows: none } = await testPool().query('SELECT 1 FROM cases WHERE title = $1', [
      'Rolled back',
    ]);
    expect(none).toHaveLength(0);

    const next = await create('Takes the number back');
    expect(next.status).toBe(201);
    const nextNumber = numberOf((next.body as { reference: string }).reference);
    // The failed number is not lost: it is ours now, or a concurrent file's case took it first.
    expect(nextNumber).toBeGreaterThanOrEqual(numberOf(failedRef));
    const { rows } = await testPool().query<{ n: number }>(
      'SELECT count(*)::int AS n FROM cases WHERE reference = $1',
      [failedRef],
    );
    expect(rows[0]?.n).toBe(1);
  });

  it('last: every reference of the year in the database is 1..N with N the counter, no gap, no duplicate', async () => {
    // Whatever every file created concurrently: a committed snapshot is gapless.
    const { numbers, counter } = await referenceSnapshot();
    expect(numbers.length).toBeGreaterThanOrEqual(32);
    expect(numbers).toEqual(Array.from({ length: numbers.length }, (_, i) => i + 1));
    expect(counter).toBe(numbers.length);
  });
});
