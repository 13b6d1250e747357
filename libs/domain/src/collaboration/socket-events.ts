import type { CaseFeedEvent } from './feed.js';

/**
 * Bytes on the socket (y-protocols messages). The MessagePack parser hands them over as an
 * ArrayBuffer in the browser and a Uint8Array (Buffer) in Node; send an ArrayBuffer from a browser.
 */
export type SocketBytes = Uint8Array | ArrayBuffer;

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

/** What the browser emits (docs/architecture.md §11). */
export interface ClientToServerEvents {
  'case:join': (
    request: { caseId: string },
    ack: (
      answer: SocketAck<{ view: 'office' | 'framework_team'; presence: PresentUser[] }>,
    ) => void,
  ) => void;
  'case:leave': (request: { caseId: string }, ack: (answer: SocketAck) => void) => void;
  /** Opens a collaborative document; the server then sends its sync step 1 (and awareness). */
  'doc:join': (
    request: { documentId: string },
    ack: (answer: SocketAck<{ readOnly: boolean }>) => void,
  ) => void;
  /**
   * A y-protocols sync message (step 1, step 2 or update). With an acknowledgement, `ok: true`
   * means the update is stored durably (it was appended before anyone else received it).
   */
  'doc:sync': (
    request: { documentId: string; message: SocketBytes },
    ack?: (answer: SocketAck) => void,
  ) => void;
  /** A y-protocols awareness update (cursor, name, colour). */
  'doc:awareness': (
    request: { documentId: string; message: SocketBytes },
    ack?: (answer: SocketAck) => void,
  ) => void;
  'doc:leave': (request: { documentId: string }, ack: (answer: SocketAck) => void) => void;
  /**
   * A fresh access token for this socket, sent after `auth:expired` (or before the old one
   * expires). It must belong to the same person; otherwise the socket is disconnected.
   */
  'auth:renew': (request: { token: string }, ack: (answer: SocketAck) => void) => void;
}

/** Why the server ended a socket's session. */
export type SessionEndReason = 'signed_out' | 'session_ended' | 'deactivated' | 'expired';

/** What the server emits (docs/architecture.md §11). */
export interface ServerToClientEvents {
  presence: (update: { caseId: string; users: PresentUser[] }) => void;
  'case:event': (event: CaseFeedEvent) => void;
  /** You may no longer read this case: you were taken out of its room. */
  'case:removed': (notice: { caseId: string }) => void;
  notification: (notification: LiveNotification) => void;
  /** A notification was taken back (e.g. the proposal it announced was withdrawn). */
  'notification:withdrawn': (notice: { id: string }) => void;
  'doc:sync': (message: { documentId: string; message: SocketBytes }) => void;
  'doc:awareness': (message: { documentId: string; message: SocketBytes }) => void;
  /** You may no longer read this document: the server stopped serving it to you. */
  'doc:removed': (notice: { documentId: string }) => void;
  /** Your right to edit this document changed (read-only: your updates are refused from now). */
  'doc:access': (notice: { documentId: string; readOnly: boolean }) => void;
  /**
   * This socket's access token expired: answer with `auth:renew` and a fresh token within
   * `graceSeconds`, or the socket is disconnected.
   */
  'auth:expired': (notice: { graceSeconds: number }) => void;
  /** The session behind this socket ended (signed out, ended elsewhere, deactivated); it closes. */
  'session:ended': (notice: { reason: SessionEndReason }) => void;
}
