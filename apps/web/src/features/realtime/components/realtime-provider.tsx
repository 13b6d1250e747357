import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { connectRealtime, type RealtimeSocket } from '@vigil/client';
import type { SessionEndReason } from '@vigil/domain';
import { freshAccessToken, refreshSession, renewAccessToken } from '../../../lib/api-client';
import {
  SESSION_EXPIRED_MESSAGE,
  SIGNED_OUT_ELSEWHERE_MESSAGE,
  clearSession,
  getSessionEpoch,
} from '../../../lib/auth-session';
import { RealtimeContext, type ConnectionStatus } from '../hooks/realtime-context';

/** Refused handshakes in a row before giving up until the next page load or network change. */
const MAX_REFUSALS = 3;

/** What the sign-in page says when the server ends the socket's session. */
const SESSION_END_NOTICES: Record<SessionEndReason, string> = {
  signed_out: SIGNED_OUT_ELSEWHERE_MESSAGE,
  session_ended: 'Your session ended. Please sign in again.',
  deactivated: 'Your account has been deactivated. Ask an administrator if you need access again.',
  expired: SESSION_EXPIRED_MESSAGE,
};

/**
 * Opens the session's one socket (with a fresh access token at each reconnection), keeps its
 * status, renews its token when the server says it expired, signs the tab out when the server
 * ends the session, refreshes the session when the server refuses an expired token, and
 * refreshes the notifications when one arrives.
 */
export function RealtimeProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [socket, setSocket] = useState<RealtimeSocket | null>(null);
  const [status, setStatus] = useState<ConnectionStatus>('connecting');
  const [refusal, setRefusal] = useState<string | null>(null);

  useEffect(() => {
    // The session this socket belongs to: its events never act on a later one.
    const epoch = getSessionEpoch();
    const live = connectRealtime({ token: freshAccessToken, renewToken: renewAccessToken });
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
    live.on('session:ended', ({ reason }) => {
      if (getSessionEpoch() !== epoch) return;
      clearSession(SESSION_END_NOTICES[reason] ?? SESSION_END_NOTICES.session_ended);
    });
    live.on('notification', () => {
      void queryClient.invalidateQueries({ queryKey: ['notifications'] });
    });
    live.on('notification:withdrawn', () => {
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
