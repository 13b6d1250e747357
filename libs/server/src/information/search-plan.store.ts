import type { DataSource, EntityManager } from 'typeorm';

/** How a search is best run, decided from the data before the search SQL is written. */
export interface SearchPlan {
  /**
   * The share of items that hold the rarest word searched for (0 when it is rarer than ANALYZE
   * tracks). When every word is common, walking the newest items and testing each finds a page
   * sooner than collecting every match from the full-text index: PostgreSQL takes the words of a
   * phrase as independent, underestimates how many items hold them together (49,000 for a 3,500
   * estimate in bench/search), then re-reads every match from the heap to sort them.
   */
  rarestWordShare?: number;
}

/**
 * Walk the newest items when the rarest word is in at least this share of them: for a page of 25
 * newest first, about 2,500 items are tested at 1%; for relevance, which ranks the
 * RELEVANCE_CANDIDATES newest matches, 10,000 at 20%.
 */
export const WALK_NEWEST_SHARE = { page: 0.01, relevance: 0.2 } as const;

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
     SELECT CASE WHEN count(*) > 0 THEN min(coalesce(stats.f, 0)) ELSE 0 END::float8 AS share
     FROM words LEFT JOIN stats USING (e)`,
    [q],
  )) as { share: number }[] | { rows: { share: number }[] };
  const rows = Array.isArray(result) ? result : result.rows;
  return { rarestWordShare: rows[0]?.share ?? 0 };
}
