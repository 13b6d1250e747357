import type { EntityManager } from 'typeorm';
import { nextCaseReferenceNumber } from './case-reference.store.js';

/**
 * Allocates the next `SIT-YYYY-NNNN` inside the caller's transaction. The counter row stays locked
 * until commit, so concurrent creations queue, and a rolled-back creation gives its number back:
 * no gaps, no duplicates. Numbers have four digits (zero-padded) up to 9999, then as many as they
 * need (`SIT-2026-10000`): a year never runs out.
 */
export async function allocateCaseReference(
  manager: EntityManager,
  now = new Date(),
): Promise<string> {
  const year = now.getUTCFullYear();
  const number = await nextCaseReferenceNumber(manager, year);
  return `SIT-${year}-${String(number).padStart(4, '0')}`;
}

/**
 * SQL ordering the cases of `alias` by reference in allocation order (year, then number), which
 * text order is not past 9999 (`SIT-2026-10000` < `SIT-2026-9999`). `case_reference_order` is
 * defined by a migration and indexed (`cases_reference_order_idx`).
 */
export function caseReferenceOrderSql(alias: string): string {
  return `case_reference_order(${alias}.reference)`;
}
