import type { Response } from 'supertest';
import { sessionFor, startTestApi, type Session, type TestApi } from '../support/api.js';
import { ALL_FACTS, openCase, supplyFacts } from '../support/cases.js';
import { closeTestPool, testPool } from '../support/factories.js';
import { expectError } from '../support/http.js';
import { createSource, itemInput, recordItem } from '../support/information.js';
import { ownDatabase, type OwnDatabase } from '../support/own-database.js';
import { decideOn, proposeMove } from '../support/workflow-helpers.js';

// Nothing one person can exhaust (issue 15, item 7): per-person budgets on creations over a
// minute and over an hour (429 naming the budget, nothing written) and storage quotas on
// attachments per item, per person and in total (413 naming the quota and what is left). On a
// database of this file's own, so the total quota and the counts see only what it writes.

const PER_MINUTE = 3;
const PER_HOUR = 5;
const KB = 1024;

let db: OwnDatabase;
let budgeted: TestApi;
let quotas: TestApi;
let facts: ReturnType<typeof supplyFacts>;

beforeAll(async () => {
  db = await ownDatabase();
  const budgets = Object.fromEntries(
    ['CASES', 'ITEMS', 'ATTACHMENTS', 'PROPOSALS'].flatMap((kind) => [
      [`CREATE_${kind}_PER_MINUTE`, String(PER_MINUTE)],
      [`CREATE_${kind}_PER_HOUR`, String(PER_HOUR)],
    ]),
  );
  [budgeted, quotas] = await Promise.all([
    startTestApi(budgets),
    startTestApi({
      ATTACHMENT_QUOTA_ITEM_BYTES: String(8 * KB),
      ATTACHMENT_QUOTA_PERSON_BYTES: String(20 * KB),
    }),
  ]);
  facts = supplyFacts(budgeted);
});

afterAll(async () => {
  await Promise.all([budgeted?.close(), quotas?.close()]);
  await db?.drop();
  await closeTestPool();
});

/** One kind of creation: how to make one as `person`, and where its rows are. */
interface Kind {
  name: string;
  table: string;
  creator: string;
  /** Everything the kind needs first (a case, an item), made before the budget is spent. */
  prepare: (person: Session) => Promise<(n: number) => Promise<Response>>;
  words: string;
}

const ANALYST = { roles: ['analyst' as const], clearance: 'confidential' as const };

const kinds: Kind[] = [
  {
    name: 'situations',
    table: 'cases',
    creator: 'created_by',
    words: 'opened',
    prepare: async (person) => (n) =>
      budgeted
        .http()
        .post('/api/cases')
        .set(person.auth())
        .send({ title: `Budgeted situation ${n}`, country: 'KEN', summary: 'Watching.' }),
  },
  {
    name: 'information items',
    table: 'information_items',
    creator: 'created_by',
    words: 'recorded',
    prepare: async (person) => {
      const source = await createSource(budgeted, person);
      return (n) =>
        budgeted
          .http()
          .post('/api/information-items')
          .set(person.auth())
          .send(itemInput(source.id, { title: `Budgeted item ${n}` }));
    },
  },
  {
    name: 'files',
    table: 'information_item_attachments',
    creator: 'created_by',
    words: 'attached',
    prepare: async (person) => {
      const source = await createSource(budgeted, person);
      const item = await recordItem(budgeted, person, source.id);
      // The item above is one information item of this person's: not an attachment.
      return (n) =>
        budgeted
          .http()
          .post(`/api/information-items/${item.id}/attachments`)
          .set(person.auth())
          .attach('file', Buffer.from(`note ${n}\n`), {
            filename: `note-${n}.txt`,
            contentType: 'text/plain',
          });
    },
  },
  {
    name: 'escalation proposals',
    table: 'escalation_requests',
    creator: 'proposed_by',
    words: 'made',
    prepare: async (person) => {
      const situation = await openCase(budgeted, person);
      facts.set(situation.id, ALL_FACTS);
      // A proposal, then its withdrawal, then the next: the loop that flooded advisers.
      return async () => {
        const res = await proposeMove(() => budgeted.http(), person, situation.id, 'alert');
        if (res.status === 201) {
          const withdrawn = await decideOn(
            () => budgeted.http(),
            person,
            (res.body as { id: string }).id,
            'withdraw',
          );
          if (withdrawn.status !== 200) throw new Error(`withdraw: ${withdrawn.status}`);
        }
        return res;
      };
    },
  },
];

async function rowsOf(kind: Kind, person: Session): Promise<number> {
  const { rows } = await testPool().query<{ n: number }>(
    `SELECT count(*)::int AS n FROM ${kind.table} WHERE ${kind.creator} = $1`,
    [person.user.id],
  );
  return rows[0]?.n ?? 0;
}

async function auditRowsOf(person: Session): Promise<number> {
  const { rows } = await testPool().query<{ n: number }>(
    'SELECT count(*)::int AS n FROM audit_log WHERE actor_id = $1',
    [person.user.id],
  );
  return rows[0]?.n ?? 0;
}

describe.each(kinds)('the budget on $name', (kind) => {
  it(`refuses the ${PER_MINUTE + 1}th in a minute with 429 naming the minute budget, and writes nothing`, async () => {
    const person = await sessionFor(budgeted, ANALYST);
    const create = await kind.prepare(person);
    for (let n = 1; n <= PER_MINUTE; n += 1) expect((await create(n)).status).toBe(201);
    const [rows, audit] = [await rowsOf(kind, person), await auditRowsOf(person)];

    const refused = await create(PER_MINUTE + 1);
    const body = expectError(
      refused,
      429,
      new RegExp(
        `^You have ${kind.words} ${PER_MINUTE} ${kind.name} in the last minute; the limit is ` +
          `${PER_MINUTE} a minute\\. Nothing was saved: try again in \\d+ seconds?\\.$`,
      ),
    );
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(body.details).toEqual({
      retryAfterSeconds: retryAfter,
      budget: expect.stringMatching(/_per_minute$/),
      limit: PER_MINUTE,
    });
    expect(await rowsOf(kind, person)).toBe(rows);
    expect(await auditRowsOf(person)).toBe(audit);

    // Someone else's budget is their own.
    const colleague = await sessionFor(budgeted, ANALYST);
    expect((await (await kind.prepare(colleague))(1)).status).toBe(201);
  });

  it(`refuses the ${PER_HOUR + 1}th in an hour with 429 naming the hour budget, and writes nothing`, async () => {
    const person = await sessionFor(budgeted, ANALYST);
    const create = await kind.prepare(person);
    for (let n = 1; n <= PER_MINUTE; n += 1) expect((await create(n)).status).toBe(201);
    // As if those were made two minutes ago: the minute budget is whole again, the hour's is not.
    await testPool().query(
      `UPDATE ${kind.table} SET created_at = created_at - interval '2 minutes' WHERE ${kind.creator} = $1`,
      [person.user.id],
    );
    for (let n = PER_MINUTE + 1; n <= PER_HOUR; n += 1) expect((await create(n)).status).toBe(201);
    const [rows, audit] = [await rowsOf(kind, person), await auditRowsOf(person)];

    const refused = await create(PER_HOUR + 1);
    const body = expectError(
      refused,
      429,
      new RegExp(
        `^You have ${kind.words} ${PER_HOUR} ${kind.name} in the last hour; the limit is ` +
          `${PER_HOUR} an hour\\. Nothing was saved: try again in 58 minutes\\.$`,
      ),
    );
    // The oldest of the five leaves the hour 58 minutes from now.
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(57 * 60);
    expect(retryAfter).toBeLessThanOrEqual(58 * 60);
    expect(body.details).toEqual({
      retryAfterSeconds: retryAfter,
      budget: expect.stringMatching(/_per_hour$/),
      limit: PER_HOUR,
    });
    expect(await rowsOf(kind, person)).toBe(rows);
    expect(await auditRowsOf(person)).toBe(audit);
  });
});

it('counts concurrent creations by one person exactly: never more than the budget', async () => {
  const person = await sessionFor(budgeted, ANALYST);
  const answers = await Promise.all(
    Array.from({ length: 8 }, (_, n) =>
      budgeted
        .http()
        .post('/api/cases')
        .set(person.auth())
        .send({ title: `Concurrent ${n}`, country: 'KEN', summary: 'At once.' }),
    ),
  );
  expect(answers.filter((a) => a.status === 201)).toHaveLength(PER_MINUTE);
  expect(answers.filter((a) => a.status === 429)).toHaveLength(8 - PER_MINUTE);
  expect(await rowsOf(kinds[0] as Kind, person)).toBe(PER_MINUTE);
});

describe('storage quotas', () => {
  const upload = (api: TestApi, person: Session, itemId: string, bytes: number) =>
    api
      .http()
      .post(`/api/information-items/${itemId}/attachments`)
      .set(person.auth())
      .attach('file', Buffer.alloc(bytes, 'a'), {
        filename: 'notes.txt',
        contentType: 'text/plain',
      });

  async function itemsOf(api: TestApi, person: Session, n: number): Promise<string[]> {
    const source = await createSource(api, person);
    const ids: string[] = [];
    for (let i = 0; i < n; i += 1) ids.push((await recordItem(api, person, source.id)).id);
    return ids;
  }

  const storedBytes = async () =>
    Number(
      (
        await testPool().query<{ n: string }>(
          'SELECT COALESCE(sum(size_bytes), 0)::bigint AS n FROM information_item_attachments',
        )
      ).rows[0]?.n ?? 0,
    );

  it('refuses a file that would take its item past the item quota with 413 saying what is left', async () => {
    const person = await sessionFor(quotas, ANALYST);
    const [item = ''] = await itemsOf(quotas, person, 1);
    expect((await upload(quotas, person, item, 5 * KB)).status).toBe(201);
    const before = await storedBytes();
    const body = expectError(
      await upload(quotas, person, item, 4 * KB),
      413,
      /^Attachment refused: this item already holds 5 kB of attachments, and an item may hold 8 kB in all: 3 kB left, and this file is 4 kB\.$/,
    );
    expect(body.details).toEqual({
      quota: 'item',
      limitBytes: 8 * KB,
      usedBytes: 5 * KB,
      remainingBytes: 3 * KB,
      fileBytes: 4 * KB,
    });
    expect(await storedBytes()).toBe(before);
    // What is left still fits.
    expect((await upload(quotas, person, item, 3 * KB)).status).toBe(201);
  });

  it('refuses a file that would take its author past the person quota, on any item', async () => {
    const person = await sessionFor(quotas, ANALYST);
    const items = await itemsOf(quotas, person, 4);
    for (const item of items.slice(0, 3))
      expect((await upload(quotas, person, item, 6 * KB)).status).toBe(201);
    const before = await storedBytes();
    const body = expectError(
      await upload(quotas, person, items[3] ?? '', 6 * KB),
      413,
      /^Attachment refused: you have already attached 18 kB of files, and one person may attach 20 kB in all: 2 kB left, and this file is 6 kB\.$/,
    );
    expect(body.details).toMatchObject({ quota: 'person', remainingBytes: 2 * KB });
    expect(await storedBytes()).toBe(before);
    // A colleague's quota is their own.
    const colleague = await sessionFor(quotas, ANALYST);
    const [theirs = ''] = await itemsOf(quotas, colleague, 1);
    expect((await upload(quotas, colleague, theirs, 6 * KB)).status).toBe(201);
  });

  it('refuses a file that would take the deployment past the total quota', async () => {
    const total = await storedBytes();
    const full = await startTestApi({ ATTACHMENT_QUOTA_TOTAL_BYTES: String(total + 6 * KB) });
    try {
      const person = await sessionFor(full, ANALYST);
      const [first = '', second = ''] = await itemsOf(full, person, 2);
      expect((await upload(full, person, first, 4 * KB)).status).toBe(201);
      const body = expectError(
        await upload(full, person, second, 4 * KB),
        413,
        /^Attachment refused: Vigil already holds .+ of attachments, and may hold .+ in all: 2 kB left, and this file is 4 kB\. Tell an administrator\.$/,
      );
      expect(body.details).toMatchObject({ quota: 'total', remainingBytes: 2 * KB });
      expect(await storedBytes()).toBe(total + 4 * KB);
    } finally {
      await full.close();
    }
  });
});
