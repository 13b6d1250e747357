import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../libs/server/src/database/data-source.js';
import { MIGRATIONS } from '../../migrations/index.js';

/** Applies every pending migration to the database at `url`; returns their names. */
export async function migrate(url: string): Promise<string[]> {
  const db = new DataSource(dataSourceOptions(url, 2, MIGRATIONS));
  await db.initialize();
  try {
    const applied = await db.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await db.destroy();
  }
}
