import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { connectRealtime, type RealtimeSocket } from '@vigil/client';
import { refreshSession } from '../../../lib/api-client';
import { getAccessToken } from '../../../lib/auth-session';
import { RealtimeContext, type ConnectionStatus } from '../hooks/realtime-context';

/** Refused handshakes in a row before giving up until the next page load or network change. */
const MAX_REFUSALS = 3;

/**
 * Opens the session's one socket (the access token is read again at each reconnection), keeps
 * its status, refreshes the session when the server refuses an expired token, and refreshes the
 * notifications when one arrives.
 */
export function RealtimeProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [socket, setSocket] = useState<RealtimeSocket | null>(null);
  const [status, setStatus] = useState<ConnectionStatus>('connecting');
  const [refusal, setRefusal] = useState<string | null>(null);

  useEffect(() => {
    const live = connectRealtime({ token: getAccessToken });
    let refusals = 0;
    let retry: number | undefined;

    const onConnect = () => {
      refusals = 0;
      setRefusal(null);
      setStatus('connected');
    };
    const onDisconnect = (reason: string) => {
      if (reason === 'io client disconnect') return setStatus('offline');
      setStatus('reconnecting');
      // The server closed it (account deactivated, or a restart): try again a little later, when
      // the handshake decides; a signed-out session has unmounted this provider by then.
      if (reason === 'io server disconnect') retry = window.setTimeout(() => live.connect(), 3_000);
    };
    const onConnectError = (error: Error) => {
      // Still active: a network problem the client retries by itself.
      if (live.active) return setStatus('reconnecting');
      // Too many sockets open for this person: say so; a new session token would not help.
      if (error.message.startsWith('Too many open connections')) {
        setRefusal(error.message);
        return setStatus('offline');
      }
      // Refused by the server (missing or expired token): refresh once, then try again.
      refusals += 1;
      if (refusals > MAX_REFUSALS) return setStatus('offline');
      setStatus('reconnecting');
      refreshSession()
        .then(() => live.connect())
        .catch(() => setStatus('offline'));
    };
    const onOnline = () => {
      if (!live.connected) live.connect();
    };
    const onOffline = () => setStatus('offline');

    live.on('connect', onConnect);
    live.on('disconnect', onDisconnect);
    live.on('connect_error', onConnectError);
    live.on('notification', () => {
      void queryClient.invalidateQueries({ queryKey: ['notifications'] });
    });
    window.addEventListener('online', onOnline);
    window.addEventListener('offline', onOffline);
    setSocket(live);
    return () => {
      window.clearTimeout(retry);
      window.removeEventListener('online', onOnline);
      window.removeEventListener('offline', onOffline);
      live.removeAllListeners();
      live.disconnect();
      setSocket(null);
    };
  }, [queryClient]);

  const value = useMemo(() => ({ socket, status, refusal }), [socket, status, refusal]);
  return <RealtimeContext value={value}>{children}</RealtimeContext>;
}
