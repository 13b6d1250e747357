import { createContext, useContext } from 'react';
import type { RealtimeSocket } from '@vigil/client';

/** `connected`: live; `reconnecting`: trying again after a drop; `offline`: not trying now. */
export type ConnectionStatus = 'connecting' | 'connected' | 'reconnecting' | 'offline';

export interface RealtimeValue {
  /** The session's one socket; null outside the signed-in layout. */
  socket: RealtimeSocket | null;
  status: ConnectionStatus;
  /** Why the server refused the connection, in its words (too many open tabs), else null. */
  refusal: string | null;
}

/** Provided by `RealtimeProvider` in the signed-in layout. */
export const RealtimeContext = createContext<RealtimeValue>({
  socket: null,
  status: 'offline',
  refusal: null,
});

/** The session's socket and its connection status. */
export function useRealtime(): RealtimeValue {
  return useContext(RealtimeContext);
}
