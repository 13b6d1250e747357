import { randomUUID } from 'node:crypto';
import { sessionFor, startTestApi, type Session, type TestApi } from '../support/api.js';
import { closeTestPool, testPool } from '../support/factories.js';
import { expectError } from '../support/http.js';
import { createSource, recordItem, type SourceBody } from '../support/information.js';

// Source identities encrypted at rest (issue 14, item 3), through the api: no plain name or
// contact note anywhere in the row, the source picker's search through the blind index, the list
// newest first, and a corrupted value that leaves everything else working.

let api: TestApi;
let analyst: Session;
let tag: string;

const http = () => api.http();

beforeAll(async () => {
  api = await startTestApi();
  analyst = await sessionFor(api, { roles: ['analyst'], clearance: 'strictly_confidential' });
  tag = randomUUID().slice(0, 8);
});

afterAll(async () => {
  await api.close();
  await closeTestPool();
});

/** Every column of the rows as PostgreSQL prints them (bytea as hex), one string per row. */
async function rowTexts(ids: string[]): Promise<string[]> {
  const { rows } = await testPool().query<{ t: string }>(
    'SELECT t::text AS t FROM sources t WHERE t.id = ANY($1::uuid[])',
    [ids],
  );
  expect(rows).toHaveLength(ids.length);
  return rows.map((r) => r.t);
}

/** The forms a plain value could take in a row's text: as is, lower case, or as hex bytes. */
function forms(value: string): string[] {
  const words = value.split(/\s+/).filter((w) => w.length >= 4);
  return [value, ...words, ...words.map((w) => w.toLowerCase())].flatMap((v) => [
    v,
    Buffer.from(v, 'utf8').toString('hex'),
  ]);
}

async function search(q: string, session = analyst): Promise<SourceBody[]> {
  const res = await http().get('/api/sources').query({ q, limit: '100' }).set(session.auth());
  expect(res.status).toBe(200);
  return res.body.items as SourceBody[];
}

describe('source identities at rest', () => {
  it('stores no plain name or contact note anywhere in the row, created or edited', async () => {
    const name = `Informant Quixotic${tag} Zafiro`;
    const notes = `Meets at the Kibumba roadblock ${tag}, Tuesdays`;
    const created = await createSource(api, analyst, { name, contactNotes: notes });
    const other = await createSource(api, analyst, {
      name: `Élodie Ngoyi${tag}`,
      contactNotes: `Satellite phone ${tag}`,
    });
    expect(created).toMatchObject({ name, contactNotes: notes, unreadable: false });
    const renamed = `Renamed Wanjiru${tag}`;
    await http()
      .patch(`/api/sources/${other.id}`)
      .set(analyst.auth())
      .send({ version: other.version, name: renamed, contactNotes: `Radio only ${tag}` })
      .expect(200);

    const { rows: columns } = await testPool().query<{ column_name: string }>(
      `SELECT column_name FROM information_schema.columns WHERE table_name = 'sources' ORDER BY 1`,
    );
    expect(columns.map((c) => c.column_name)).not.toEqual(
      expect.arrayContaining(['name', 'contact_notes']),
    );
    const texts = (await rowTexts([created.id, other.id])).join('\n');
    for (const value of [name, notes, renamed, `Radio only ${tag}`, 'Élodie', 'Kibumba']) {
      for (const form of forms(value)) expect(texts).not.toContain(form);
    }
    expect(texts).not.toContain(tag);
    // Nor anywhere else a plain read of the database reaches (audit diffs, events, items).
    const { rows: tables } = await testPool().query<{ t: string }>(
      `SELECT quote_ident(table_name) AS t FROM information_schema.tables
       WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
    );
    for (const { t } of tables) {
      const { rows } = await testPool().query<{ n: number }>(
        `SELECT count(*)::int AS n FROM ${t} x WHERE x::text LIKE $1 OR x::text LIKE $2`,
        [`%Quixotic${tag}%`, `%${Buffer.from(`Quixotic${tag}`).toString('hex')}%`],
      );
      expect({ table: t, rows: rows[0]?.n }).toEqual({ table: t, rows: 0 });
    }
    // Through the api, both read back exactly.
    const back = await http().get(`/api/sources/${other.id}`).set(analyst.auth()).expect(200);
    expect(back.body).toMatchObject({ name: renamed, contactNotes: `Radio only ${tag}` });
  });

  it('finds a source by a word of its name or the start of one, and nothing for a word not in any name', async () => {
    const goma = await createSource(api, analyst, { name: `OHCHR field office Gōma ${tag}` });
    const bukavu = await createSource(api, analyst, { name: `Bukavu church network ${tag}` });
    const ids = (items: SourceBody[]) => items.map((s) => s.id);
    expect(ids(await search(`goma ${tag}`))).toEqual([goma.id]);
    expect(ids(await search(`GOM ${tag}`))).toEqual([goma.id]); // prefix, case and accents
    expect(ids(await search(`ohchr fie ${tag}`))).toEqual([goma.id]);
    expect(ids(await search(`church ${tag}`))).toEqual([bukavu.id]);
    expect(ids(await search(tag)).sort()).toEqual([goma.id, bukavu.id].sort());
    expect(await search(`goma bukavu ${tag}`)).toEqual([]); // every word must match
    expect(await search(`kinshasa${tag}`)).toEqual([]);
    expect(await search(`oma ${tag}`)).toEqual([]); // the middle of a word is not a match
    expect(await search('?!')).toEqual([]);
  });

  it('lists newest first, page by page with a keyset cursor', async () => {
    const made: string[] = [];
    for (let n = 0; n < 3; n += 1)
      made.push((await createSource(api, analyst, { name: `Pager ${n} ${tag}` })).id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await http()
        .get('/api/sources')
        .query({ q: `pager ${tag}`, limit: '2', ...(cursor ? { cursor } : {}) })
        .set(analyst.auth());
      expect(res.status).toBe(200);
      seen.push(...(res.body.items as SourceBody[]).map((s) => s.id));
      cursor = res.body.nextCursor as string | null;
    } while (cursor);
    expect(seen).toEqual([...made].reverse());
    expectError(
      await http().get('/api/sources').query({ cursor: 'not-a-cursor' }).set(analyst.auth()),
      400,
    );
  });
});

describe('a source whose stored identity cannot be decrypted', () => {
  let broken: SourceBody;
  let fine: SourceBody;
  let itemId: string;

  beforeAll(async () => {
    broken = await createSource(api, analyst, {
      name: `Corrupted Mwangaza ${tag}`,
      contactNotes: 'Lost',
    });
    fine = await createSource(api, analyst, { name: `Intact Mwangaza ${tag}` });
    itemId = (await recordItem(api, analyst, broken.id, { title: `Cites a broken source ${tag}` }))
      .id;
    // One flipped bit in the middle of the stored name: it no longer authenticates.
    await testPool().query(
      `UPDATE sources SET name_enc = overlay(name_enc placing
         decode(lpad(to_hex(get_byte(name_enc, 20) # 1), 2, '0'), 'hex') from 21 for 1)
       WHERE id = $1`,
      [broken.id],
    );
  });

  it('is flagged in the list while the others read normally', async () => {
    const items = await search(`mwangaza ${tag}`);
    const byId = new Map(items.map((s) => [s.id, s]));
    expect(byId.get(broken.id)).toMatchObject({
      unreadable: true,
      name: 'Unreadable source: its stored identity cannot be decrypted',
      contactNotes: '',
      kind: broken.kind,
      reliability: broken.reliability,
    });
    expect(byId.get(fine.id)).toMatchObject({ unreadable: false, name: fine.name });
  });

  it('answers GET with the same flagged shape, and on the pages of items that cite it', async () => {
    const one = await http().get(`/api/sources/${broken.id}`).set(analyst.auth()).expect(200);
    expect(one.body).toMatchObject({ id: broken.id, unreadable: true, contactNotes: '' });
    const item = await http().get(`/api/information-items/${itemId}`).set(analyst.auth());
    expect(item.status).toBe(200);
    expect(item.body.source).toMatchObject({
      protected: false,
      unreadable: true,
      id: broken.id,
      name: 'Unreadable source: its stored identity cannot be decrypted',
    });
    const list = await http()
      .get('/api/information-items')
      .query({ q: `broken source ${tag}` })
      .set(analyst.auth())
      .expect(200);
    expect(list.body.items[0]?.source).toMatchObject({ unreadable: true, id: broken.id });
    const csv = await http()
      .get('/api/information-items/export.csv')
      .query({ q: `broken source ${tag}` })
      .set(analyst.auth())
      .expect(200);
    expect(csv.text).toContain('Unreadable source');
  });

  it('can be re-recorded whole, not half', async () => {
    expectError(
      await http()
        .patch(`/api/sources/${broken.id}`)
        .set(analyst.auth())
        .send({ version: broken.version, name: 'Only a name' }),
      409,
      /send both name and contactNotes/,
    );
    // A client sending back what it was shown never overwrites the stored value with it.
    const roundTrip = await http().get(`/api/sources/${broken.id}`).set(analyst.auth());
    const shown = roundTrip.body as { name: string; contactNotes: string };
    expectError(
      await http()
        .patch(`/api/sources/${broken.id}`)
        .set(analyst.auth())
        .send({ version: broken.version, name: shown.name, contactNotes: shown.contactNotes }),
      400,
      /not a name/,
    );
    const kind = await http()
      .patch(`/api/sources/${broken.id}`)
      .set(analyst.auth())
      .send({ version: broken.version, reliability: 'D' })
      .expect(200);
    expect(kind.body).toMatchObject({ unreadable: true, reliability: 'D' });
    const fixed = await http()
      .patch(`/api/sources/${broken.id}`)
      .set(analyst.auth())
      .send({ version: kind.body.version, name: `Restored Mwangaza ${tag}`, contactNotes: 'New' })
      .expect(200);
    expect(fixed.body).toMatchObject({
      unreadable: false,
      name: `Restored Mwangaza ${tag}`,
      contactNotes: 'New',
    });
  });
});
