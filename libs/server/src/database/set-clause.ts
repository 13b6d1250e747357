/**
 * `column = $n` for each change, in the order given, numbered after the `taken` parameters the
 * statement already uses, with their values. Column names come from the store's own field maps,
 * never from input.
 */
export function setClause(
  changes: readonly (readonly [column: string, value: unknown])[],
  taken: number,
): { sets: string[]; values: unknown[] } {
  return {
    sets: changes.map(([column], i) => `${column} = $${taken + i + 1}`),
    values: changes.map(([, value]) => value),
  };
}
