/**
 * The single HTTP entry point of the web app: the shared typed client (`@vigil/client`) with a
 * `fetch` that adds the bearer token and, on 401, refreshes the session once (single-flight) and
 * retries. Feature `api/` modules call `api.GET(...)` etc. and `unwrap` the result.
 *
 * The refresh token is an `HttpOnly` cookie the browser sends to `/api/auth/refresh` by itself;
 * refreshes are serialised across the tabs of the browser (Web Locks), since a refresh token is
 * single-use and the tabs share one cookie.
 */
import { createVigilClient, type ApiSchemas, type VigilClient } from '@vigil/client';
import {
  SESSION_EXPIRED_MESSAGE,
  clearSession,
  getAccessToken,
  getSessionEpoch,
  getSessionState,
  getUnexpiredAccessToken,
  renewSession,
  type SessionGrant,
} from './auth-session';

/** A per-field validation message from the API. */
export type FieldErrorDetail = ApiSchemas['FieldProblemResponse'];

/** Error body shape used by the Vigil API. */
export type ApiErrorBody = ApiSchemas['ErrorResponse'];

/** Response of login and refresh (the refresh token travels as a cookie, never in the body). */
export type SessionResponse = Pick<
  ApiSchemas['SessionResponse'],
  'accessToken' | 'expiresIn' | 'user'
> & {
  /** The absolute end of the session (ISO); refreshing never moves it. */
  sessionExpiresAt?: string;
};

/** Thrown for every failed call. `statusCode` 0 means the server could not be reached. */
export class ApiError extends Error {
  readonly statusCode: number;
  readonly error: string;
  readonly details: FieldErrorDetail[];
  /** Seconds from a `Retry-After` header (429), if any. */
  readonly retryAfterSeconds: number | null;

  constructor(body: ApiErrorBody, retryAfterSeconds: number | null = null) {
    super(body.message);
    this.name = 'ApiError';
    this.statusCode = body.statusCode;
    this.error = body.error;
    this.details = body.details ?? [];
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /**
   * Field messages keyed by field name (first message wins). Nested paths such as `roles.0`
   * are also reported under their top-level name (`roles`).
   */
  fieldErrors(): Record<string, string> {
    const result: Record<string, string> = {};
    for (const detail of this.details) {
      const topLevel = detail.field.split(/[.[]/)[0] ?? detail.field;
      for (const key of [detail.field, topLevel]) {
        if (key && !(key in result)) result[key] = detail.message;
      }
    }
    return result;
  }
}

const LOGIN_PATH = '/api/auth/login';
const REFRESH_PATH = '/api/auth/refresh';
const LOGOUT_PATH = '/api/auth/logout';
/** Calls that never trigger a refresh-and-retry on 401. */
const NO_REFRESH_PATHS = new Set([LOGIN_PATH, REFRESH_PATH, LOGOUT_PATH]);
/** Calls that never carry the bearer token. */
const ANONYMOUS_PATHS = new Set([LOGIN_PATH, REFRESH_PATH]);

/**
 * The `fetch` the typed client uses: adds the bearer token; on 401 refreshes the session once
 * (shared by concurrent callers) and retries the request once with the new token. An answer that
 * arrives after the person behind the tab changed (or signed out) is refused, so nothing of the
 * previous person ever reaches the cache.
 */
async function authorisedFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const request = new Request(input, init);
  const pathname = new URL(request.url, window.location.origin).pathname;
  const anonymous = ANONYMOUS_PATHS.has(pathname);
  const retryable = !NO_REFRESH_PATHS.has(pathname);
  // The body can be read once: keep a copy for the retry.
  const spare = retryable ? request.clone() : null;
  const epoch = getSessionEpoch();
  const tokenUsed = anonymous ? null : getAccessToken();
  const response = await send(request, tokenUsed);
  if (anonymous) return response;
  if (getSessionEpoch() !== epoch) throw sessionChangedError();

  if (response.status === 401 && spare && tokenUsed) {
    const current = getAccessToken();
    // Another call already refreshed while this one was in flight: just retry.
    if (!(current && current !== tokenUsed)) await refreshSession();
    if (getSessionEpoch() !== epoch) throw sessionChangedError();
    const retried = await send(spare, getAccessToken());
    if (getSessionEpoch() !== epoch) throw sessionChangedError();
    return retried;
  }
  return response;
}

async function send(request: Request, token: string | null): Promise<Response> {
  const headers = new Headers(request.headers);
  if (!headers.has('Accept')) headers.set('Accept', 'application/json');
  if (token) headers.set('Authorization', `Bearer ${token}`);
  else headers.delete('Authorization');
  try {
    return await fetch(new Request(request, { headers, credentials: 'same-origin' }));
  } catch {
    throw unreachableError();
  }
}

/** The typed API client (same origin). */
export const api: VigilClient = createVigilClient({ baseUrl: '', fetch: authorisedFetch });

/** What every typed call resolves to (openapi-fetch): data on success, error body otherwise. */
interface CallResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** The body of a successful call; throws `ApiError` for any failure. */
export async function unwrap<T>(call: Promise<CallResult<T>>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok || data === undefined) throw toApiError(response, error);
  return data;
}

/** Resolves when a call without a body (204) succeeded; throws `ApiError` otherwise. */
export async function expectOk(call: Promise<CallResult<unknown>>): Promise<void> {
  const { error, response } = await call;
  if (!response.ok) throw toApiError(response, error);
}

let refreshInFlight: Promise<SessionResponse> | null = null;
/** How long a refresh may take before it counts as a network failure. */
const REFRESH_TIMEOUT_MS = 15_000;

/**
 * Exchanges the refresh cookie for a new access token (and a rotated cookie). Concurrent callers
 * in this tab share one request; other tabs wait for it (a refresh token is single-use). If the
 * API refuses, the session is cleared with the server's reason as the notice; if the browser's session
 * now belongs to someone else, this tab is signed out with a notice saying so.
 */
export function refreshSession(): Promise<SessionResponse> {
  refreshInFlight ??= withRefreshLock(performRefresh).finally(() => {
    refreshInFlight = null;
  });
  return refreshInFlight;
}

/** Runs `task` while no other tab of this browser refreshes (where Web Locks exist). */
function withRefreshLock<T>(task: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  if (!locks) return task();
  return locks.request('vigil.refresh', { mode: 'exclusive' }, task);
}

async function performRefresh(): Promise<SessionResponse> {
  const epoch = getSessionEpoch();
  let response: Response;
  try {
    response = await fetch(REFRESH_PATH, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { Accept: 'application/json' },
      // Other tabs wait for this one (the lock): never for ever.
      signal: AbortSignal.timeout(REFRESH_TIMEOUT_MS),
    });
  } catch {
    // Network failures keep the session (its cookie) so the user can retry later.
    throw unreachableError();
  }
  // Signed out (here or in another tab) while the answer was on its way: it is not ours.
  if (getSessionEpoch() !== epoch) throw sessionChangedError();
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok || !isSessionResponse(body)) {
    const error = toApiError(response, body);
    // Passing trouble (overload, a restart) keeps the session: the caller may try again.
    if (error.statusCode === 429 || error.statusCode >= 500) throw error;
    // Only announce the end if the user believed they were signed in; the server says why
    // (expired, signed out, account deactivated), whichever call noticed first.
    const notice =
      error.statusCode === 401 && error.message ? error.message : SESSION_EXPIRED_MESSAGE;
    clearSession(getSessionState().status === 'anonymous' ? null : notice);
    throw expiredError();
  }
  if (!renewSession(toGrant(body))) throw sessionChangedError();
  return body;
}

/**
 * A usable access token for a socket handshake: the current one unless it is about to expire,
 * else a refreshed one; null when signed out.
 */
export async function freshAccessToken(): Promise<string | null> {
  if (getSessionState().status !== 'authenticated') return null;
  const token = getUnexpiredAccessToken(15_000);
  if (token) return token;
  try {
    return (await refreshSession()).accessToken;
  } catch {
    return null;
  }
}

/**
 * A new access token to replace `stale` (which the server said expired): the tab's current one
 * if another call already refreshed it, else a refreshed one.
 */
export async function renewAccessToken(stale: string | null): Promise<string> {
  const current = getUnexpiredAccessToken(5_000);
  if (current && current !== stale) return current;
  return (await refreshSession()).accessToken;
}

/**
 * Revokes the session on the server with the bearer token (an expired one is accepted), which
 * clears the refresh cookie; failures are ignored: the caller has already forgotten everything.
 */
export async function revokeSession(token: string): Promise<void> {
  try {
    await fetch(LOGOUT_PATH, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { Accept: 'application/json', Authorization: `Bearer ${token}` },
      // Finishes even if the tab is closed right after signing out.
      keepalive: true,
    });
  } catch {
    // Unreachable: the token expires by itself.
  }
}

/** The grant the session store keeps, from a login or refresh answer. */
export function toGrant(session: SessionResponse): SessionGrant {
  return {
    accessToken: session.accessToken,
    expiresIn: session.expiresIn,
    sessionExpiresAt: session.sessionExpiresAt,
    user: { id: session.user.id, displayName: session.user.displayName },
  };
}

function isSessionResponse(value: unknown): value is SessionResponse {
  if (!isRecord(value)) return false;
  const user = value['user'];
  return (
    typeof value['accessToken'] === 'string' &&
    typeof value['expiresIn'] === 'number' &&
    isRecord(user) &&
    typeof user['id'] === 'string' &&
    typeof user['displayName'] === 'string'
  );
}

function expiredError(): ApiError {
  return new ApiError({ statusCode: 401, error: 'Unauthorized', message: SESSION_EXPIRED_MESSAGE });
}

/** The person behind the tab changed, or signed out, while a call was on its way. */
function sessionChangedError(): ApiError {
  return new ApiError({
    statusCode: 401,
    error: 'Unauthorized',
    message: 'You are no longer signed in here.',
  });
}

function unreachableError(): ApiError {
  return new ApiError({
    statusCode: 0,
    error: 'Network Error',
    message: 'Could not reach the Vigil server. Check your connection and try again.',
  });
}

function toApiError(response: Response, json: unknown): ApiError {
  const record = isRecord(json) ? json : {};
  const rawMessage = record['message'];
  const message = Array.isArray(rawMessage)
    ? rawMessage.filter((m): m is string => typeof m === 'string').join(' ')
    : typeof rawMessage === 'string' && rawMessage
      ? rawMessage
      : defaultMessage(response.status);
  const rawDetails = record['details'];
  const details = Array.isArray(rawDetails) ? rawDetails.filter(isFieldErrorDetail) : undefined;
  const error = typeof record['error'] === 'string' ? record['error'] : response.statusText;
  const retryAfter = Number(response.headers.get('Retry-After'));
  return new ApiError(
    { statusCode: response.status, error, message, details },
    Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null,
  );
}

function defaultMessage(status: number): string {
  if (status === 429) return 'Too many attempts. Please wait a moment and try again.';
  if (status === 403) return 'You are not allowed to do this.';
  if (status === 404) return 'Not found.';
  if (status >= 500) return 'The server ran into a problem. Please try again.';
  return `Request failed (${status}).`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isFieldErrorDetail(value: unknown): value is FieldErrorDetail {
  return (
    isRecord(value) && typeof value['field'] === 'string' && typeof value['message'] === 'string'
  );
}

/** Turns `''` and `null` into `undefined` so optional query parameters are left out. */
export function optional<T>(value: T | null | undefined | ''): T | undefined {
  return value === null || value === '' ? undefined : value;
}

/** A user-facing message for any thrown value. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError || error instanceof Error) return error.message;
  return 'Something went wrong. Please try again.';
}
