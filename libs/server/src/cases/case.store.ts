import type { CaseSubject, Classification, Stage } from '@vigil/domain';
import type { EntityManager } from 'typeorm';
import type { SqlFieldMap } from '../authorization/rules-to-sql.js';
import { isUuid } from '../common/ids.js';
import { namedQuery, type Db } from '../database/named-query.js';
import { countryName } from './countries.js';
import type { CaseResponse } from './dto/case.response.js';

/** Ability fields of a case, as SQL over `cases c`. */
export const CASE_SQL_FIELDS: SqlFieldMap = {
  id: { column: 'c.id' },
  classification: { column: 'c.classification' },
  leadAnalystId: { column: 'c.lead_analyst_id' },
  prioritySituation: { column: 'c.priority_situation' },
  memberIds: {
    contains: (param) =>
      `EXISTS (SELECT 1 FROM case_members cm WHERE cm.case_id = c.id AND cm.user_id = :${param})`,
  },
};

/** Columns for presenting a case (with its lead and members, for ability checks). */
export const CASE_COLUMNS = `c.id, c.reference, c.title, c.country, c.summary, c.classification, c.stage, c.sub_state,
  c.version, c.risk_level, c.risk_trend, c.priority_situation, c.next_review_due, c.lead_analyst_id,
  c.created_at, c.updated_at, c.workflow_snapshot, c.last_event_seq, lead.display_name AS lead_name,
  ARRAY(SELECT cm.user_id FROM case_members cm WHERE cm.case_id = c.id) AS member_ids,
  (SELECT count(*)::int FROM engagements eg WHERE eg.case_id = c.id
     AND eg.follow_up_due < current_date AND eg.follow_up_done_at IS NULL) AS overdue_follow_ups`;

/** FROM clause matching CASE_COLUMNS. */
export const CASE_FROM = 'cases c LEFT JOIN users lead ON lead.id = c.lead_analyst_id';

/** A case row as CASE_COLUMNS selects it. */
export interface CaseRow {
  id: string;
  reference: string;
  title: string;
  country: string;
  summary: string;
  classification: Classification;
  stage: Stage;
  sub_state: 'steady' | 'pending';
  version: number;
  risk_level: string | null;
  risk_trend: string | null;
  priority_situation: boolean;
  next_review_due: Date | null;
  lead_analyst_id: string | null;
  created_at: Date;
  updated_at: Date;
  workflow_snapshot: unknown;
  last_event_seq: number;
  lead_name: string | null;
  member_ids: string[];
  /** Engagements whose follow-up was due before today and is not done. */
  overdue_follow_ups: number;
}

/** The fields abilities test, for `subject('Case', ...)`. */
export function caseSubject(row: CaseRow): CaseSubject {
  return {
    id: row.id,
    classification: row.classification,
    leadAnalystId: row.lead_analyst_id,
    memberIds: row.member_ids,
    prioritySituation: row.priority_situation,
  };
}

/** The case as sent out. */
export function presentCase(row: CaseRow, now = Date.now()): CaseResponse {
  return {
    id: row.id,
    reference: row.reference,
    title: row.title,
    country: row.country,
    countryName: countryName(row.country),
    summary: row.summary,
    classification: row.classification,
    stage: row.stage,
    subState: row.sub_state,
    version: row.version,
    riskLevel: row.risk_level,
    riskTrend: row.risk_trend,
    prioritySituation: row.priority_situation,
    nextReviewDue: row.next_review_due?.toISOString() ?? null,
    reviewOverdue:
      row.stage !== 'closed' && row.next_review_due !== null && row.next_review_due.getTime() < now,
    overdueFollowUps: row.overdue_follow_ups,
    leadAnalystId: row.lead_analyst_id,
    leadAnalyst: row.lead_analyst_id
      ? { id: row.lead_analyst_id, displayName: row.lead_name ?? '' }
      : null,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/**
 * The case with this id (with its lead and members), optionally locked; undefined when there is
 * none or the id is not a UUID. Callers decide what the caller may see of it.
 */
export async function findCaseRow(
  manager: Pick<EntityManager, 'query'>,
  id: string,
  lock = false,
): Promise<CaseRow | undefined> {
  if (!isUuid(id)) return undefined;
  const rows = (await manager.query(
    `SELECT ${CASE_COLUMNS} FROM ${CASE_FROM} WHERE c.id = $1 ${lock ? 'FOR UPDATE OF c' : ''}`,
    [id],
  )) as CaseRow[];
  return rows[0];
}

/** A new case's fields, as the service decided them. */
export interface NewCase {
  reference: string;
  title: string;
  country: string;
  summary: string;
  classification: Classification;
  leadAnalystId: string | null;
  createdBy: string;
  /** Days from now until the first review is due. */
  reviewIntervalDays: number | null;
}

/** Inserts a case and answers its id. */
export async function insertCase(m: EntityManager, c: NewCase): Promise<string> {
  const [row] = (await m.query(
    `INSERT INTO cases (reference, title, country, summary, classification, lead_analyst_id, created_by, next_review_due)
     VALUES ($1, $2, $3, $4, $5, $6, $7, now() + make_interval(days => $8)) RETURNING id`,
    [
      c.reference,
      c.title,
      c.country,
      c.summary,
      c.classification,
      c.leadAnalystId,
      c.createdBy,
      c.reviewIntervalDays,
    ],
  )) as { id: string }[];
  if (!row) throw new Error('insert returned no row');
  return row.id;
}

/** Writes a case's editable fields (all of them) and moves its version on. */
export async function updateCaseFields(
  m: EntityManager,
  id: string,
  fields: {
    title: string;
    summary: string;
    classification: Classification;
    leadAnalystId: string | null;
  },
): Promise<void> {
  await m.query(
    `UPDATE cases SET title = $2, summary = $3, classification = $4, lead_analyst_id = $5, version = version + 1, updated_at = now()
     WHERE id = $1`,
    [id, fields.title, fields.summary, fields.classification, fields.leadAnalystId],
  );
}

/** Moves a case's version on after a change to something of it (its members). */
export async function bumpCaseVersion(m: EntityManager, id: string): Promise<void> {
  await m.query('UPDATE cases SET version = version + 1, updated_at = now() WHERE id = $1', [id]);
}

/** What the list needs of a sort (an entry of CASE_SORT_SQL): its SQL, cast and key. */
export interface CaseSortSql {
  expr: string;
  type: string;
  keySql: string;
}

/** A case row with the value of its sort key, for the next page's cursor. */
export type SortedCaseRow = CaseRow & { sort_key: string };

/**
 * Up to `fetch` cases matching `where` (conditions with named parameters, ANDed), in `sort`
 * order, after the cursor `after` (the sort value and id of the last row already seen). The
 * caller fetches one row more than a page to know whether another follows.
 */
export async function caseRowsPage(
  db: Db,
  filter: { where: string[]; params: Record<string, unknown> },
  page: {
    sort: CaseSortSql;
    order: 'asc' | 'desc';
    fetch: number;
    /** The cursor's sort value and id. */
    after?: readonly string[];
  },
): Promise<SortedCaseRow[]> {
  const { sort, order } = page;
  const where = [...filter.where];
  const params: Record<string, unknown> = { ...filter.params };
  if (page.after) {
    where.push(
      `(${sort.expr}, c.id) ${order === 'asc' ? '>' : '<'} (:cursorValue::${sort.type}, :cursorId::uuid)`,
    );
    Object.assign(params, { cursorValue: page.after[0], cursorId: page.after[1] });
  }
  return namedQuery<SortedCaseRow>(
    db,
    `SELECT ${CASE_COLUMNS}, ${sort.keySql} AS sort_key FROM ${CASE_FROM}
     WHERE ${where.join(' AND ')} ORDER BY ${sort.expr} ${order}, c.id ${order} LIMIT :limit`,
    { ...params, limit: page.fetch },
  );
}

/** How many cases matching `where` each country has in each stage. */
export async function caseCountsByCountryAndStage(
  db: Db,
  filter: { where: string[]; params: Record<string, unknown> },
): Promise<{ country: string; stage: string; n: number }[]> {
  return namedQuery<{ country: string; stage: string; n: number }>(
    db,
    `SELECT c.country, c.stage, count(*)::int AS n FROM cases c WHERE ${filter.where.join(' AND ')} GROUP BY c.country, c.stage`,
    filter.params,
  );
}
