import type { ClientToServerEvents, ServerToClientEvents } from '@vigil/domain';
import type { Server, Socket } from 'socket.io';
import type { InterServerEvents } from './socket-fan-out.js';

/** What the server remembers of each socket (serialisable, so other instances can read it). */
export interface SocketData {
  userId: string;
  displayName: string;
  /** The session (sign-in) whose access token opened or last renewed the socket. */
  sessionId: string;
  /** When that access token expires (ms since the epoch). */
  tokenExpiresAt: number;
}

export type VigilServer = Server<
  ClientToServerEvents,
  ServerToClientEvents,
  InterServerEvents,
  SocketData
>;

export type VigilSocket = Socket<
  ClientToServerEvents,
  ServerToClientEvents,
  InterServerEvents,
  SocketData
>;
