/**
 * A situation's reference, `SIT-YYYY-NNNN`: the year it was opened and its number in that year,
 * four digits (zero-padded) up to 9999, then as many as it needs (`SIT-2026-10000`).
 */
export const CASE_REFERENCE_PATTERN = /^SIT-(\d{4})-(\d{4}|[1-9]\d{4,9})$/;

/** The year and number of a reference, or null when `reference` is not one. */
export function parseCaseReference(reference: string): { year: number; number: number } | null {
  const match = CASE_REFERENCE_PATTERN.exec(reference);
  if (!match) return null;
  return { year: Number(match[1]), number: Number(match[2]) };
}
