import type { DataSource, EntityManager } from 'typeorm';

/** How a search is best run, decided from the data before the search SQL is written. */
export interface SearchPlan {
  /**
   * Every word the items must contain is common: walk the newest items and test each, instead of
   * collecting every match from the full-text index first. PostgreSQL takes the words of a
   * phrase as independent and underestimates how many items hold them together (49,000 for a
   * 3,500 estimate in bench/search), then re-reads every match from the heap to sort them.
   */
  walkNewest?: boolean;
}

/** At or above this share of items a word counts as common. */
export const COMMON_WORD_SHARE = 0.01;

/**
 * The plan for the words `q`, from the lexeme frequencies ANALYZE keeps for the search column
 * (`pg_stats.most_common_elem_freqs`). A word not among them is rare, so any rare word keeps the
 * index: walking the newest items for a rare word would read most of the table.
 */
export async function searchPlanFor(
  runner:
    DataSource | EntityManager | { query: (sql: string, params: unknown[]) => Promise<unknown> },
  q: string | undefined,
): Promise<SearchPlan> {
  if (!q?.trim()) return {};
  const result = (await runner.query(
    `WITH stats AS (
       SELECT u.e, u.f FROM pg_stats, unnest(most_common_elems::text::text[], most_common_elem_freqs) AS u(e, f)
       WHERE schemaname = current_schema() AND tablename = 'information_items' AND attname = 'search'),
     words AS (
       SELECT m[1] AS e FROM regexp_matches(querytree(websearch_to_tsquery('english', $1)), '''([^'']+)''', 'g') AS m)
     SELECT count(*) > 0 AND bool_and(coalesce(stats.f, 0) >= $2) AS common
     FROM words LEFT JOIN stats USING (e)`,
    [q, COMMON_WORD_SHARE],
  )) as { common: boolean | null }[] | { rows: { common: boolean | null }[] };
  const rows = Array.isArray(result) ? result : result.rows;
  return { walkNewest: rows[0]?.common === true };
}
