import type { ApiSchemas } from '@vigil/client';
import { api, expectOk, optional, unwrap } from '../../../lib/api-client';

export type Notification = ApiSchemas['NotificationResponse'];
export type NotificationPage = ApiSchemas['NotificationPageResponse'];

export function listNotifications(cursor: string | null, limit = 50): Promise<NotificationPage> {
  return unwrap(
    api.GET('/api/notifications', { params: { query: { cursor: optional(cursor), limit } } }),
  );
}

export function markNotificationRead(id: string): Promise<void> {
  return expectOk(api.POST('/api/notifications/{id}/read', { params: { path: { id } } }));
}

export function markAllNotificationsRead(): Promise<void> {
  return expectOk(api.POST('/api/notifications/read-all'));
}
