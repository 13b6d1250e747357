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

/** A typed Socket.IO connection to the api (DESIGN §8). */
export type RealtimeSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface RealtimeOptions {
  /** The api's origin, e.g. http://localhost:3000; omit in the browser to use the page's. */
  url?: string;
  /** Called at every (re)connection attempt, so a refreshed access token is used. */
  token: () => string | null | Promise<string | null>;
  /** Extra socket.io-client options (tests turn reconnection off, for instance). */
  reconnection?: boolean;
}

/**
 * Opens the socket over WebSocket only, the access token sent in the handshake. No long-polling
 * fallback: its requests could reach different api instances, which would need sticky sessions
 * (docs/deployment.md).
 */
export function connectRealtime(options: RealtimeOptions): RealtimeSocket {
  const settings = {
    path: '/socket.io',
    transports: ['websocket'],
    // The server's parser (MessagePack): each packet, bytes included, is one websocket frame.
    parser: msgpackParser,
    reconnection: options.reconnection ?? true,
    auth: (send: (data: object) => void) => {
      void Promise.resolve(options.token()).then((token) => send({ token }));
    },
  };
  return options.url ? io(options.url, settings) : io(settings);
}
