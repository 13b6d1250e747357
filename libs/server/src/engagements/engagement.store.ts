import { isFollowUpOverdue, type EngagementKind } from '@vigil/domain';
import type { EntityManager } from 'typeorm';
import { namedQuery, type Db } from '../database/named-query.js';
import type { EngagementResponse } from './dto/engagement.response.js';
import { setClause } from '../database/set-clause.js';

/**
 * An engagement with its organisation and author. `today` is the database's day, the same one
 * the case's overdueFollowUps count and the overdue job use.
 */
export const ENGAGEMENT_SELECT = `SELECT g.id, g.case_id, g.organisation_id, o.acronym AS organisation_acronym,
    o.name AS organisation_name, g.kind, to_char(g.date, 'YYYY-MM-DD') AS date, g.summary, g.outcome,
    to_char(g.follow_up_due, 'YYYY-MM-DD') AS follow_up_due, g.follow_up_done_at, g.version,
    g.created_by, author.display_name AS author_name, g.created_at, g.updated_at,
    to_char(g.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS created_key,
    to_char(current_date, 'YYYY-MM-DD') AS today
  FROM engagements g
  JOIN organisations o ON o.id = g.organisation_id
  LEFT JOIN users author ON author.id = g.created_by`;

/** A row of ENGAGEMENT_SELECT. */
export interface EngagementRow {
  id: string;
  case_id: string;
  organisation_id: string;
  organisation_acronym: string;
  organisation_name: string;
  kind: EngagementKind;
  date: string;
  summary: string;
  outcome: string | null;
  follow_up_due: string | null;
  follow_up_done_at: Date | null;
  version: number;
  created_by: string;
  author_name: string | null;
  created_at: Date;
  updated_at: Date;
  created_key: string;
  today: string;
}

/** The engagement as sent out. */
export function presentEngagement(row: EngagementRow): EngagementResponse {
  return {
    id: row.id,
    caseId: row.case_id,
    organisation: {
      id: row.organisation_id,
      acronym: row.organisation_acronym,
      name: row.organisation_name,
    },
    kind: row.kind,
    date: row.date,
    summary: row.summary,
    outcome: row.outcome,
    followUpDue: row.follow_up_due,
    followUpDoneAt: row.follow_up_done_at?.toISOString() ?? null,
    followUpOverdue: isFollowUpOverdue(
      { followUpDue: row.follow_up_due, followUpDoneAt: row.follow_up_done_at },
      row.today,
    ),
    version: row.version,
    createdBy: { id: row.created_by, displayName: row.author_name ?? '' },
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** Editable fields by their API names, and their columns. */
export const ENGAGEMENT_FIELDS = {
  organisationId: 'organisation_id',
  kind: 'kind',
  date: 'date',
  summary: 'summary',
  outcome: 'outcome',
  followUpDue: 'follow_up_due',
} as const satisfies Record<string, keyof EngagementRow>;

/** An editable field's column. */
export type EngagementColumn = (typeof ENGAGEMENT_FIELDS)[keyof typeof ENGAGEMENT_FIELDS];

/**
 * Up to `fetch` engagements of a case, newest date first, after the cursor `after` (date,
 * created_at and id of the last one already seen).
 */
export function engagementPage(
  db: Db,
  query: { caseId: string; fetch: number; after?: readonly string[] },
): Promise<EngagementRow[]> {
  const where = ['g.case_id = :caseId'];
  const params: Record<string, unknown> = { caseId: query.caseId, limit: query.fetch };
  if (query.after) {
    // Not `:date`: the parameter would also match inside the `::date` cast.
    where.push(
      '(g.date, g.created_at, g.id) < (:cursorDate::date, :cursorAt::timestamptz, :cursorId::uuid)',
    );
    const [date, at, id] = query.after;
    Object.assign(params, { cursorDate: date, cursorAt: at, cursorId: id });
  }
  return namedQuery<EngagementRow>(
    db,
    `${ENGAGEMENT_SELECT} WHERE ${where.join(' AND ')}
     ORDER BY g.date DESC, g.created_at DESC, g.id DESC LIMIT :limit`,
    params,
  );
}

/** Engagements as records of their case (cases/case-records.store.ts). */
export const ENGAGEMENT_RECORD = {
  select: ENGAGEMENT_SELECT,
  alias: 'g',
  missing: 'No such engagement.',
};

/** A new engagement's fields. */
export interface NewEngagement {
  caseId: string;
  organisationId: string;
  kind: EngagementKind;
  date: string;
  summary: string;
  outcome: string | null;
  followUpDue: string | null;
  createdBy: string;
}

/** Inserts an engagement and answers its id. */
export async function insertEngagement(m: EntityManager, g: NewEngagement): Promise<string> {
  const [row] = (await m.query(
    `INSERT INTO engagements (case_id, organisation_id, kind, date, summary, outcome, follow_up_due, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [g.caseId, g.organisationId, g.kind, g.date, g.summary, g.outcome, g.followUpDue, g.createdBy],
  )) as { id: string }[];
  if (!row) throw new Error('insert returned no row');
  return row.id;
}

/**
 * Writes the changed columns (in the order given) and, when `followUpDone` is given, closes the
 * follow-up now (true) or reopens it (false); moves the version on.
 */
export async function updateEngagement(
  m: EntityManager,
  id: string,
  changes: readonly (readonly [column: EngagementColumn, value: unknown])[],
  followUpDone: boolean | undefined,
): Promise<void> {
  const { sets, values } = setClause(changes, 1);
  if (followUpDone !== undefined) {
    sets.push(`follow_up_done_at = ${followUpDone ? 'now()' : 'NULL'}`);
  }
  await m.query(
    `UPDATE engagements SET ${sets.join(', ')}, version = version + 1, updated_at = now()
     WHERE id = $1`,
    [id, ...values],
  );
}
