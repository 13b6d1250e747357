import type { EntityManager } from 'typeorm';

/**
 * Takes the next number of `year` from its counter row (created at 1 the first time). The row
 * stays locked until the caller's transaction ends, so concurrent creations queue and a rollback
 * gives the number back.
 */
export async function nextCaseReferenceNumber(m: EntityManager, year: number): Promise<number> {
  const [row] = (await m.query(
    `INSERT INTO case_reference_counters (year, last_number) VALUES ($1, 1)
     ON CONFLICT (year) DO UPDATE SET last_number = case_reference_counters.last_number + 1
     RETURNING last_number`,
    [year],
  )) as { last_number: number }[];
  if (!row) throw new Error('reference counter returned no row');
  return row.last_number;
}
