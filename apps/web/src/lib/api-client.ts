/**
 * The single HTTP entry point of the web app: the shared typed client (`@vigil/client`) with a
 * `fetch` that adds the bearer token and, on 401, refreshes the session once (single-flight) and
 * retries. Feature `api/` modules call `api.GET(...)` etc. and `unwrap` the result.
 */
import { createVigilClient, type ApiSchemas, type VigilClient } from '@vigil/client';
import {
  SESSION_EXPIRED_MESSAGE,
  clearSession,
  getAccessToken,
  getRefreshToken,
  getSessionState,
  startSession,
} from './auth-session';

/** A per-field validation message from the API. */
export type FieldErrorDetail = ApiSchemas['FieldProblemResponse'];

/** Error body shape used by the Vigil API. */
export type ApiErrorBody = ApiSchemas['ErrorResponse'];

/** Response of login and refresh. */
export type SessionResponse = ApiSchemas['SessionResponse'];

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
 * (shared by concurrent callers) and retries the request once with the new token.
 */
async function authorisedFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const request = new Request(input, init);
  const pathname = new URL(request.url, window.location.origin).pathname;
  const retryable = !NO_REFRESH_PATHS.has(pathname);
  // The body can be read once: keep a copy for the retry.
  const spare = retryable ? request.clone() : null;
  const tokenUsed = ANONYMOUS_PATHS.has(pathname) ? null : getAccessToken();
  const response = await send(request, tokenUsed);

  if (response.status === 401 && spare) {
    const current = getAccessToken();
    // Another call already refreshed while this one was in flight: just retry.
    if (!(current && current !== tokenUsed)) await refreshSession();
    return send(spare, getAccessToken());
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
    throw new ApiError({
      statusCode: 0,
      error: 'Network Error',
      message: 'Could not reach the Vigil server. Check your connection and try again.',
    });
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

/**
 * Exchanges the stored refresh token for new tokens. Concurrent callers share one request.
 * If the API rejects the refresh, the session is cleared with the "session expired" notice.
 */
export function refreshSession(): Promise<SessionResponse> {
  refreshInFlight ??= performRefresh().finally(() => {
    refreshInFlight = null;
  });
  return refreshInFlight;
}

async function performRefresh(): Promise<SessionResponse> {
  const refreshToken = getRefreshToken();
  if (!refreshToken) {
    // Nothing to refresh. Only announce expiry if the user believed they were signed in.
    if (getSessionState().status !== 'anonymous') clearSession(SESSION_EXPIRED_MESSAGE);
    throw expiredError();
  }
  try {
    const tokens = await unwrap(api.POST('/api/auth/refresh', { body: { refreshToken } }));
    startSession(tokens);
    return tokens;
  } catch (error) {
    // Network failures keep the stored token so the user can retry later.
    if (error instanceof ApiError && error.statusCode === 0) throw error;
    clearSession(SESSION_EXPIRED_MESSAGE);
    throw expiredError();
  }
}

function expiredError(): ApiError {
  return new ApiError({ statusCode: 401, error: 'Unauthorized', message: SESSION_EXPIRED_MESSAGE });
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
