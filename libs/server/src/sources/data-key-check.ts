import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { DataKeyError, type DataKeyring } from '../common/crypto/data-keys.js';
import { sqlOn, type SqlRunner } from '../database/sql-runner.js';
import { DataKeyStore } from './data-key.store.js';
import { SourceStore } from './source.store.js';

/**
 * Refuses to run half-working. Every configured key must be the key its id was first used with
 * (its check value in `data_keys` decrypts; a new id gets one), the active key must not be retired,
 * and every key id a stored source uses must be configured. Throws DataKeyError naming the key.
 */
export async function verifyDataKeys(
  run: SqlRunner,
  keyring: DataKeyring,
  sources: SourceStore,
  keys = new DataKeyStore(),
): Promise<void> {
  const origin = keyring.origin;
  let known = new Map((await keys.all(run)).map((r) => [r.id, r]));
  const unknown = keyring.keys.filter((k) => !known.has(k.id));
  if (unknown.length > 0) {
    for (const key of unknown) await keys.remember(run, key);
    // Re-read: another instance starting at the same moment may have recorded the id first.
    known = new Map((await keys.all(run)).map((r) => [r.id, r]));
  }
  for (const key of keyring.keys) {
    const row = known.get(key.id);
    if (!row || !keys.matches(row, key)) {
      throw new DataKeyError(
        `${origin}: key '${key.id}' is not the key first used under that id (the check value ` +
          `recorded in data_keys does not decrypt with it): restore the right bytes for '${key.id}'`,
      );
    }
  }
  const missing = (await sources.storedKeyIds(run)).filter((id) => !keyring.get(id));
  if (missing.length > 0) {
    const ids = missing.map((id) => `'${id}'`).join(', ');
    throw new DataKeyError(
      `Source identities are encrypted under key ${ids}, which ${origin} does not hold: add it back; ` +
        'a key can be removed only after `keys:rotate` moved every value off it',
    );
  }
  if (known.get(keyring.active.id)?.retired_at) {
    throw new DataKeyError(
      `${origin}: the active (first) key '${keyring.active.id}' was retired with keys:retire; put a current key first`,
    );
  }
}

/** The start check of the api (and of the command line's services): see verifyDataKeys. */
@Injectable()
export class DataKeyCheck implements OnApplicationBootstrap {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly sources: SourceStore,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await verifyDataKeys(sqlOn(this.db), this.sources.cipher.keyring, this.sources);
  }
}
