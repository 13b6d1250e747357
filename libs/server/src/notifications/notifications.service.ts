import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainError, type JsonValue } from '@vigil/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { FRAMEWORK_TEAM_READER_SQL, OFFICE_READER_SQL } from '../authorization/case-readers.sql.js';
import { abilityToSql } from '../authorization/rules-to-sql.js';
import { decodeKeysetCursor, toPage } from '../common/pagination.js';
import type { RequestContext } from '../common/request-context.js';
import { namedQuery, queryRows } from '../database/named-query.js';
import { isUuid } from '../common/ids.js';
import type {
  ListNotificationsQueryDto,
  NotificationPageResponse,
  NotificationResponse,
} from './notification.response.js';

interface NotificationRow {
  id: string;
  type: string;
  case_id: string | null;
  payload: Record<string, JsonValue>;
  created_at: Date;
  read_at: Date | null;
}

/** created_at to the microsecond: a cursor rounded to milliseconds skips or repeats rows. */
const CREATED_KEY = `to_char(n.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/**
 * SQL over `notifications n`: the notification is about the Framework Team's own thread (a
 * mention there), which its members read through the restricted view; everything else is the
 * Office's and follows Office access.
 */
const FRAMEWORK_TEAM_NOTICE = `(n.type = 'mention' AND n.payload->>'thread' = 'framework_team')`;

/**
 * SQL over `notifications n`: its reader may still read what it is about (a notification follows
 * access: someone taken off a case no longer sees what it said).
 */
export const STILL_READABLE = `(n.case_id IS NULL OR EXISTS (
  SELECT 1 FROM cases c JOIN users u ON u.id = n.user_id WHERE c.id = n.case_id
    AND (${OFFICE_READER_SQL} OR (${FRAMEWORK_TEAM_NOTICE} AND ${FRAMEWORK_TEAM_READER_SQL}))))`;

/** Whether a notification being written is about the Framework Team's own thread. */
export function isFrameworkTeamNotice(type: string, payload: Record<string, unknown>): boolean {
  return type === 'mention' && payload['thread'] === 'framework_team';
}

/** A notification to write. `dedupeKey` makes repeats (e.g. the same overdue review) a no-op. */
export interface NewNotification {
  userIds: string[];
  type: string;
  caseId: string | null;
  payload: Record<string, JsonValue>;
  dedupeKey?: string;
}

/** In-app notifications, per user. */
@Injectable()
export class NotificationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  /**
   * Writes notifications in the caller's transaction, each with an outbox row so it reaches the
   * person's sockets once committed; returns the ids of users newly notified.
   */
  async notify(manager: EntityManager, note: NewNotification): Promise<string[]> {
    if (note.userIds.length === 0) return [];
    // Only people who may read the case now are told of it, whoever the caller thought of.
    const rows = await queryRows<{ user_id: string }>(
      manager,
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
        isFrameworkTeamNotice(note.type, note.payload),
      ],
    );
    return rows.map((r) => r.user_id);
  }

  /**
   * Takes back the notifications written under `dedupeKey` (a withdrawn proposal's "awaiting
   * your approval"): gone from every list, never e-mailed, and removed live from open bells.
   */
  async withdraw(manager: EntityManager, dedupeKey: string): Promise<number> {
    const rows = await queryRows<{ user_id: string }>(
      manager,
      `WITH n AS (DELETE FROM notifications WHERE dedupe_key = $1 RETURNING id, user_id),
       o AS (INSERT INTO outbox_events (topic, user_id, payload)
         SELECT 'notification', n.user_id, jsonb_build_object('withdrawn', n.id) FROM n)
       SELECT user_id FROM n`,
      [dedupeKey],
    );
    return rows.length;
  }

  async list(
    context: RequestContext,
    query: ListNotificationsQueryDto,
  ): Promise<NotificationPageResponse> {
    const limit = query.limit ?? 50;
    const acl = abilityToSql(context.ability, 'read', 'Notification', {
      userId: { column: 'n.user_id' },
    });
    const where = [acl.sql, STILL_READABLE];
    const params: Record<string, unknown> = { ...acl.params, limit: limit + 1 };
    if (query.unread) where.push('n.read_at IS NULL');
    if (query.cursor) {
      const [at, id] = decodeKeysetCursor(query.cursor, ['timestamp', 'uuid']);
      where.push('(n.created_at, n.id) < (:cursorAt::timestamptz, :cursorId::uuid)');
      Object.assign(params, { cursorAt: at, cursorId: id });
    }
    const rows = await namedQuery<NotificationRow & { created_key: string }>(
      this.db,
      `SELECT n.*, ${CREATED_KEY} AS created_key FROM notifications n WHERE ${where.join(' AND ')} ORDER BY n.created_at DESC, n.id DESC LIMIT :limit`,
      params,
    );
    const [count] = await namedQuery<{ n: number }>(
      this.db,
      `SELECT count(*)::int AS n FROM notifications n
       WHERE ${acl.sql} AND ${STILL_READABLE} AND n.read_at IS NULL`,
      acl.params,
    );
    return { ...toPage(rows, limit, present, (r) => [r.created_key, r.id]), unread: count?.n ?? 0 };
  }

  async markRead(context: RequestContext, id: string): Promise<NotificationResponse> {
    const me = context.actor?.id;
    return this.db.transaction(async (m) => {
      const [row] =
        isUuid(id) && me
          ? await queryRows<NotificationRow>(
              m,
              `UPDATE notifications n SET read_at = COALESCE(read_at, now())
               WHERE id = $1 AND user_id = $2 AND ${STILL_READABLE} RETURNING *`,
              [id, me],
            )
          : [];
      if (!row) throw new DomainError('not_found', 'No such notification.');
      this.audit.append(m, context, {
        action: 'notification.read',
        entity: 'notification',
        entityId: id,
        caseId: row.case_id,
      });
      return present(row);
    });
  }

  async markAllRead(context: RequestContext): Promise<{ marked: number }> {
    const me = context.actor?.id;
    if (!me) throw new DomainError('unauthenticated', 'Sign in first.');
    return this.db.transaction(async (m) => {
      const rows = await queryRows(
        m,
        `UPDATE notifications n SET read_at = now()
         WHERE user_id = $1 AND read_at IS NULL AND ${STILL_READABLE} RETURNING id`,
        [me],
      );
      if (rows.length)
        this.audit.append(m, context, {
          action: 'notification.read_all',
          entity: 'notification',
          diff: { marked: rows.length },
        });
      return { marked: rows.length };
    });
  }
}

function present(row: NotificationRow): NotificationResponse {
  return {
    id: row.id,
    type: row.type,
    caseId: row.case_id,
    payload: row.payload,
    createdAt: row.created_at.toISOString(),
    readAt: row.read_at?.toISOString() ?? null,
  };
}
