import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainError } from '@vigil/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { abilityToSql } from '../authorization/rules-to-sql.js';
import { decodeKeysetCursor, toPage } from '../common/pagination.js';
import type { RequestContext } from '../common/request-context.js';
import { isUuid } from '../common/ids.js';
import type {
  ListNotificationsQueryDto,
  NotificationPageResponse,
  NotificationResponse,
} from './notification.response.js';
import {
  deleteNotifications,
  insertNotifications,
  listNotifications,
  markAllNotificationsRead,
  markNotificationRead,
  type NewNotification,
  NOTIFICATION_SQL_FIELDS,
  presentNotification,
  unreadCount,
} from './notifications.store.js';

export type { NewNotification };

/** Whether a notification being written is about the Framework Team's own thread. */
export function isFrameworkTeamNotice(type: string, payload: Record<string, unknown>): boolean {
  return type === 'mention' && payload['thread'] === 'framework_team';
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
    return insertNotifications(manager, note, isFrameworkTeamNotice(note.type, note.payload));
  }

  /**
   * Takes back the notifications written under `dedupeKey` (a withdrawn proposal's "awaiting
   * your approval"): gone from every list, never e-mailed, and removed live from open bells.
   */
  async withdraw(manager: EntityManager, dedupeKey: string): Promise<number> {
    return deleteNotifications(manager, dedupeKey);
  }

  async list(
    context: RequestContext,
    query: ListNotificationsQueryDto,
  ): Promise<NotificationPageResponse> {
    const limit = query.limit ?? 50;
    const acl = abilityToSql(context.ability, 'read', 'Notification', NOTIFICATION_SQL_FIELDS);
    const rows = await listNotifications(this.db, acl, {
      unreadOnly: Boolean(query.unread),
      after: query.cursor ? decodeKeysetCursor(query.cursor, ['timestamp', 'uuid']) : undefined,
      limit,
    });
    const unread = await unreadCount(this.db, acl);
    return {
      ...toPage(rows, limit, presentNotification, (r) => [r.created_key, r.id]),
      unread,
    };
  }

  async markRead(context: RequestContext, id: string): Promise<NotificationResponse> {
    const me = context.actor?.id;
    return this.db.transaction(async (m) => {
      const row = isUuid(id) && me ? await markNotificationRead(m, id, me) : undefined;
      if (!row) throw new DomainError('not_found', 'No such notification.');
      this.audit.append(m, context, {
        action: 'notification.read',
        entity: 'notification',
        entityId: id,
        caseId: row.case_id,
      });
      return presentNotification(row);
    });
  }

  async markAllRead(context: RequestContext): Promise<{ marked: number }> {
    const me = context.actor?.id;
    if (!me) throw new DomainError('unauthenticated', 'Sign in first.');
    return this.db.transaction(async (m) => {
      const marked = await markAllNotificationsRead(m, me);
      if (marked)
        this.audit.append(m, context, {
          action: 'notification.read_all',
          entity: 'notification',
          diff: { marked },
        });
      return { marked };
    });
  }
}
