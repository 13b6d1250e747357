import { isFollowUpOverdue, type EngagementKind } from '@vigil/domain';
import type { EngagementResponse } from './dto/engagement.response.js';

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
