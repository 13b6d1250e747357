import type { Command } from 'commander';
import pg from 'pg';
import {
  dataKeyStatus,
  DataKeyError,
  DataKeyring,
  formatDataKeyEntry,
  generateDataKeyEntry,
  retireDataKey,
  rotateDataKeys,
  ROTATION_BATCH,
} from '@vigil/server';
import {
  exportLocalDataKeys,
  localDataKeys,
  localKeyring,
  prependLocalDataKey,
  removeLocalDataKey,
} from '../db/local-data-keys.js';
import { openLocalDatabase } from '../db/local-database.js';
import { migrate } from '../db/migrate.js';

const count = (n: number) => n.toLocaleString('en');

/** Runs `work` on a pool of the local (or DATABASE_URL) database, migrated if embedded. */
async function withDatabase<T>(work: (pool: pg.Pool) => Promise<T>): Promise<T> {
  exportLocalDataKeys();
  const local = await openLocalDatabase((line) => console.error(line));
  try {
    if (local.embedded) await migrate(local.url);
    const pool = new pg.Pool({ connectionString: local.url, max: 2 });
    try {
      return await work(pool);
    } finally {
      await pool.end();
    }
  } finally {
    await local.release();
  }
}

/** keys:generate, keys:rotate, keys:status, keys:retire (docs/security.md "Keys and rotation"). */
export function addKeyCommands(program: Command): void {
  program
    .command('keys:generate')
    .description(
      'Print a new data key entry (id:base64); --activate puts it first in .vigil/data-keys',
    )
    .option('--activate', 'prepend it to .vigil/data-keys (when VIGIL_DATA_KEY is not set)')
    .action((options: { activate?: boolean }) => {
      const entry = formatDataKeyEntry(generateDataKeyEntry());
      const id = entry.slice(0, entry.indexOf(':'));
      if (!options.activate) {
        console.log(entry);
        console.error(
          `Put it first in VIGIL_DATA_KEY (keep the old keys after it), restart the api, then run keys:rotate.`,
        );
        return;
      }
      if (process.env.VIGIL_DATA_KEY) {
        throw new DataKeyError(
          'VIGIL_DATA_KEY is set, so .vigil/data-keys is not used: put the new entry first in VIGIL_DATA_KEY yourself (keys:generate without --activate prints it).',
        );
      }
      prependLocalDataKey(entry);
      console.log(`Key '${id}' is now first (active) in .vigil/data-keys.`);
      console.log('Restart Vigil (npm start) so the api encrypts under it, then run keys:rotate.');
    });

  program
    .command('keys:rotate')
    .description('Re-encrypt every source identity not under the active key, in batches')
    .option('--batch-size <n>', 'rows per transaction', String(ROTATION_BATCH))
    .action(async (options: { batchSize: string }) => {
      const keyring = localKeyring();
      const batchSize = Number(options.batchSize);
      if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 10_000)
        throw new DataKeyError('--batch-size must be a whole number from 1 to 10000');
      console.log(
        `Re-encrypting under '${keyring.active.id}'. The api must already run with '${keyring.active.id}' first in its keys (restart it after changing them), or it keeps writing under the old key.`,
      );
      const result = await withDatabase((pool) =>
        rotateDataKeys(pool, keyring, {
          batchSize,
          onProgress: (done, total) =>
            console.log(`${count(done)} / ${count(total)} values re-encrypted`),
        }),
      );
      console.log(
        `Done: ${count(result.reencrypted)} source identities re-encrypted under '${result.activeKeyId}'.`,
      );
      for (const u of result.unreadable)
        console.log(`Source ${u.id} (key '${u.keyId}'): cannot be decrypted; left as it is.`);
      const others = result.remaining - result.unreadable.length;
      if (others > 0) {
        console.log(
          `${count(others)} still under other keys (edited meanwhile, or written by an api without '${result.activeKeyId}' first): run keys:rotate again.`,
        );
      }
      if (result.remaining > 0) process.exitCode = 1;
    });

  program
    .command('keys:status')
    .description(
      'Per key id: how many source identities use it, whether it is configured and active',
    )
    .action(async () => {
      const configured = localDataKeys();
      const keyring = configured ? DataKeyring.parse(configured.text, configured.origin) : null;
      const rows = await withDatabase((pool) => dataKeyStatus(pool, keyring));
      console.log(`Keys configured in: ${configured?.origin ?? 'nothing (no data key set)'}`);
      console.log(['key', 'identities', 'configured', 'active', 'check', 'retired'].join('\t'));
      for (const r of rows) {
        const check = r.matches === null ? '-' : r.matches ? 'ok' : 'WRONG KEY';
        const retired = r.retiredAt ? r.retiredAt.toISOString().slice(0, 10) : '-';
        console.log(
          [
            r.id,
            count(r.identities),
            r.configured ? 'yes' : 'no',
            r.active ? 'yes' : 'no',
            check,
            retired,
          ].join('\t'),
        );
        if (r.identities > 0 && !r.configured) process.exitCode = 1;
      }
    });

  program
    .command('keys:retire <id>')
    .description('Retire a key no source identity uses any more (refused while any does)')
    .action(async (id: string) => {
      const configured = localDataKeys();
      const keyring = configured ? DataKeyring.parse(configured.text, configured.origin) : null;
      const { recorded } = await withDatabase((pool) => retireDataKey(pool, keyring, id));
      console.log(
        recorded
          ? `Key '${id}' is retired: no source identity uses it.`
          : `No source identity uses key '${id}' (the database never recorded it).`,
      );
      if (configured?.fromFile) {
        if (removeLocalDataKey(id)) console.log(`Removed '${id}' from .vigil/data-keys.`);
      } else if (keyring?.get(id)) {
        console.log(
          `Remove '${id}' from VIGIL_DATA_KEY wherever it is set (api and command line), then restart the api.`,
        );
      }
    });
}
