import { useSyncExternalStore } from 'react';
import { getSessionState, subscribeSession, type SessionState } from '../../../lib/auth-session';

/** The current auth session status (restoring / anonymous / authenticated) and sign-in notice. */
export function useSession(): SessionState {
  return useSyncExternalStore(subscribeSession, getSessionState);
}
