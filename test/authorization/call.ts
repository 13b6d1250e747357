import type { Response } from 'supertest';
import type { Actor } from './actors.js';
import type { Ctx } from './fixtures.js';
import type { BodySpec, CallContext, Target } from './http-routes.js';

/** `METHOD /api/path/{param}` split in two. */
export function splitRoute(route: string): { method: string; path: string } {
  const [method = '', path = ''] = route.split(' ');
  return { method: method.toLowerCase(), path };
}

/** The path with its `{param}`s filled from the target. */
export function fillPath(path: string, params: Record<string, string>): string {
  return path.replace(/\{(\w+)\}/g, (_m, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`no value for {${name}} in ${path}`);
    return encodeURIComponent(value);
  });
}

/** Sends one call as `actor` and answers the response. */
export async function send(
  ctx: Ctx,
  route: string,
  actor: Actor,
  target: Target,
  body: BodySpec,
  c: CallContext,
): Promise<Response> {
  const { method, path } = splitRoute(route);
  const http = ctx.api.http();
  const url = fillPath(path, target.params);
  const call =
    method === 'get'
      ? http.get(url)
      : method === 'post'
        ? http.post(url)
        : method === 'put'
          ? http.put(url)
          : method === 'patch'
            ? http.patch(url)
            : http.delete(url);
  if (target.query) call.query(target.query);
  if (target.bearer) call.set('Authorization', `Bearer ${target.bearer}`);
  else if (actor.session) call.set(actor.session.auth());
  if (target.refreshToken) call.set('Cookie', `vigil_refresh=${target.refreshToken}`);
  if (body === 'multipart')
    return call.attach('file', Buffer.from('Field notes.\n'), {
      filename: 'field-notes.txt',
      contentType: 'text/plain',
    });
  if (body === 'none') return call;
  return call.send(body(target, c));
}

/** A plain JSON object (not an array, not null). */
function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * The key paths of a JSON answer to depth 3: `a`, `a.b`, `list[].c`. In a list, the element is
 * one the fixtures created (`known`) when the page holds one, else its first element: every element
 * of a list has the same shape, and other suites' rows (a hundred organisations, say) can push the
 * fixtures off the first page.
 */
export function keyPaths(value: unknown, known: Set<string>, prefix = '', depth = 0): string[] {
  if (depth >= 3) return [];
  if (Array.isArray(value)) {
    const objects = value.filter(isRecord);
    const pick =
      objects.find((o) => typeof o.id === 'string' && known.has(o.id)) ??
      objects.find((o) => typeof o.caseId === 'string' && known.has(o.caseId)) ??
      objects[0];
    return pick ? keyPaths(pick, known, `${prefix}[]`, depth) : [];
  }
  if (!isRecord(value)) return [];
  const out: string[] = [];
  for (const k of Object.keys(value).sort()) {
    const path = prefix ? `${prefix}.${k}` : k;
    out.push(path);
    out.push(...keyPaths(value[k], known, path, depth + 1));
  }
  return out;
}

/** The key set of a JSON answer, or null for other content (PDF, CSV) and errors. */
export function keySetOf(res: Response, known: Set<string>): string | null {
  if (res.status < 200 || res.status > 299) return null;
  if (!String(res.headers['content-type'] ?? '').includes('application/json')) return null;
  return keyPaths(res.body as unknown, known).join(' ');
}
