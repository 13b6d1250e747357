import type { JsonValue } from '@vigil/domain';
import type { EntityManager } from 'typeorm';
import { FRAMEWORK_TEAM_READER_SQL, OFFICE_READER_SQL } from '../authorization/case-readers.sql.js';
import type { SqlCondition, SqlFieldMap } from '../authorization/rules-to-sql.js';
import { type Db, namedQuery, queryRows } from '../database/named-query.js';
import { STILL_READABLE } from './notification-access.sql.js';
import type { NotificationResponse } from './notification.response.js';

/** A notifications row. */
export interface NotificationRow {
  id: string;
  type: string;
  case_id: string | null;
  payload: Record<string, JsonValue>;
  created_at: Date;
  read_at: Date | null;
}

/** Ability fields of a notification, as columns of `notifications n`. */
export const NOTIFICATION_SQL_FIELDS: SqlFieldMap = { userId: { column: 'n.user_id' } };

/** created_at to the microsecond: a cursor rounded to milliseconds skips or repeats rows. */
const CREATED_KEY = `to_char(n.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** A notification to write. `dedupeKey` makes repeats (e.g. the same overdue review) a no-op. */
export interface NewNotification {
  userIds: string[];
  type: string;
  caseId: string | null;
  payload: Record<string, JsonValue>;
  dedupeKey?: string;
}

/**
 * Writes the notification for each of `note.userIds` who is active and may read its case now
 * (through the Framework Team's restricted view too when `frameworkTeamNotice`), each with an
 * outbox row for their sockets; repeats of a dedupe key are skipped. The users newly notified.
 */
export async function insertNotifications(
  m: EntityManager,
  note: NewNotification,
  frameworkTeamNotice: boolean,
): Promise<string[]> {
  const rows = await queryRows<{ user_id: string }>(
    m,
    `WITH n AS (
         INSERT INTO notifications (user_id, type, case_id, payload, dedupe_key)
         SELECT u.id, $2, $3, $4, $5 FROM users u LEFT JOIN cases c ON c.id = $3::uuid
         WHERE u.id = ANY($1::uuid[]) AND u.active AND ($3::uuid IS NULL OR (c.id IS NOT NULL
           AND (${OFFICE_READER_SQL} OR ($6 AND ${FRAMEWORK_TEAM_READER_SQL}))))
         ON CONFLICT (user_id, dedupe_key) DO NOTHING RETURNING *),
       o AS (
         INSERT INTO outbox_events (topic, user_id, payload)
         SELECT 'notification', n.user_id, jsonb_build_object('id', n.id, 'type', n.type,
           'caseId', n.case_id, 'payload', n.payload, 'createdAt', n.created_at, 'readAt', NULL)
         FROM n)
       SELECT user_id FROM n`,
    [
      note.userIds,
      note.type,
      note.caseId,
      JSON.stringify(note.payload),
      note.dedupeKey ?? null,
      frameworkTeamNotice,
    ],
  );
  return rows.map((r) => r.user_id);
}

/**
 * Deletes the notifications of a dedupe key, with an outbox row per person so open bells drop
 * them; how many were deleted.
 */
export async function deleteNotifications(m: EntityManager, dedupeKey: string): Promise<number> {
  const rows = await queryRows<{ user_id: string }>(
    m,
    `WITH n AS (DELETE FROM notifications WHERE dedupe_key = $1 RETURNING id, user_id),
       o AS (INSERT INTO outbox_events (topic, user_id, payload)
         SELECT 'notification', n.user_id, jsonb_build_object('withdrawn', n.id) FROM n)
       SELECT user_id FROM n`,
    [dedupeKey],
  );
  return rows.length;
}

/** Which notifications a page holds and where it starts. */
export interface NotificationPage {
  unreadOnly: boolean;
  /** The (created_at, id) of the last notification of the previous page. */
  after?: readonly string[];
  limit: number;
}

/**
 * Notifications `acl` lets through whose subject their reader may still read, newest first:
 * `limit` of them and one more, which tells the caller whether another page follows.
 */
export async function listNotifications(
  db: Db,
  acl: SqlCondition,
  page: NotificationPage,
): Promise<(NotificationRow & { created_key: string })[]> {
  const where = [acl.sql, STILL_READABLE];
  const params: Record<string, unknown> = { ...acl.params, limit: page.limit + 1 };
  if (page.unreadOnly) where.push('n.read_at IS NULL');
  if (page.after) {
    const [at, id] = page.after;
    where.push('(n.created_at, n.id) < (:cursorAt::timestamptz, :cursorId::uuid)');
    Object.assign(params, { cursorAt: at, cursorId: id });
  }
  return namedQuery<NotificationRow & { created_key: string }>(
    db,
    `SELECT n.*, ${CREATED_KEY} AS created_key FROM notifications n WHERE ${where.join(' AND ')} ORDER BY n.created_at DESC, n.id DESC LIMIT :limit`,
    params,
  );
}

/** How many unread notifications `acl` lets through whose subject is still readable. */
export async function unreadCount(db: Db, acl: SqlCondition): Promise<number> {
  const [count] = await namedQuery<{ n: number }>(
    db,
    `SELECT count(*)::int AS n FROM notifications n
       WHERE ${acl.sql} AND ${STILL_READABLE} AND n.read_at IS NULL`,
    acl.params,
  );
  return count?.n ?? 0;
}

/** Marks one of a person's notifications read (if still readable); the row, or undefined. */
export async function markNotificationRead(
  m: EntityManager,
  id: string,
  userId: string,
): Promise<NotificationRow | undefined> {
  const [row] = await queryRows<NotificationRow>(
    m,
    `UPDATE notifications n SET read_at = COALESCE(read_at, now())
               WHERE id = $1 AND user_id = $2 AND ${STILL_READABLE} RETURNING *`,
    [id, userId],
  );
  return row;
}

/** Marks every unread, still readable notification of a person read; how many. */
export async function markAllNotificationsRead(m: EntityManager, userId: string): Promise<number> {
  const rows = await queryRows(
    m,
    `UPDATE notifications n SET read_at = now()
         WHERE user_id = $1 AND read_at IS NULL AND ${STILL_READABLE} RETURNING id`,
    [userId],
  );
  return rows.length;
}

/** Presents a notification. */
export function presentNotification(row: NotificationRow): NotificationResponse {
  return {
    id: row.id,
    type: row.type,
    caseId: row.case_id,
    payload: row.payload,
    createdAt: row.created_at.toISOString(),
    readAt: row.read_at?.toISOString() ?? null,
  };
}
