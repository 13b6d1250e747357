import type { EntityManager } from 'typeorm';

/**
 * Allocates the next `SIT-YYYY-NNNN` inside the caller's transaction. The counter row stays locked
 * until commit, so concurrent creations queue, and a rolled-back creation gives its number back:
 * no gaps, no duplicates.
 */
export async function allocateCaseReference(
  manager: EntityManager,
  now = new Date(),
): Promise<string> {
  const year = now.getUTCFullYear();
  const [row] = (await manager.query(
    `INSERT INTO case_reference_counters (year, last_number) VALUES ($1, 1)
     ON CONFLICT (year) DO UPDATE SET last_number = case_reference_counters.last_number + 1
     RETURNING last_number`,
    [year],
  )) as { last_number: number }[];
  if (!row) throw new Error('reference counter returned no row');
  return `SIT-${year}-${String(row.last_number).padStart(4, '0')}`;
}
