import type { ClientToServerEvents, ServerToClientEvents } from '@vigil/domain';
import { io, type Socket } from 'socket.io-client';
import msgpackParser from 'socket.io-msgpack-parser';

export type {
  CaseFeedEvent,
  ClientToServerEvents,
  LiveNotification,
  PresentUser,
  ServerToClientEvents,
  SocketAck,
} from '@vigil/domain';

/** A typed Socket.IO connection to the api (docs/architecture.md §11). */
export type RealtimeSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface RealtimeOptions {
  /** The api's origin, e.g. http://localhost:3000; omit in the browser to use the page's. */
  url?: string;
  /** Called at every (re)connection attempt, so a refreshed access token is used. */
  token: () => string | null | Promise<string | null>;
  /** Extra socket.io-client options (tests turn reconnection off, for instance). */
  reconnection?: boolean;
  /**
   * Called when the server says the socket's access token expired (`auth:expired`) with the
   * token the socket last presented: a fresh token, sent back with `auth:renew` within the grace.
   * Without it (or if it fails) the server disconnects the socket when the grace is over.
   */
  renewToken?: (expired: string | null) => Promise<string>;
}

/**
 * Opens the socket over WebSocket only, the access token sent in the handshake (asked again at
 * every reconnection) and renewed on `auth:expired` when `renewToken` is given. No long-polling
 * fallback: its requests could reach different api instances, which would need sticky sessions
 * (docs/deployment.md).
 */
export function connectRealtime(options: RealtimeOptions): RealtimeSocket {
  /** The token this socket last presented (handshake or renewal). */
  let presented: string | null = null;
  const settings = {
    path: '/socket.io',
    transports: ['websocket'],
    // The server's parser (MessagePack): each packet, bytes included, is one websocket frame.
    parser: msgpackParser,
    reconnection: options.reconnection ?? true,
    auth: (send: (data: object) => void) => {
      void Promise.resolve(options.token()).then((token) => {
        presented = token;
        send({ token });
      });
    },
  };
  const socket: RealtimeSocket = options.url ? io(options.url, settings) : io(settings);
  const { renewToken } = options;
  if (renewToken) {
    socket.on('auth:expired', () => {
      renewToken(presented).then(
        (token) => {
          presented = token;
          socket.emit('auth:renew', { token }, () => undefined);
        },
        // No fresh token (the session is over): the server ends the socket after the grace.
        () => undefined,
      );
    });
  }
  return socket;
}
