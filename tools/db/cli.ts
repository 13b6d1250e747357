import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../libs/server/src/database/data-source.js';
import { MIGRATIONS } from '../../migrations/index.js';
import { exportLocalDataKeys } from './local-data-keys.js';
import { openLocalDatabase } from './local-database.js';
import { newMigration } from './new-migration.js';

const USAGE = 'usage: npm run db:migrate | db:revert | db:reset | migration:generate -- <Name>';

/** Database chores: migrate, revert the last migration, reset (revert all, migrate), new migration. */
async function main(): Promise<void> {
  const [command, name] = process.argv.slice(2);
  if (!command || !['migrate', 'revert', 'reset', 'generate'].includes(command)) {
    console.error(USAGE);
    process.exit(2);
  }
  if (command === 'generate') {
    const file = await newMigration(name ?? '');
    console.log(
      `Wrote ${file} and registered it in migrations/index.ts: write its SQL (up and down).`,
    );
    return;
  }
  // A migration may encrypt or decrypt source identities: VIGIL_DATA_KEY, else .vigil/data-keys.
  exportLocalDataKeys();
  const local = await openLocalDatabase(console.log);
  const db = new DataSource(dataSourceOptions(local.url, 2, MIGRATIONS));
  await db.initialize();
  try {
    if (command === 'migrate') {
      const applied = await db.runMigrations({ transaction: 'each' });
      console.log(
        applied.length
          ? `Applied: ${applied.map((m) => m.name).join(', ')}`
          : 'Database is up to date.',
      );
    } else if (command === 'revert') {
      await db.undoLastMigration({ transaction: 'each' });
      console.log('Reverted the last migration.');
    } else if (command === 'reset') {
      while ((await db.query('SELECT count(*)::int AS n FROM migrations'))[0].n > 0) {
        await db.undoLastMigration({ transaction: 'each' });
      }
      await db.runMigrations({ transaction: 'each' });
      console.log('Reverted every migration and applied them again.');
    }
  } finally {
    await db.destroy();
    await local.release();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
