import type { DataKey } from '../common/crypto/data-keys.js';
import {
  FieldCipherError,
  fieldContext,
  openField,
  sealField,
} from '../common/crypto/field-cipher.js';
import type { SqlRunner } from '../database/sql-runner.js';

/** A row of `data_keys`: one per key id ever used, with a value only that key decrypts. */
export interface DataKeyRow {
  id: string;
  check_value: Buffer;
  created_at: Date;
  retired_at: Date | null;
}

const CHECK_PLAINTEXT = 'vigil data key check';
const checkContext = (id: string) => fieldContext('data_keys', 'check_value', id);

/**
 * The `data_keys` table. The keys themselves live outside the database; each id has a check value
 * sealed under its key when the id was first seen, so a key with the right id and the wrong bytes
 * is recognised before it encrypts anything.
 */
export class DataKeyStore {
  async all(run: SqlRunner): Promise<DataKeyRow[]> {
    return run<DataKeyRow>(
      'SELECT id, check_value, created_at, retired_at FROM data_keys ORDER BY created_at, id',
    );
  }

  /** Records `key`'s check value unless its id is already known. */
  async remember(run: SqlRunner, key: DataKey): Promise<void> {
    await run(
      'INSERT INTO data_keys (id, check_value) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING',
      [key.id, sealField(key, CHECK_PLAINTEXT, checkContext(key.id))],
    );
  }

  /** Whether `key` decrypts the check value recorded for its id. */
  matches(row: DataKeyRow, key: DataKey): boolean {
    try {
      const keys = { get: (id: string) => (id === key.id ? key : undefined) };
      return openField(keys, row.check_value, checkContext(row.id)) === CHECK_PLAINTEXT;
    } catch (error) {
      if (error instanceof FieldCipherError) return false;
      throw error;
    }
  }

  /**
   * Locks a key's row until the caller's transaction ends, waiting for every write under it in
   * progress (they hold it FOR SHARE). False if the id is unknown.
   */
  async lockForRetiring(run: SqlRunner, id: string): Promise<boolean> {
    const rows = await run('SELECT id FROM data_keys WHERE id = $1 FOR UPDATE', [id]);
    return rows.length === 1;
  }

  /** Marks a key retired (it encrypts nothing any more). False if the id is unknown. */
  async retire(run: SqlRunner, id: string): Promise<boolean> {
    const rows = await run<{ id: string }>(
      'UPDATE data_keys SET retired_at = COALESCE(retired_at, now()) WHERE id = $1 RETURNING id',
      [id],
    );
    return rows.length === 1;
  }
}
