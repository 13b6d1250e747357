import type pg from 'pg';
import { DataKeyError, type DataKeyring } from '../common/crypto/data-keys.js';
import { FieldCipherError } from '../common/crypto/field-cipher.js';
import { sqlOnPg } from '../database/sql-runner.js';
import { verifyDataKeys } from './data-key-check.js';
import { DataKeyStore } from './data-key.store.js';
import { SourceCipher } from './source-cipher.js';
import { SourceStore } from './source.store.js';

/** Rows re-encrypted per transaction. */
export const ROTATION_BATCH = 500;

export interface RotationOptions {
  batchSize?: number;
  /** Called after each batch with the running count. */
  onProgress?: (done: number, total: number) => void;
  /**
   * How many times to wait (200 ms) for rows an edit in progress holds before giving up; each
   * round that re-encrypts something starts the count again.
   */
  patience?: number;
}

export interface RotationResult {
  /** Source identities this run moved to the active key. */
  reencrypted: number;
  /** Source identities still under another key (unreadable ones included). */
  remaining: number;
  /** Sources whose stored identity cannot be decrypted: left as they are (ids and key ids only). */
  unreadable: { id: string; keyId: string }[];
  activeKeyId: string;
}

/**
 * `keys:rotate`: re-encrypts every source identity not under the active key, in batches of
 * ROTATION_BATCH rows, each its own transaction, so a crash loses at most the batch in flight and
 * a new run continues with whatever is still under an old key. Safe while the api serves writes:
 * rows are locked FOR UPDATE SKIP LOCKED (an edit in progress is skipped and taken up in a later
 * batch; an edit waiting on a batch's lock reads the re-encrypted row) and each update is a
 * compare-and-swap on the key id and both ciphertexts read. The api must already run with the
 * new key first, or it keeps writing under the old one.
 */
export async function rotateDataKeys(
  pool: pg.Pool,
  keyring: DataKeyring,
  options: RotationOptions = {},
): Promise<RotationResult> {
  const batchSize = options.batchSize ?? ROTATION_BATCH;
  const patience = options.patience ?? 50;
  const store = new SourceStore(new SourceCipher(keyring));
  const active = keyring.active;
  await verifyDataKeys(sqlOnPg(pool), keyring, store);
  const total = await store.countNotUnder(sqlOnPg(pool), active.id);
  const unreadable = new Map<string, string>();
  let done = 0;
  let waited = 0;
  for (;;) {
    const { locked, moved } = await rotateBatch(pool, store, batchSize, unreadable);
    done += moved;
    if (locked > 0) {
      waited = 0;
      options.onProgress?.(done, Math.max(total, done));
      continue;
    }
    // Nothing left to lock: finished, or the rest is held by edits in progress.
    const left = (await store.countNotUnder(sqlOnPg(pool), active.id)) - unreadable.size;
    if (left <= 0 || waited >= patience) break;
    waited += 1;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    reencrypted: done,
    remaining: await store.countNotUnder(sqlOnPg(pool), active.id),
    unreadable: [...unreadable].map(([id, keyId]) => ({ id, keyId })),
    activeKeyId: active.id,
  };
}

async function rotateBatch(
  pool: pg.Pool,
  store: SourceStore,
  batchSize: number,
  unreadable: Map<string, string>,
): Promise<{ locked: number; moved: number }> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const run = sqlOnPg(client);
    const active = store.cipher.keyring.active;
    const rows = await store.lockNotUnder(run, active.id, batchSize, [...unreadable.keys()]);
    let moved = 0;
    for (const row of rows) {
      let identity;
      try {
        identity = store.cipher.openOrThrow(row);
      } catch (error) {
        if (!(error instanceof FieldCipherError)) throw error;
        unreadable.set(row.id, row.key_id);
        continue;
      }
      if (await store.reseal(run, row, identity, active)) moved += 1;
    }
    await client.query('COMMIT');
    return { locked: rows.length, moved };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** One key as `keys:status` shows it. */
export interface KeyStatus {
  id: string;
  /** Source identities encrypted under it. */
  identities: number;
  configured: boolean;
  active: boolean;
  /** Known to the database (a check value in data_keys). */
  recorded: boolean;
  /** Whether the configured bytes decrypt the recorded check value (null: not both). */
  matches: boolean | null;
  retiredAt: Date | null;
}

/** Every key id configured, recorded or in use, with its count. Works with no key configured. */
export async function dataKeyStatus(
  pool: pg.Pool,
  keyring: DataKeyring | null,
): Promise<KeyStatus[]> {
  const run = sqlOnPg(pool);
  const keys = new DataKeyStore();
  const recorded = new Map((await keys.all(run)).map((r) => [r.id, r]));
  const counts = await SourceStore.countByKey(run);
  const ids = [...new Set([...(keyring?.ids ?? []), ...recorded.keys(), ...counts.keys()])];
  return ids.map((id) => {
    const key = keyring?.get(id);
    const row = recorded.get(id);
    return {
      id,
      identities: counts.get(id) ?? 0,
      configured: key !== undefined,
      active: keyring?.active.id === id,
      recorded: row !== undefined,
      matches: key && row ? keys.matches(row, key) : null,
      retiredAt: row?.retired_at ?? null,
    };
  });
}

/**
 * `keys:retire <id>`: refused while any source identity is under the key, or while it is the
 * active key; otherwise the key is marked retired in data_keys (removing it from the
 * configuration is the operator's, or the command line's for `.vigil/data-keys`).
 */
export async function retireDataKey(
  pool: pg.Pool,
  keyring: DataKeyring | null,
  id: string,
): Promise<{ recorded: boolean }> {
  if (keyring?.active.id === id) {
    throw new DataKeyError(
      `Key '${id}' is the active key (first in ${keyring.origin}): put a new key first, restart the api, run keys:rotate, then retire '${id}'.`,
    );
  }
  // One transaction: the key's row locked first, so a value being written under it (the trigger on
  // sources holds that row FOR SHARE) is committed before the count, and counted; once retired, no
  // value can be written under the key again.
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const run = sqlOnPg(client);
    const keys = new DataKeyStore();
    const known = await keys.lockForRetiring(run, id);
    const inUse = (await SourceStore.countByKey(run)).get(id) ?? 0;
    if (inUse > 0) {
      throw new DataKeyError(
        `${inUse.toLocaleString('en')} source identities are still encrypted under key '${id}': run keys:rotate first (with a new key first in the configuration), then retire it.`,
      );
    }
    const recorded = known ? await keys.retire(run, id) : false;
    await client.query('COMMIT');
    return { recorded };
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}
