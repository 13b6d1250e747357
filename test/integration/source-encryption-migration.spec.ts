import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { DataKeyring } from '../../libs/server/src/common/crypto/data-keys.js';
import { dataSourceOptions } from '../../libs/server/src/database/data-source.js';
import { SourceCipher } from '../../libs/server/src/sources/source-cipher.js';
import { MIGRATIONS } from '../../migrations/index.js';
import { EncryptSourceIdentities1796660517192 } from '../../migrations/1796660517192-encrypt-source-identities.js';

// The migration that encrypts the sources already recorded (issue 14, item 3): with the key it
// leaves no plain name or contact note in the table (nor in its files on disk); without one it
// refuses and changes nothing; reverted, it gives the plain values back.

const KEY = 'mig:LRALoplAgXU5U0wdud5kzj0vEyxbxhdSysOB/PMlI8A=';
const dbName = `vigil_srcmig_${randomUUID().replaceAll('-', '').slice(0, 10)}`;
const marker = `Zephyrine${randomUUID().slice(0, 6)}`;
let url: string;
/** A superuser connection to the scratch database (reads the table's files). */
let admin: pg.Client;

const position = MIGRATIONS.indexOf(EncryptSourceIdentities1796660517192);
const upTo = (n: number) => MIGRATIONS.slice(0, n);

/** Long and incompressible: stored out of line, in the TOAST table. */
const longNotes = `Reach ${marker} via ${randomBytes(3000).toString('base64')}`;
const plain = [
  { name: `Village chief ${marker}`, notes: `Meet at the well ${marker}` },
  { name: `Nurse Aïcha ${marker}`, notes: longNotes },
  { name: `Monitor ${marker} Bunia`, notes: '' },
];
const ids: string[] = [];

async function migrations(list: typeof MIGRATIONS, revert = false): Promise<void> {
  const db = new DataSource(dataSourceOptions(url, 2, list));
  await db.initialize();
  try {
    if (revert) await db.undoLastMigration({ transaction: 'each' });
    else await db.runMigrations({ transaction: 'each' });
  } finally {
    await db.destroy();
  }
}

/** Whether `text` is anywhere in the files of `sources` and its TOAST table, as flushed to disk. */
async function inTableFiles(text: string): Promise<boolean> {
  await admin.query('CHECKPOINT');
  const { rows } = await admin.query<{ found: boolean }>(
    `SELECT bool_or(position($1::bytea IN pg_read_binary_file(pg_relation_filepath(r))) > 0) AS found
     FROM (SELECT 'sources'::regclass AS r
           UNION ALL SELECT reltoastrelid::regclass FROM pg_class WHERE oid = 'sources'::regclass) t`,
    [Buffer.from(text)],
  );
  return rows[0]?.found ?? false;
}

beforeAll(async () => {
  const server = new pg.Client({ connectionString: process.env.TEST_ADMIN_DATABASE_URL });
  await server.connect();
  await server.query(`CREATE DATABASE ${dbName}`);
  await server.end();
  const u = new URL(process.env.TEST_ADMIN_DATABASE_URL ?? '');
  u.pathname = `/${dbName}`;
  url = u.toString();
  admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await migrations(upTo(position));
  const { rows: org } = await admin.query<{ id: string }>(
    `INSERT INTO organisations (name, acronym, kind) VALUES ('Office', 'OFF', 'office') RETURNING id`,
  );
  const { rows: user } = await admin.query<{ id: string }>(
    `INSERT INTO users (email, display_name, password_hash, roles, organisation_id, clearance)
     VALUES ('a@vigil.test', 'A', 'x', ARRAY['analyst'], $1, 'confidential') RETURNING id`,
    [org[0]?.id],
  );
  for (const s of plain) {
    const { rows } = await admin.query<{ id: string }>(
      `INSERT INTO sources (name, kind, reliability, contact_notes, created_by)
       VALUES ($1, 'individual', 'C', $2, $3) RETURNING id`,
      [s.name, s.notes, user[0]?.id],
    );
    ids.push(rows[0]?.id ?? '');
  }
  // Edited once: a dead version of the row holds the plain values too.
  await admin.query(`UPDATE sources SET reliability = 'B' WHERE id = $1`, [ids[0]]);
}, 120_000);

afterAll(async () => {
  delete process.env.VIGIL_DATA_KEY;
  await admin.end();
  const server = new pg.Client({ connectionString: process.env.TEST_ADMIN_DATABASE_URL });
  await server.connect();
  await server.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  await server.end();
});

it('refuses to run without the data key while sources exist, and changes nothing', async () => {
  delete process.env.VIGIL_DATA_KEY;
  expect(await inTableFiles(marker)).toBe(true); // what the check below would see if left
  await expect(migrations(upTo(position + 1))).rejects.toThrow(
    /This migration encrypts the names and contact notes of the 3 sources already recorded and needs the data key: set VIGIL_DATA_KEY/,
  );
  const { rows } = await admin.query<{ name: string }>('SELECT name FROM sources ORDER BY name');
  expect(rows).toHaveLength(3);
}, 60_000);

it('encrypts every existing source and leaves no plain value in the table or its files', async () => {
  process.env.VIGIL_DATA_KEY = KEY;
  await migrations(upTo(position + 1));
  const { rows: columns } = await admin.query<{ column_name: string }>(
    `SELECT column_name FROM information_schema.columns WHERE table_name = 'sources'`,
  );
  const names = columns.map((c) => c.column_name);
  expect(names).toEqual(expect.arrayContaining(['key_id', 'name_enc', 'contact_notes_enc']));
  expect(names).not.toContain('name');
  expect(names).not.toContain('contact_notes');
  const { rows: indexes } = await admin.query<{ indexname: string }>(
    `SELECT indexname FROM pg_indexes WHERE tablename = 'sources'`,
  );
  expect(indexes.map((i) => i.indexname)).not.toContain('sources_name_idx');

  const { rows } = await admin.query<{
    id: string;
    key_id: string;
    name_enc: Buffer;
    contact_notes_enc: Buffer;
    t: string;
  }>('SELECT id, key_id, name_enc, contact_notes_enc, s::text AS t FROM sources s');
  const cipher = new SourceCipher(DataKeyring.parse(KEY));
  for (const [n, id] of ids.entries()) {
    const row = rows.find((r) => r.id === id);
    if (!row) throw new Error(`source ${id} is gone`);
    expect(row.key_id).toBe('mig');
    expect(cipher.openOrThrow(row)).toEqual({
      name: plain[n]?.name,
      contactNotes: plain[n]?.notes,
    });
    expect(row.t).not.toContain(marker);
    expect(row.t).not.toContain(Buffer.from(marker).toString('hex'));
  }
  const { rows: keys } = await admin.query<{ id: string }>('SELECT id FROM data_keys');
  expect(keys.map((k) => k.id)).toEqual(['mig']);
  // Neither live nor dead versions of the rows, nor the TOAST table, keep the plain values.
  expect(await inTableFiles(marker)).toBe(false);
  expect(await inTableFiles(longNotes.slice(200, 260))).toBe(false);
}, 60_000);

it('reverts: the plain values come back from the encrypted ones', async () => {
  delete process.env.VIGIL_DATA_KEY;
  await expect(migrations(upTo(position + 1), true)).rejects.toThrow(
    /This migration decrypts the names and contact notes of the 3 sources/,
  );
  process.env.VIGIL_DATA_KEY = KEY;
  await migrations(upTo(position + 1), true);
  const { rows } = await admin.query<{ id: string; name: string; contact_notes: string }>(
    'SELECT id, name, contact_notes FROM sources',
  );
  for (const [n, id] of ids.entries()) {
    expect(rows.find((r) => r.id === id)).toMatchObject({
      name: plain[n]?.name,
      contact_notes: plain[n]?.notes,
    });
  }
  await migrations(MIGRATIONS);
}, 60_000);
