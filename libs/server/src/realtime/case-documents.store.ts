import type { Db } from '../database/named-query.js';

/** The ids of a case's documents. */
export async function caseDocumentIds(db: Db, caseId: string): Promise<string[]> {
  const rows = (await db.query('SELECT id FROM documents WHERE case_id = $1', [caseId])) as {
    id: string;
  }[];
  return rows.map((row) => row.id);
}
