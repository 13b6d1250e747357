import { parseCookie, stringifySetCookie } from 'cookie';
import { DomainError } from '@vigil/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** The refresh token's cookie: HttpOnly (no script reads it), sent only to the refresh route. */
export const REFRESH_COOKIE = 'vigil_refresh';
const REFRESH_PATH = '/api/auth/refresh';

/** Hands the refresh token to the browser for as long as its session may live. */
export function setRefreshCookie(reply: FastifyReply, token: string, sessionEnd: Date): void {
  const maxAge = Math.max(0, Math.floor((sessionEnd.getTime() - Date.now()) / 1000));
  void reply.header(
    'set-cookie',
    stringifySetCookie({
      name: REFRESH_COOKIE,
      value: token,
      httpOnly: true,
      secure: true,
      sameSite: 'strict',
      path: REFRESH_PATH,
      maxAge,
    }),
  );
}

/** Tells the browser to forget the refresh token (sign-out, refused refresh). */
export function clearRefreshCookie(reply: FastifyReply): void {
  void reply.header(
    'set-cookie',
    stringifySetCookie({
      name: REFRESH_COOKIE,
      value: '',
      httpOnly: true,
      secure: true,
      sameSite: 'strict',
      path: REFRESH_PATH,
      maxAge: 0,
    }),
  );
}

/** The refresh token the browser sent, if any. */
export function refreshTokenOf(request: FastifyRequest): string | null {
  const header = request.headers.cookie;
  if (typeof header !== 'string') return null;
  const token = parseCookie(header)[REFRESH_COOKIE];
  return token && token.length >= 20 && token.length <= 200 ? token : null;
}

/**
 * Refuses a sign-in or refresh that a browser says another site started (`Sec-Fetch-Site`): the
 * session cookie must only ever be set or used by Vigil's own pages. Clients that are not
 * browsers send no such header.
 */
export function refuseCrossSite(request: FastifyRequest): void {
  const site = request.headers['sec-fetch-site'];
  if (site === 'cross-site' || site === 'same-site') {
    throw new DomainError('forbidden', 'Sign in from Vigil itself, not from another site.');
  }
}
