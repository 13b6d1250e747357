import { parseCaseReference } from '@vigil/domain';
import { sessionFor, startTestApi, type Session, type TestApi } from '../support/api.js';
import { openCase } from '../support/cases.js';
import { closeTestPool, testPool } from '../support/factories.js';
import { ownDatabase, type OwnDatabase } from '../support/own-database.js';
import { allPages } from '../support/workflow-helpers.js';

// References never run out (issue 15, item 7): past SIT-YYYY-9999 the number grows a digit
// (SIT-YYYY-10000) instead of every creation failing until 1 January, and sorting by reference
// still follows the allocation order. On a database of this file's own: the counter is moved to
// the end of the four digits, which the gapless check of case-references.spec.ts must not see.

let db: OwnDatabase;
let api: TestApi;
let analyst: Session;
const year = new Date().getUTCFullYear();

beforeAll(async () => {
  db = await ownDatabase();
  api = await startTestApi();
  analyst = await sessionFor(api, { roles: ['analyst'], clearance: 'strictly_confidential' });
});

afterAll(async () => {
  await api?.close();
  await db?.drop();
  await closeTestPool();
});

it('allocates SIT-YYYY-10000 after SIT-YYYY-9999, and sorts it after', async () => {
  await testPool().query(
    `INSERT INTO case_reference_counters (year, last_number) VALUES ($1, 9997)
     ON CONFLICT (year) DO UPDATE SET last_number = 9997`,
    [year],
  );
  const opened = [];
  for (const n of [1, 2, 3, 4]) opened.push(await openCase(api, analyst, { title: `Growth ${n}` }));
  expect(opened.map((c) => c.reference)).toEqual([
    `SIT-${year}-9998`,
    `SIT-${year}-9999`,
    `SIT-${year}-10000`,
    `SIT-${year}-10001`,
  ]);
  for (const c of opened) expect(parseCaseReference(c.reference)?.year).toBe(year);
  const { rows } = await testPool().query<{ last_number: number }>(
    'SELECT last_number FROM case_reference_counters WHERE year = $1',
    [year],
  );
  expect(rows[0]?.last_number).toBe(10001);

  // The 10,000th is an ordinary case: it can be read and found.
  const tenThousandth = opened[2];
  const read = await api.http().get(`/api/cases/${tenThousandth?.id}`).set(analyst.auth());
  expect(read.status).toBe(200);
  expect(read.body.reference).toBe(`SIT-${year}-10000`);

  // Sorted by reference, in pages of one (the cursor crosses 9999 → 10000), both ways.
  const ids = opened.map((c) => c.id);
  for (const order of ['asc', 'desc'] as const) {
    const items = await allPages<{ id: string; reference: string }>(
      () => api.http(),
      analyst,
      '/api/cases',
      { leadAnalystId: analyst.user.id, sort: 'reference', order, limit: '1' },
    );
    expect({ order, ids: items.map((c) => c.id) }).toEqual({
      order,
      ids: order === 'asc' ? ids : [...ids].reverse(),
    });
  }
});

it('refuses in the database a reference that is not SIT-YYYY- and a number in one spelling', async () => {
  for (const reference of [`SIT-${year}-01000`, `SIT-${year}-123`, `CASE-${year}-10000`]) {
    await expect(
      testPool().query(
        `INSERT INTO cases (reference, title, country, classification) VALUES ($1, 'Bad', 'KEN', 'confidential')`,
        [reference],
      ),
    ).rejects.toThrow(/cases_reference_check/);
  }
});
