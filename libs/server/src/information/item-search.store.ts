import type { AppAbility } from '@vigil/domain';
import { abilityToSql } from '../authorization/rules-to-sql.js';
import { caseReferenceOrderSql } from '../cases/case-reference.js';
import { CASE_SQL_FIELDS } from '../cases/case.store.js';
import { decodeKeysetCursor } from '../common/pagination.js';
import { namedQuery, type Db } from '../database/named-query.js';
import { ITEM_SQL_FIELDS, SOURCE_SQL_FIELDS } from './item-access.sql.js';
import { searchPlanFor, WALK_NEWEST_SHARE, type SearchPlan } from './search-plan.store.js';

/** The filters of the information list, search and export (docs/architecture.md §8). */
export interface ItemSearchFilters {
  /** Words as typed: web-search syntax ("quoted phrase", or, -not); never a syntax error. */
  q?: string;
  country?: string;
  caseId?: string;
  indicatorId?: string;
  crimeType?: string;
  reliability?: string[];
  credibility?: number[];
  kind?: string[];
  /** Event date from, inclusive (YYYY-MM-DD). */
  from?: string;
  /** Event date to, inclusive (YYYY-MM-DD). */
  to?: string;
  /** Newest event first (default), or best match first when `q` is given. */
  sort?: ItemSort;
  cursor?: string;
  limit?: number;
}

export const ITEM_SORTS = ['eventDate', 'relevance'] as const;
export type ItemSort = (typeof ITEM_SORTS)[number];

/** Marks around matched words in snippets: control characters no form accepts. */
export const MATCH_START = '\u0002';
export const MATCH_END = '\u0003';

const HEADLINE_OPTIONS = `StartSel=${MATCH_START}, StopSel=${MATCH_END}, MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=" … "`;

/** Columns of the list and the export, over the page `p` and `sources s`. */
const PAGE_COLUMNS = `p.id, p.title, p.description, p.country, p.place_name, p.admin_area,
  to_char(p.event_date, 'YYYY-MM-DD') AS event_date, to_char(p.received_date, 'YYYY-MM-DD') AS received_date,
  p.kind, p.crime_types, p.source_id, p.source_reliability, p.credibility, p.classification, p.event_type,
  p.created_at, p.updated_at, p.version, p.sort_key, p.rank`;

/** A row of the search, as `buildItemSearch` selects it. */
export interface ItemSearchRow {
  id: string;
  title: string;
  description: string;
  country: string;
  place_name: string | null;
  admin_area: string | null;
  event_date: string;
  received_date: string;
  kind: string;
  crime_types: string[];
  source_id: string;
  source_reliability: string;
  credibility: number;
  classification: string;
  event_type: string | null;
  created_at: Date;
  updated_at: Date;
  version: number;
  sort_key: string;
  rank: number | null;
  /** The source's key id and sealed name when the caller may know the source, else null. */
  source_key_id: string | null;
  source_name_enc: Buffer | null;
  source_kind: string | null;
  indicator_ids: string[];
  case_links: { id: string; reference: string }[];
  title_headline: string | null;
  description_headline: string | null;
}

interface SearchParts {
  from: string;
  where: string[];
  params: Record<string, unknown>;
  searching: boolean;
}

/** FROM and WHERE of the items the caller may read under the filters (no paging). */
export function itemFilterSql(
  ability: AppAbility,
  f: ItemSearchFilters,
  plan: SearchPlan = {},
): SearchParts {
  const acl = abilityToSql(ability, 'read', 'InformationItem', ITEM_SQL_FIELDS, 'iacl');
  const where = [acl.sql];
  const params: Record<string, unknown> = { ...acl.params };
  const q = f.q?.trim() ?? '';
  const searching = q.length > 0;
  let from = 'information_items i';
  if (searching) {
    // websearch_to_tsquery accepts anything a person types: unbalanced quotes, stray operators.
    from += ", websearch_to_tsquery('english', :q) query";
    // ts_match_vq is what @@ runs, written as a call the full-text index cannot serve: the
    // planner then walks the newest items (see SearchPlan.walkNewest).
    const share = f.sort === 'relevance' ? WALK_NEWEST_SHARE.relevance : WALK_NEWEST_SHARE.page;
    const walk = (plan.rarestWordShare ?? 0) >= share;
    where.push(walk ? 'ts_match_vq(i.search, query)' : 'i.search @@ query');
    params.q = q;
  }
  if (f.country) {
    where.push('i.country = :country');
    params.country = f.country;
  }
  if (f.caseId) {
    // Only a case the caller may read filters anything: a hidden case's links stay hidden.
    const caseAcl = abilityToSql(ability, 'read', 'Case', CASE_SQL_FIELDS, 'fcacl');
    where.push(
      `EXISTS (SELECT 1 FROM information_item_cases fc JOIN cases c ON c.id = fc.case_id
        WHERE fc.item_id = i.id AND fc.case_id = :caseId AND ${caseAcl.sql})`,
    );
    Object.assign(params, caseAcl.params, { caseId: f.caseId });
  }
  if (f.indicatorId) {
    where.push(
      'EXISTS (SELECT 1 FROM information_item_indicators fi WHERE fi.item_id = i.id AND fi.indicator_id = :indicatorId)',
    );
    params.indicatorId = f.indicatorId;
  }
  if (f.crimeType) {
    where.push('i.crime_types @> ARRAY[:crimeType]::text[]');
    params.crimeType = f.crimeType;
  }
  if (f.reliability?.length) {
    where.push('i.source_reliability IN (:...reliability)');
    params.reliability = f.reliability;
  }
  if (f.credibility?.length) {
    where.push('i.credibility IN (:...credibility)');
    params.credibility = f.credibility;
  }
  if (f.kind?.length) {
    where.push('i.kind IN (:...kind)');
    params.kind = f.kind;
  }
  if (f.from) {
    where.push('i.event_date >= :fromDate::date');
    params.fromDate = f.from;
  }
  if (f.to) {
    where.push('i.event_date <= :toDate::date');
    params.toDate = f.to;
  }
  return { from, where, params, searching };
}

/**
 * Relevance ranks the newest matches only: ranking every match of a common word (hundreds of
 * thousands in a large database) takes seconds. "Best match first" is therefore best among the
 * most recent RELEVANCE_CANDIDATES matches; narrower words or filters rank every match.
 */
export const RELEVANCE_CANDIDATES = 2000;

/**
 * One page of the search as SQL with named parameters. The page is chosen on ids and sort keys
 * only (narrow rows sort in memory), then only its rows are read in full and get snippets, the
 * source's identity (its rule evaluated once per source) and case links.
 */
export function buildItemSearch(
  ability: AppAbility,
  f: ItemSearchFilters,
  plan: SearchPlan = {},
): { sql: string; params: Record<string, unknown>; limit: number; sort: ItemSort } {
  const { from, where, params, searching } = itemFilterSql(ability, f, plan);
  const limit = f.limit ?? 50;
  const sort: ItemSort = searching && f.sort === 'relevance' ? 'relevance' : 'eventDate';
  let page: string;
  if (sort === 'relevance') {
    const after: string[] = [];
    if (f.cursor) {
      const [value, id] = decodeKeysetCursor(f.cursor, ['real', 'uuid']);
      after.push('(r.rank, r.id) < (:cursorRank::real, :cursorId::uuid)');
      Object.assign(params, { cursorRank: value, cursorId: id });
    }
    // Candidates by ids only; the 2,000 are then read by id to be ranked.
    page = `recent AS (
      SELECT i.id FROM ${from}
      WHERE ${where.join(' AND ')}
      ORDER BY i.event_date DESC, i.id DESC
      LIMIT ${RELEVANCE_CANDIDATES}
    ), ranked AS (
      SELECT i.id, ts_rank(i.search, query) AS rank
      FROM recent JOIN information_items i ON i.id = recent.id, websearch_to_tsquery('english', :q) query
    ), page AS (
      SELECT r.id, r.rank, r.rank::text AS sort_key FROM ranked r
      ${after.length ? `WHERE ${after.join(' AND ')}` : ''}
      ORDER BY r.rank DESC, r.id DESC
      LIMIT :limit
    )`;
  } else {
    if (f.cursor) {
      const [value, id] = decodeKeysetCursor(f.cursor, ['date', 'uuid']);
      where.push('(i.event_date, i.id) < (:cursorDate::date, :cursorId::uuid)');
      Object.assign(params, { cursorDate: value, cursorId: id });
    }
    page = `page AS (
      SELECT i.id, NULL::real AS rank, to_char(i.event_date, 'YYYY-MM-DD') AS sort_key FROM ${from}
      WHERE ${where.join(' AND ')}
      ORDER BY i.event_date DESC, i.id DESC
      LIMIT :limit
    )`;
  }
  const pageOrder =
    sort === 'relevance' ? 'p.rank DESC, p.id DESC' : 'p.event_date DESC, p.id DESC';
  const sourceAcl = abilityToSql(ability, 'read', 'Source', SOURCE_SQL_FIELDS, 'sacl');
  const caseAcl = abilityToSql(ability, 'read', 'Case', CASE_SQL_FIELDS, 'cacl');
  const headline = (column: string) =>
    searching
      ? `ts_headline('english', ${column}, websearch_to_tsquery('english', :q), :headlineOptions)`
      : 'NULL';
  const sql = `
    WITH ${page},
    p AS (SELECT i.*, page.rank, page.sort_key FROM page JOIN information_items i ON i.id = page.id),
    src AS (
      SELECT s.id, s.kind, s.key_id, s.name_enc, (${sourceAcl.sql}) AS visible FROM sources s
      WHERE s.id IN (SELECT p.source_id FROM p)
    )
    SELECT ${PAGE_COLUMNS},
      CASE WHEN src.visible THEN src.key_id END AS source_key_id,
      CASE WHEN src.visible THEN src.name_enc END AS source_name_enc,
      CASE WHEN src.visible THEN src.kind END AS source_kind,
      ARRAY(SELECT ii.indicator_id FROM information_item_indicators ii WHERE ii.item_id = p.id ORDER BY ii.indicator_id) AS indicator_ids,
      COALESCE((SELECT json_agg(json_build_object('id', c.id, 'reference', c.reference) ORDER BY ${caseReferenceOrderSql('c')})
        FROM information_item_cases lc JOIN cases c ON c.id = lc.case_id
        WHERE lc.item_id = p.id AND ${caseAcl.sql}), '[]'::json) AS case_links,
      ${headline('p.title')} AS title_headline,
      ${headline('p.description')} AS description_headline
    FROM p JOIN src ON src.id = p.source_id
    ORDER BY ${pageOrder}`;
  return {
    sql,
    params: {
      ...params,
      ...sourceAcl.params,
      ...caseAcl.params,
      limit: limit + 1,
      ...(searching ? { headlineOptions: HEADLINE_OPTIONS } : {}),
    },
    limit,
    sort,
  };
}

/**
 * The same search as positional SQL for `pg` (`client.query(sql, params)`): what the api runs,
 * for the benchmark's raw baseline.
 */
export function buildItemSearchSql(
  ability: AppAbility,
  filters: ItemSearchFilters,
  plan: SearchPlan = {},
): { sql: string; params: unknown[] } {
  const { sql, params } = buildItemSearch(ability, filters, plan);
  return toPositional(sql, params);
}

/**
 * One page of the items the caller may read under the filters, planned from the words searched
 * for first: `limit` rows, and one more when another page follows.
 */
export async function searchItems(
  db: Db,
  ability: AppAbility,
  filters: ItemSearchFilters,
): Promise<{ rows: ItemSearchRow[]; limit: number }> {
  const plan = await searchPlanFor(db, filters.q);
  const search = buildItemSearch(ability, filters, plan);
  const { sql, params } = toPositional(search.sql, search.params);
  const rows = (await db.query(sql, params)) as ItemSearchRow[];
  return { rows, limit: search.limit };
}

/** How many items the caller may read match the filters, counting no further than `cap`. */
export async function countItems(
  db: Db,
  ability: AppAbility,
  filters: ItemSearchFilters,
  cap: number,
): Promise<number> {
  const plan = await searchPlanFor(db, filters.q);
  const { from, where, params } = itemFilterSql(ability, filters, plan);
  const [row] = await namedQuery<{ n: number }>(
    db,
    `SELECT count(*)::int AS n FROM (SELECT 1 FROM ${from} WHERE ${where.join(' AND ')} LIMIT :cap) t`,
    { ...params, cap },
  );
  return row?.n ?? 0;
}

/** TypeORM-style named parameters (`:name`, `:...list`) to `$n`, as the pg driver wants them. */
export function toPositional(
  sql: string,
  named: Record<string, unknown>,
): { sql: string; params: unknown[] } {
  const values: unknown[] = [];
  const indexOf = new Map<string, number>();
  const text = sql.replace(/(?<!:):(\.\.\.)?([A-Za-z_][\w]*)/g, (match, spread, name: string) => {
    if (!(name in named)) return match;
    const value = named[name];
    if (spread) {
      const list = value as unknown[];
      return list
        .map((v) => {
          values.push(v);
          return `$${values.length}`;
        })
        .join(', ');
    }
    let index = indexOf.get(name);
    if (index === undefined) {
      values.push(value);
      index = values.length;
      indexOf.set(name, index);
    }
    return `$${index}`;
  });
  return { sql: text, params: values };
}
