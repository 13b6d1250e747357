import type { Db } from '../database/named-query.js';

/** A case whose review is overdue, with who should hear of it. */
export interface OverdueReviewRow {
  id: string;
  reference: string;
  title: string;
  next_review_due: Date;
  /** The active lead analyst and every active adviser cleared for the case. */
  recipients: string[];
}

/** An engagement whose follow-up is overdue, with its case's lead (null when none is active). */
export interface OverdueFollowUpRow {
  id: string;
  case_id: string;
  reference: string;
  organisation_acronym: string;
  follow_up_due: string;
  lead_analyst_id: string | null;
}

/** Open cases whose review is overdue, the longest overdue first. */
export async function overdueReviews(db: Db): Promise<OverdueReviewRow[]> {
  return (await db.query(
    `SELECT c.id, c.reference, c.title, c.next_review_due,
       ARRAY(SELECT u.id FROM users u WHERE u.active AND (
         u.id = c.lead_analyst_id OR ('adviser' = ANY(u.roles) AND
           array_position(ARRAY['unclassified','confidential','strictly_confidential'], u.clearance)
             >= array_position(ARRAY['unclassified','confidential','strictly_confidential'], c.classification)))
       ) AS recipients
     FROM cases c WHERE c.stage <> 'closed' AND c.next_review_due < now() ORDER BY c.next_review_due`,
  )) as OverdueReviewRow[];
}

/**
 * Engagements on open cases whose follow-up was due before today (the database's day) and is not
 * done, the oldest due first.
 */
export async function overdueFollowUps(db: Db): Promise<OverdueFollowUpRow[]> {
  return (await db.query(
    `SELECT g.id, g.case_id, c.reference, o.acronym AS organisation_acronym,
       to_char(g.follow_up_due, 'YYYY-MM-DD') AS follow_up_due,
       (SELECT u.id FROM users u WHERE u.id = c.lead_analyst_id AND u.active) AS lead_analyst_id
     FROM engagements g
     JOIN cases c ON c.id = g.case_id
     JOIN organisations o ON o.id = g.organisation_id
     WHERE g.follow_up_due < current_date AND g.follow_up_done_at IS NULL AND c.stage <> 'closed'
     ORDER BY g.follow_up_due, g.id`,
  )) as OverdueFollowUpRow[];
}
