import type { Db } from '../database/named-query.js';

/** The documents with at least `minUpdates` stored updates not yet folded into their state. */
export async function busyDocumentIds(db: Db, minUpdates: number): Promise<string[]> {
  const rows = (await db.query(
    `SELECT document_id FROM document_updates GROUP BY document_id HAVING count(*) >= $1`,
    [minUpdates],
  )) as { document_id: string }[];
  return rows.map((row) => row.document_id);
}
