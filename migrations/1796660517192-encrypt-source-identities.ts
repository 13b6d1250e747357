import type { MigrationInterface, QueryRunner } from 'typeorm';
import { DataKeyring } from '../libs/server/src/common/crypto/data-keys.js';
import { sqlOn } from '../libs/server/src/database/sql-runner.js';
import { DataKeyStore } from '../libs/server/src/sources/data-key-store.js';
import { SourceCipher } from '../libs/server/src/sources/source-cipher.js';

const BATCH = 1000;

/**
 * Source identities encrypted at rest (issue 14, item 3; docs/security.md "Keys and rotation").
 * `sources.name` and `sources.contact_notes` become `name_enc` and `contact_notes_enc` (AES-256-GCM,
 * versioned header naming the key), `key_id` (which key, indexed so counting per key is one query)
 * and `name_index` (the keyed blind index the source picker searches, GIN). `data_keys` holds one
 * check value per key id, so a wrong key under a known id is refused at start.
 *
 * Existing rows are encrypted here, in this transaction, with the key of VIGIL_DATA_KEY (npm start
 * and the db scripts set it from `.vigil/data-keys`); a database without sources needs no key. The
 * plain columns are then dropped and the table rewritten (CLUSTER nulls dropped columns in every
 * tuple it copies, dead versions included), so no plain name is left in the table's files. The
 * plain name index goes too: it held every name. Items get an index on (source_id, classification):
 * a source's effective classification (the highest among the items citing it) is one index probe.
 */
export class EncryptSourceIdentities1796660517192 implements MigrationInterface {
  name = 'EncryptSourceIdentities1796660517192';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE data_keys (
        id text PRIMARY KEY CHECK (id ~ '^[a-z0-9_-]{1,32}$'),
        check_value bytea NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        retired_at timestamptz
      )`);
    await q.query(`
      ALTER TABLE sources
        ADD COLUMN key_id text CHECK (key_id ~ '^[a-z0-9_-]{1,32}$'),
        ADD COLUMN name_enc bytea,
        ADD COLUMN contact_notes_enc bytea,
        ADD COLUMN name_index text[] NOT NULL DEFAULT '{}',
        ALTER COLUMN name DROP NOT NULL,
        ALTER COLUMN contact_notes DROP NOT NULL`);
    const [{ n }] = (await q.query('SELECT count(*)::int AS n FROM sources')) as { n: number }[];
    if (n > 0) {
      const cipher = new SourceCipher(keyringFor(n, 'encrypts'));
      const run = sqlOn(q.manager);
      await new DataKeyStore().remember(run, cipher.keyring.active);
      for (;;) {
        const rows = (await q.query(
          `SELECT id, name, contact_notes FROM sources WHERE key_id IS NULL ORDER BY id LIMIT ${BATCH}`,
        )) as { id: string; name: string; contact_notes: string }[];
        if (rows.length === 0) break;
        for (const row of rows) {
          const sealed = cipher.seal(row.id, { name: row.name, contactNotes: row.contact_notes });
          await q.query(
            `UPDATE sources SET key_id = $2, name_enc = $3, contact_notes_enc = $4, name_index = $5,
               name = NULL, contact_notes = NULL
             WHERE id = $1`,
            [row.id, sealed.keyId, sealed.nameEnc, sealed.contactNotesEnc, sealed.nameIndex],
          );
        }
      }
    }
    await q.query('DROP INDEX sources_name_idx');
    await q.query(`
      ALTER TABLE sources
        DROP COLUMN name,
        DROP COLUMN contact_notes,
        ALTER COLUMN key_id SET NOT NULL,
        ALTER COLUMN name_enc SET NOT NULL,
        ALTER COLUMN contact_notes_enc SET NOT NULL`);
    // Rewrites the table (and its TOAST table) with only what is visible now: the old files, which
    // held the plain values, are removed at commit.
    if (n > 0) await q.query('CLUSTER sources USING sources_pkey');
    // Nothing is written under a retired key, whoever writes (an api not restarted on the new
    // key): the key's row is held FOR SHARE until the writer commits, so keys:retire, which locks
    // it FOR UPDATE before counting, either counts the value or makes the write fail.
    await q.query(`
      CREATE FUNCTION sources_key_not_retired() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        retired timestamptz;
      BEGIN
        SELECT retired_at INTO retired FROM data_keys WHERE id = NEW.key_id FOR SHARE;
        IF retired IS NOT NULL THEN
          RAISE EXCEPTION 'data key % is retired: restart with the active key first', NEW.key_id
            USING ERRCODE = 'VG001';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER sources_key_not_retired BEFORE INSERT OR UPDATE OF key_id ON sources
        FOR EACH ROW EXECUTE FUNCTION sources_key_not_retired()`);
    await q.query('CREATE INDEX sources_key_id_idx ON sources (key_id)');
    await q.query('CREATE INDEX sources_name_index_idx ON sources USING gin (name_index)');
    await q.query('CREATE INDEX sources_created_idx ON sources (created_at DESC, id DESC)');
    await q.query(
      'CREATE INDEX information_items_source_classification_idx ON information_items (source_id, classification)',
    );
    await q.query('DROP INDEX information_items_source_idx');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TRIGGER sources_key_not_retired ON sources');
    await q.query('DROP FUNCTION sources_key_not_retired()');
    await q.query('CREATE INDEX information_items_source_idx ON information_items (source_id)');
    await q.query('DROP INDEX information_items_source_classification_idx');
    await q.query(`
      ALTER TABLE sources
        ADD COLUMN name text CHECK (length(name) BETWEEN 1 AND 200),
        ADD COLUMN contact_notes text DEFAULT '' CHECK (length(contact_notes) <= 5000)`);
    const [{ n }] = (await q.query('SELECT count(*)::int AS n FROM sources')) as { n: number }[];
    if (n > 0) {
      const cipher = new SourceCipher(keyringFor(n, 'decrypts'));
      let after = '00000000-0000-0000-0000-000000000000';
      for (;;) {
        const rows = (await q.query(
          `SELECT id, key_id, name_enc, contact_notes_enc FROM sources WHERE id > $1 ORDER BY id LIMIT ${BATCH}`,
          [after],
        )) as { id: string; key_id: string; name_enc: Buffer; contact_notes_enc: Buffer }[];
        if (rows.length === 0) break;
        for (const row of rows) {
          // Throws, naming the source and its key, if a value cannot be decrypted: nothing is lost.
          const identity = cipher.openOrThrow(row);
          await q.query('UPDATE sources SET name = $2, contact_notes = $3 WHERE id = $1', [
            row.id,
            identity.name,
            identity.contactNotes,
          ]);
        }
        after = rows[rows.length - 1]?.id ?? after;
      }
    }
    await q.query(`
      ALTER TABLE sources
        ALTER COLUMN name SET NOT NULL,
        ALTER COLUMN contact_notes SET NOT NULL,
        DROP COLUMN key_id,
        DROP COLUMN name_enc,
        DROP COLUMN contact_notes_enc,
        DROP COLUMN name_index`);
    await q.query('DROP INDEX sources_created_idx');
    await q.query('CREATE INDEX sources_name_idx ON sources (lower(name), id)');
    await q.query('DROP TABLE data_keys');
  }
}

/** The configured keys; a clear refusal when there are sources and no key. */
function keyringFor(sources: number, verb: 'encrypts' | 'decrypts'): DataKeyring {
  if (!process.env.VIGIL_DATA_KEY) {
    throw new Error(
      `This migration ${verb} the names and contact notes of the ${sources} sources already recorded ` +
        'and needs the data key: set VIGIL_DATA_KEY (npm start and npm run db:migrate read ' +
        '.vigil/data-keys when it is not set; generate a key with `npm run vigil -- keys:generate`).',
    );
  }
  return DataKeyring.parse(process.env.VIGIL_DATA_KEY);
}
