/**
 * Auth session store, one per tab, kept in step with the other tabs of this browser.
 * - The access token lives in memory only. The refresh token is an `HttpOnly` cookie scoped to
 *   `/api/auth/refresh`: no script ever sees it.
 * - `localStorage` holds only a non-secret hint (`vigil.hasSession`), so an anonymous visit does
 *   not try a refresh that can only fail.
 * - One person per browser: a sign-in or a sign-out is announced to the other tabs
 *   (BroadcastChannel, else a `storage` event). A tab signed in as someone else is signed out with
 *   a notice and offers to continue as the new person; the same person signing in changes nothing.
 * - Session status is an external store so React can subscribe with `useSyncExternalStore`.
 */

/** The non-secret hint that this browser may hold a session (never a token). */
export const SESSION_HINT_KEY = 'vigil.hasSession';
/** The `storage` key used to reach other tabs when BroadcastChannel is missing (set, then removed). */
const EVENT_KEY = 'vigil.sessionEvent';
const CHANNEL_NAME = 'vigil.session';

export const SESSION_EXPIRED_MESSAGE = 'Your session has expired. Please sign in again.';
export const SIGNED_OUT_ELSEWHERE_MESSAGE = 'You were signed out in another window.';

/** `restoring`: this browser may hold a session and we are asking the server for it. */
export type SessionStatus = 'restoring' | 'anonymous' | 'authenticated';

/** Someone signed in, as far as other tabs need to know. */
export interface SessionPerson {
  id: string;
  displayName: string;
}

export interface SessionState {
  status: SessionStatus;
  /** Message to show on the sign-in page (e.g. session expired, signed out elsewhere). */
  notice: string | null;
  /** Who this tab is signed in as; null unless authenticated. */
  userId: string | null;
  /** A person signed in in another tab while this one is signed out: they may continue here. */
  elsewhere: SessionPerson | null;
}

/** What login and refresh answer (the refresh token itself travels as a cookie). */
export interface SessionGrant {
  accessToken: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
  /** The absolute end of the session (ISO); refreshing never moves it. */
  sessionExpiresAt?: string;
  user: SessionPerson;
}

/** Messages between the tabs of one browser. */
type TabMessage = { type: 'signed-in'; user: SessionPerson } | { type: 'signed-out' };

let accessToken: string | null = null;
/** When the access token expires (ms since the epoch, by this machine's clock). */
let accessTokenExpiresAt = 0;
/** Changes whenever the person behind this tab changes or the session ends (or a restore fails). */
let epoch = 0;
let state: SessionState = {
  status: readHint() ? 'restoring' : 'anonymous',
  notice: null,
  userId: null,
  elsewhere: null,
};
const listeners = new Set<() => void>();

function readHint(): boolean {
  try {
    return window.localStorage.getItem(SESSION_HINT_KEY) === '1';
  } catch {
    return false;
  }
}

function writeHint(present: boolean): void {
  try {
    if (present) window.localStorage.setItem(SESSION_HINT_KEY, '1');
    else window.localStorage.removeItem(SESSION_HINT_KEY);
  } catch {
    // Storage unavailable (private mode, quota): a reload just shows the sign-in page.
  }
}

function setState(patch: Partial<SessionState>): void {
  const next = { ...state, ...patch };
  if (
    next.status === state.status &&
    next.notice === state.notice &&
    next.userId === state.userId &&
    next.elsewhere?.id === state.elsewhere?.id
  )
    return;
  state = next;
  listeners.forEach((listener) => listener());
}

export function getAccessToken(): string | null {
  return accessToken;
}

/** The access token unless it expires within `marginMs` (by this machine's clock). */
export function getUnexpiredAccessToken(marginMs: number): string | null {
  return accessToken && accessTokenExpiresAt - marginMs > Date.now() ? accessToken : null;
}

/**
 * A number that changes whenever the person behind this tab changes or the session ends: work
 * started under one value must not be used under another.
 */
export function getSessionEpoch(): number {
  return epoch;
}

/**
 * Accepts a grant from a sign-in in this tab: announced to the other tabs, which follow (same
 * person: nothing changes; someone else: they sign out).
 */
export function startSession(grant: SessionGrant): void {
  adopt(grant);
  announce({ type: 'signed-in', user: personOf(grant.user) });
}

/**
 * Accepts a grant from a refresh. If the browser's session now belongs to someone else (they
 * signed in in another tab), this tab is signed out instead and `false` is returned.
 */
export function renewSession(grant: SessionGrant): boolean {
  if (state.userId !== null && state.userId !== grant.user.id) {
    personChanged(personOf(grant.user));
    return false;
  }
  adopt(grant);
  return true;
}

function adopt(grant: SessionGrant): void {
  accessToken = grant.accessToken;
  accessTokenExpiresAt = Date.now() + grant.expiresIn * 1000;
  if (grant.user.id !== state.userId) epoch += 1;
  writeHint(true);
  setState({ status: 'authenticated', notice: null, userId: grant.user.id, elsewhere: null });
}

/**
 * Ends this tab's session: forgets the access token and shows `notice` on the sign-in page.
 * `announce` tells the other tabs to sign out too (a sign-out by the person here).
 */
export function clearSession(
  notice: string | null = null,
  options: { announce?: boolean; keepHint?: boolean; elsewhere?: SessionPerson } = {},
): void {
  accessToken = null;
  accessTokenExpiresAt = 0;
  epoch += 1;
  if (!options.keepHint) writeHint(false);
  setState({ status: 'anonymous', notice, userId: null, elsewhere: options.elsewhere ?? null });
  if (options.announce) announce({ type: 'signed-out' });
}

/** Someone else now holds this browser's session: sign this tab out and offer to continue. */
function personChanged(person: SessionPerson): void {
  clearSession(
    `${person.displayName} signed in to Vigil in another window of this browser, so you were ` +
      'signed out here.',
    { keepHint: true, elsewhere: person },
  );
}

/** "Continue as …" on the sign-in page: ask the server for the browser's session. */
export function beginRestore(): void {
  if (state.status === 'anonymous') setState({ status: 'restoring', notice: null });
}

/** Clears the sign-in page notice once it has been acted upon. */
export function dismissNotice(): void {
  if (state.notice) setState({ notice: null });
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

function personOf(user: SessionPerson): SessionPerson {
  return { id: user.id, displayName: user.displayName };
}

// ---------- Other tabs ----------

const channel: BroadcastChannel | null =
  typeof BroadcastChannel === 'function' ? new BroadcastChannel(CHANNEL_NAME) : null;

function announce(message: TabMessage): void {
  if (channel) {
    channel.postMessage(message);
    return;
  }
  try {
    // Other tabs see the change as a `storage` event; nothing stays behind.
    const nonce = Math.random().toString(36).slice(2);
    window.localStorage.setItem(EVENT_KEY, JSON.stringify({ ...message, nonce }));
    window.localStorage.removeItem(EVENT_KEY);
  } catch {
    // No storage: other tabs learn at their next refresh.
  }
}

function onTabMessage(message: TabMessage): void {
  if (message.type === 'signed-out') {
    if (state.status === 'anonymous') setState({ elsewhere: null });
    else clearSession(SIGNED_OUT_ELSEWHERE_MESSAGE, { keepHint: true });
    return;
  }
  const { user } = message;
  if (state.status === 'authenticated') {
    // The same person signing in again elsewhere changes nothing here.
    if (state.userId !== user.id) personChanged(user);
    return;
  }
  if (state.status === 'anonymous') setState({ elsewhere: user });
  // While restoring, the refresh in flight decides who this tab is.
}

function parseTabMessage(value: unknown): TabMessage | null {
  if (typeof value !== 'object' || value === null || !('type' in value)) return null;
  if (value.type === 'signed-out') return { type: 'signed-out' };
  if (value.type !== 'signed-in' || !('user' in value)) return null;
  const user: unknown = value.user;
  if (
    typeof user === 'object' &&
    user !== null &&
    'id' in user &&
    'displayName' in user &&
    typeof user.id === 'string' &&
    typeof user.displayName === 'string'
  )
    return { type: 'signed-in', user: { id: user.id, displayName: user.displayName } };
  return null;
}

if (channel) {
  channel.addEventListener('message', (event: MessageEvent<unknown>) => {
    const message = parseTabMessage(event.data);
    if (message) onTabMessage(message);
  });
} else if (typeof window !== 'undefined') {
  window.addEventListener('storage', (event) => {
    if (event.key !== EVENT_KEY || !event.newValue) return;
    try {
      const message = parseTabMessage(JSON.parse(event.newValue));
      if (message) onTabMessage(message);
    } catch {
      // Not ours.
    }
  });
}
