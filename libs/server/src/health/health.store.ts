import type { Db } from '../database/named-query.js';

/** Asks the database the smallest question; throws when it does not answer. */
export async function pingDatabase(db: Db): Promise<void> {
  await db.query('SELECT 1');
}
