import type { AppAbility } from '@vigil/domain';
import type pg from 'pg';
import { abilityToSql } from '../../libs/server/src/authorization/rules-to-sql.js';
import { SOURCE_SQL_FIELDS } from '../../libs/server/src/information/item-access.sql.js';
import {
  buildItemSearch,
  itemFilterSql,
  toPositional,
  type ItemSearchFilters,
} from '../../libs/server/src/information/item-search.store.js';

/**
 * Scratch variants of the api's search SQL, to measure what a change would buy before anyone
 * makes it. Each rewrites the text `buildItemSearch` produces; when that text no longer has the
 * expected shape the rewrite does not apply, never guessed.
 */

export interface Variant {
  name: string;
  sql: string;
  params: unknown[];
  /** SET LOCAL statements to run first, in the same transaction. */
  settings?: string[];
}

export interface VariantContext {
  ability: AppAbility;
  filters: ItemSearchFilters;
  /** Cases the caller leads or is a member of (for the access-rule rewrite). */
  workedCaseIds: string[];
  /** Every word searched for is in at least 1% of items (pg_stats), see `commonWordsOnly`. */
  commonWords: boolean;
}

type Named = { sql: string; params: Record<string, unknown> };
type Rewrite = (named: Named, ctx: VariantContext) => Named | null;

/** `EXISTS (… cases wc … lead … OR EXISTS (… case_members …))`, as worksCaseSql writes it. */
const WORKS_CASE =
  /EXISTS \(SELECT 1 FROM cases wc WHERE wc\.id = (\w+\.case_id) AND \(wc\.lead_analyst_id = :(\w+)\s+OR EXISTS \(SELECT 1 FROM case_members wm WHERE wm\.case_id = wc\.id AND wm\.user_id = :\2\)\)\)/g;

/** The caller's cases as an array parameter: `ic.case_id = ANY(:workedCases)`. */
const workedCasesArray: Rewrite = (n, ctx) => {
  if (!WORKS_CASE.test(n.sql)) return null;
  WORKS_CASE.lastIndex = 0;
  return {
    sql: n.sql.replace(
      WORKS_CASE,
      (_m, caseExpr: string) => `${caseExpr} = ANY(:workedCases::uuid[])`,
    ),
    params: { ...n.params, workedCases: ctx.workedCaseIds },
  };
};

/** The page CTE carries ids and sort keys only; the 26 rows are read afterwards. */
const narrowPage: Rewrite = (n) => {
  const head = /WITH p AS \(\s*SELECT i\.\*, /;
  const tail = /LIMIT :limit\s*\)/;
  if (!head.test(n.sql) || !tail.test(n.sql)) return null;
  return {
    sql: n.sql
      .replace(head, 'WITH page AS (\n      SELECT i.id, ')
      .replace(
        tail,
        'LIMIT :limit\n    ), p AS (SELECT i.*, page.rank, page.sort_key FROM page JOIN information_items i ON i.id = page.id)',
      ),
    params: n.params,
  };
};

/** The source-identity rule evaluated once per source of the page, not twice per row. */
const sourceOnce: Rewrite = (n, ctx) => {
  const acl = abilityToSql(ctx.ability, 'read', 'Source', SOURCE_SQL_FIELDS, 'sacl');
  const name = `CASE WHEN ${acl.sql} THEN s.name_enc END AS source_name_enc`;
  const kind = `CASE WHEN ${acl.sql} THEN s.kind END AS source_kind`;
  const join = 'FROM p JOIN sources s ON s.id = p.source_id';
  if (acl.sql === 'TRUE' || !n.sql.includes(name) || !n.sql.includes(kind) || !n.sql.includes(join))
    return null;
  return {
    sql: n.sql
      .replace(name, 'CASE WHEN s.visible THEN s.name_enc END AS source_name_enc')
      .replace(kind, 'CASE WHEN s.visible THEN s.kind END AS source_kind')
      .replace(
        join,
        `FROM p JOIN (SELECT s.id, s.name_enc, s.kind, (${acl.sql}) AS visible FROM sources s
                       WHERE s.id IN (SELECT source_id FROM p)) s ON s.id = p.source_id`,
      ),
    params: n.params,
  };
};

/** Best match among the newest `n` matches: ranks a bounded candidate set, not every match. */
function boundedRelevance(n: number): Rewrite {
  return (named) => {
    const order = /ORDER BY ts_rank\(i\.search, query\) DESC, i\.id DESC\s*LIMIT :limit/;
    const select =
      /SELECT i\.\*, ts_rank\(i\.search, query\) AS rank,\s*ts_rank\(i\.search, query\)::text AS sort_key\s*FROM ([^]*?)\s*WHERE/;
    if (!order.test(named.sql) || !select.test(named.sql)) return null;
    return {
      sql: named.sql
        .replace(
          select,
          'SELECT c.*, ts_rank(c.search, query) AS rank, ts_rank(c.search, query)::text AS sort_key FROM (SELECT i.* FROM $1 WHERE',
        )
        .replace(
          order,
          `ORDER BY i.event_date DESC, i.id DESC LIMIT ${n}) c, websearch_to_tsquery('english', :q) query
      ORDER BY ts_rank(c.search, query) DESC, c.id DESC LIMIT :limit`,
        ),
      params: named.params,
    };
  };
}

/** The api's SQL with the rewrites that apply to it (one that does not apply is skipped). */
function apply(ctx: VariantContext, ...rewrites: Rewrite[]): Named {
  const { sql, params } = buildItemSearch(ctx.ability, ctx.filters);
  let n: Named = { sql, params };
  for (const r of rewrites) n = r(n, ctx) ?? n;
  return n;
}

const NO_BITMAP = 'SET LOCAL enable_bitmapscan = off';

/**
 * Newest first over common words only. The planner takes the words as independent and
 * underestimates how many items hold them together (a phrase above all), then prefers rechecking
 * every match in the heap to walking the newest items until a page is full.
 */
function newestFirstOfCommonWords(ctx: VariantContext): boolean {
  return ctx.commonWords && ctx.filters.sort !== 'relevance';
}

/** The variants that change something for one (query, caller). */
export function variantsOf(ctx: VariantContext): Variant[] {
  const asIs = apply(ctx);
  const out: Variant[] = [{ name: 'as the api runs it', ...toPositional(asIs.sql, asIs.params) }];
  const add = (name: string, n: Named, settings?: string[]) => {
    if (n.sql === asIs.sql && !settings) return;
    out.push({ name, ...toPositional(n.sql, n.params), ...(settings ? { settings } : {}) });
  };
  add('work_mem 32MB (no sort or bitmap spill)', asIs, ["SET LOCAL work_mem = '32MB'"]);
  add('without ts_headline', {
    sql: asIs.sql.replace(
      /ts_headline\('english', p\.(title|description), websearch_to_tsquery\('english', :q\), :headlineOptions\)/g,
      'NULL',
    ),
    params: asIs.params,
  });
  add('page CTE of ids, rows read after', apply(ctx, narrowPage));
  add("caller's cases as an array in the access rules", apply(ctx, workedCasesArray));
  add('source identity checked once per source', apply(ctx, sourceOnce));
  add('best match among the newest 2,000 matches', apply(ctx, boundedRelevance(2000)));
  if (newestFirstOfCommonWords(ctx))
    add('no bitmap scans (every word in ≥ 1% of items)', asIs, [NO_BITMAP]);
  out.push(proposedVariant('proposed: all of the above but work_mem', ctx));
  out.push(proposedVariant('proposed, with work_mem 32MB', ctx, ["SET LOCAL work_mem = '32MB'"]));
  return out;
}

/**
 * The changes proposed together: the page CTE of ids, the caller's cases as an array, the source
 * rule once per source; by relevance, the newest 2,000 matches ranked; newest first over common
 * words only, no bitmap scans.
 */
export function proposedVariant(
  name: string,
  ctx: VariantContext,
  settings: string[] = [],
): Variant {
  const relevance = ctx.filters.sort === 'relevance' && Boolean(ctx.filters.q?.trim());
  const n = relevance
    ? apply(ctx, boundedRelevance(2000), workedCasesArray, sourceOnce)
    : apply(ctx, narrowPage, workedCasesArray, sourceOnce);
  const all = newestFirstOfCommonWords(ctx) ? [...settings, NO_BITMAP] : settings;
  return { name, ...toPositional(n.sql, n.params), ...(all.length ? { settings: all } : {}) };
}

/** The count request's SQL as the api runs it, and with the caller's cases as an array. */
export function countVariants(ctx: VariantContext, cap: number): Variant[] {
  const parts = itemFilterSql(ctx.ability, ctx.filters);
  const named: Named = {
    sql: `SELECT count(*)::int AS n FROM (SELECT 1 FROM ${parts.from} WHERE ${parts.where.join(' AND ')} LIMIT :cap) t`,
    params: { ...parts.params, cap: cap + 1 },
  };
  const out: Variant[] = [
    { name: 'count as the api runs it', ...toPositional(named.sql, named.params) },
  ];
  const arr = workedCasesArray(named, ctx);
  if (arr)
    out.push({ name: "count, caller's cases as an array", ...toPositional(arr.sql, arr.params) });
  return out;
}

/** Server execution time of a statement (EXPLAIN ANALYZE): median of three runs, one over 500 ms. */
export async function executionMs(pool: pg.Pool, v: Variant): Promise<number> {
  const client = await pool.connect();
  try {
    const once = async (): Promise<number> => {
      await client.query('BEGIN');
      try {
        for (const s of v.settings ?? []) await client.query(s);
        const res = await client.query<{ 'QUERY PLAN': { 'Execution Time': number }[] }>(
          `EXPLAIN (ANALYZE, FORMAT JSON) ${v.sql}`,
          v.params,
        );
        return res.rows[0]?.['QUERY PLAN'][0]?.['Execution Time'] ?? Number.NaN;
      } finally {
        await client.query('ROLLBACK');
      }
    };
    const first = await once();
    if (first > 500) return first;
    const times = [first, await once(), await once()].sort((a, b) => a - b);
    return times[1] ?? first;
  } finally {
    client.release();
  }
}

/** Runs a variant as an application would (its SET LOCAL settings in a transaction): its rows. */
export async function runVariant(pool: pg.Pool, v: Variant): Promise<{ id: string }[]> {
  if (!v.settings?.length) return (await pool.query<{ id: string }>(v.sql, v.params)).rows;
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    for (const s of v.settings) await client.query(s);
    const { rows } = await client.query<{ id: string }>(v.sql, v.params);
    await client.query('COMMIT');
    return rows;
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    client.release();
  }
}

/** The cases a user leads or is a member of. */
export async function workedCases(pool: pg.Pool, userId: string): Promise<string[]> {
  const { rows } = await pool.query<{ id: string }>(
    `SELECT id FROM cases WHERE lead_analyst_id = $1 UNION SELECT case_id FROM case_members WHERE user_id = $1`,
    [userId],
  );
  return rows.map((r) => r.id);
}
