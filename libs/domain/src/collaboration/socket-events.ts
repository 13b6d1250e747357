import type { CaseFeedEvent } from './feed.js';

/** Someone viewing a case now (several tabs of one person count once). */
export interface PresentUser {
  userId: string;
  displayName: string;
}

/** The answer to an emitted event that takes an acknowledgement. */
export type SocketAck<T extends object = object> =
  ({ ok: true } & T) | { ok: false; error: string };

/** A notification as delivered live on `user:<id>` (the same shape as `GET /api/notifications`). */
export interface LiveNotification {
  id: string;
  type: string;
  caseId: string | null;
  payload: Record<string, unknown>;
  createdAt: string;
  readAt: string | null;
}

/** What the browser emits (DESIGN §8). */
export interface ClientToServerEvents {
  'case:join': (
    request: { caseId: string },
    ack: (
      answer: SocketAck<{ view: 'office' | 'framework_team'; presence: PresentUser[] }>,
    ) => void,
  ) => void;
  'case:leave': (request: { caseId: string }, ack: (answer: SocketAck) => void) => void;
}

/** What the server emits (DESIGN §8). */
export interface ServerToClientEvents {
  presence: (update: { caseId: string; users: PresentUser[] }) => void;
  'case:event': (event: CaseFeedEvent) => void;
  /** You may no longer read this case: you were taken out of its room. */
  'case:removed': (notice: { caseId: string }) => void;
  notification: (notification: LiveNotification) => void;
}
