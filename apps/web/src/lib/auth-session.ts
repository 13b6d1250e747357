/**
 * Auth session store.
 * - The access token lives in memory only.
 * - The refresh token lives in localStorage under `vigil.refreshToken`.
 * - Session status is an external store so React can subscribe with `useSyncExternalStore`.
 */

export const REFRESH_TOKEN_KEY = 'vigil.refreshToken';
export const SESSION_EXPIRED_MESSAGE = 'Your session has expired. Please sign in again.';

/** `restoring`: a refresh token is stored and we are trying to exchange it for an access token. */
export type SessionStatus = 'restoring' | 'anonymous' | 'authenticated';

export interface SessionState {
  status: SessionStatus;
  /** Message to show on the sign-in page (e.g. session expired). */
  notice: string | null;
}

export interface SessionTokens {
  accessToken: string;
  refreshToken: string;
}

let accessToken: string | null = null;
let state: SessionState = {
  status: readRefreshToken() ? 'restoring' : 'anonymous',
  notice: null,
};
const listeners = new Set<() => void>();

function readRefreshToken(): string | null {
  try {
    return window.localStorage.getItem(REFRESH_TOKEN_KEY);
  } catch {
    return null;
  }
}

function writeRefreshToken(token: string | null): void {
  try {
    if (token) window.localStorage.setItem(REFRESH_TOKEN_KEY, token);
    else window.localStorage.removeItem(REFRESH_TOKEN_KEY);
  } catch {
    // Storage unavailable (private mode, quota): the session just won't survive a reload.
  }
}

function setState(next: SessionState): void {
  if (next.status === state.status && next.notice === state.notice) return;
  state = next;
  listeners.forEach((listener) => listener());
}

export function getAccessToken(): string | null {
  return accessToken;
}

export function getRefreshToken(): string | null {
  return readRefreshToken();
}

/** Stores fresh tokens (after login or refresh) and marks the session as authenticated. */
export function startSession(tokens: SessionTokens): void {
  accessToken = tokens.accessToken;
  writeRefreshToken(tokens.refreshToken);
  setState({ status: 'authenticated', notice: null });
}

/** Forgets both tokens. `notice` is shown on the sign-in page. */
export function clearSession(notice: string | null = null): void {
  accessToken = null;
  writeRefreshToken(null);
  setState({ status: 'anonymous', notice });
}

/** Clears the sign-in page notice once it has been acted upon. */
export function dismissNotice(): void {
  if (state.notice) setState({ ...state, notice: null });
}

export function getSessionState(): SessionState {
  return state;
}

export function subscribeSession(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}
