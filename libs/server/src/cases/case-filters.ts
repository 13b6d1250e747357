import type { CursorPart } from '../common/pagination.js';
import { caseReferenceOrderSql } from './case-reference.js';
import type { CaseRow } from './case.store.js';
import type { CaseFiltersDto, CaseSort } from './dto/list-cases.query.js';

/**
 * A timestamptz as ISO 8601 UTC with microseconds, in SQL. Cursors must keep PostgreSQL's full
 * precision: one rounded to milliseconds (`Date#toISOString`) skips or repeats rows whose
 * timestamps differ by less than a millisecond.
 */
export function isoMicros(expr: string): string {
  return `to_char((${expr}) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}

/** SQL of each sort key, its cast for the cursor, and the SQL of the row's cursor value (`sort_key`). */
export const CASE_SORT_SQL: Record<
  CaseSort,
  {
    expr: string;
    type: string;
    part: CursorPart;
    keySql: string;
    cursorValue: (row: CaseRow & { sort_key: string }) => string;
  }
> = {
  updatedAt: {
    expr: 'c.updated_at',
    type: 'timestamptz',
    part: 'timestamp',
    keySql: isoMicros('c.updated_at'),
    cursorValue: (r) => r.sort_key,
  },
  // In allocation order: as text, SIT-2026-10000 would sort before SIT-2026-9999.
  reference: {
    expr: caseReferenceOrderSql('c'),
    type: 'bigint',
    part: 'integer',
    keySql: `${caseReferenceOrderSql('c')}::text`,
    cursorValue: (r) => r.sort_key,
  },
  title: {
    expr: 'lower(c.title)',
    type: 'text',
    part: 'text',
    keySql: 'lower(c.title)',
    cursorValue: (r) => r.sort_key,
  },
  nextReviewDue: {
    expr: "COALESCE(c.next_review_due, '9999-12-31T00:00:00Z'::timestamptz)",
    type: 'timestamptz',
    part: 'timestamp',
    keySql: isoMicros("COALESCE(c.next_review_due, '9999-12-31T00:00:00Z'::timestamptz)"),
    cursorValue: (r) => r.sort_key,
  },
};

/** WHERE fragments (named parameters) for the case filters. */
export function caseFilterSql(
  query: CaseFiltersDto,
  withStage: boolean,
): { where: string[]; params: Record<string, unknown> } {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  if (withStage && query.stage?.length) {
    where.push('c.stage IN (:...stages)');
    params.stages = query.stage;
  }
  if (query.country) {
    where.push('c.country = :country');
    params.country = query.country;
  }
  if (query.leadAnalystId) {
    where.push('c.lead_analyst_id = :leadAnalystId');
    params.leadAnalystId = query.leadAnalystId;
  }
  if (query.overdue !== undefined) {
    where.push(
      query.overdue
        ? "(c.stage <> 'closed' AND c.next_review_due < now())"
        : "NOT (c.stage <> 'closed' AND c.next_review_due < now())",
    );
  }
  if (query.priority !== undefined) {
    where.push('c.priority_situation = :priority');
    params.priority = query.priority;
  }
  if (query.q?.trim()) {
    // websearch_to_tsquery never fails on user syntax; the prefix match helps short words.
    where.push("(c.search @@ websearch_to_tsquery('english', :q) OR c.title ILIKE :qLike)");
    params.q = query.q;
    params.qLike = `%${query.q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
  }
  return { where, params };
}
