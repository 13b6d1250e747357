import fc from 'fast-check';
import { STATUS_CODES } from 'node:http';
import type { Response } from 'supertest';
import { signIn, type Session } from '../support/api.js';
import { fingerprint, fingerprintDiff, type Fingerprint } from './db-fingerprint.js';
import {
  actorsFor,
  fixtureKindOf,
  FUZZ_ATTACHMENT_MAX_BYTES,
  type ActorName,
  type FuzzWorld,
} from './fixtures.js';
import { encodeLoosely, mutatedPathSegment, nastyString } from './mutations.js';
import {
  bodyArbitrary,
  queryArbitrary,
  type FuzzBody,
  type OpenApiDocument,
  type OperationObject,
  type QueryValue,
} from './openapi-arbitraries.js';

/** One operation of the OpenAPI document. */
export interface FuzzOperation {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  op: OperationObject;
  /** `GET /api/cases/{id}`: how failures and filters name it. */
  key: string;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/** Every operation of the document, in document order. */
export function operationsOf(doc: OpenApiDocument): FuzzOperation[] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    METHODS.filter((m) => item[m]).map((method) => {
      const op = item[method] as OperationObject;
      return { method, path, op, key: `${method.toUpperCase()} ${path}` };
    }),
  );
}

/** Fuzz suites, by the operation's OpenAPI tag; a tag missing here fails the coverage test. */
export const SUITE_OF_TAG: Record<string, 'admin' | 'cases' | 'records'> = {
  health: 'admin',
  auth: 'admin',
  users: 'admin',
  organisations: 'admin',
  audit: 'admin',
  notifications: 'admin',
  cases: 'cases',
  workflow: 'cases',
  assessments: 'cases',
  comments: 'cases',
  'priority-situations': 'cases',
  information: 'records',
  documents: 'records',
  recommendations: 'records',
  engagements: 'records',
};

/** The operations one suite fuzzes (FUZZ_ONLY, a substring of the key, narrows them). */
export function operationsOfSuite(doc: OpenApiDocument, suite: string): FuzzOperation[] {
  const only = process.env.FUZZ_ONLY;
  return operationsOf(doc).filter(
    (o) => SUITE_OF_TAG[o.op.tags?.[0] ?? ''] === suite && (!only || o.key.includes(only)),
  );
}

/** Runs per operation and the seed: FUZZ_RUNS and FUZZ_SEED reproduce or lengthen a run. */
export const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 12);
export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20_261_107);

/** A generated request. */
interface FuzzRequest {
  actor: ActorName;
  auth: 'bearer' | 'none' | 'garbage';
  url: string;
  body: FuzzBody | { kind: 'multipart'; fileName: string; contentType: string; bytes: Buffer };
}

function requestArbitrary(world: FuzzWorld, fop: FuzzOperation): fc.Arbitrary<FuzzRequest> {
  const ctx = { doc: world.doc, knownIds: world.knownIds, idsByField: world.idsByField };
  const pathParams = [...fop.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '');
  const segments = pathParams.map((name) => {
    const ids = world.ids[fixtureKindOf(fop.path, name)];
    return fc.oneof(
      { weight: 12, arbitrary: fc.constant(ids.primary) },
      { weight: 1, arbitrary: fc.constant(ids.other) },
      { weight: 1, arbitrary: fc.uuid() },
      { weight: 2, arbitrary: mutatedPathSegment },
    );
  });
  const multipart = fop.op.requestBody?.content['multipart/form-data'] !== undefined;
  const body = multipart ? multipartArbitrary : bodyArbitrary(ctx, fop.op);
  return fc
    .record({
      actor: fc.constantFrom(...actorsFor(world, fop.path)),
      auth: fc.oneof(
        { weight: 30, arbitrary: fc.constant('bearer' as const) },
        { weight: 1, arbitrary: fc.constantFrom('none' as const, 'garbage' as const) },
      ),
      segments: fc.tuple(...segments),
      query: queryArbitrary(ctx, fop.op),
      body,
    })
    .map(({ actor, auth, segments: values, query, body: b }) => {
      let i = 0;
      const path = fop.path.replace(/\{\w+\}/g, () => values[i++] ?? '');
      return { actor, auth, url: path + queryString(query), body: b };
    });
}

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

/** A file upload with a fuzzed name, declared type and content (the bytes decide the type). */
const multipartArbitrary = fc.record({
  kind: fc.constant('multipart' as const),
  fileName: fc.oneof(
    fc.constant('statement.pdf'),
    nastyString.filter((s) => !/[\r\n"]/.test(s)),
    fc.constant(`${'n'.repeat(300)}.pdf`),
  ),
  contentType: fc.constantFrom(
    'application/pdf',
    'image/png',
    'text/html',
    'application/x-msdownload',
    'x/y',
  ),
  bytes: fc.oneof(
    fc.constant(PDF),
    fc.constant(Buffer.alloc(0)),
    fc.uint8Array({ maxLength: 256 }).map((a) => Buffer.from(a)),
    fc.constant(Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46]), Buffer.alloc(60)])),
    fc.constant(Buffer.concat([PDF, Buffer.alloc(FUZZ_ATTACHMENT_MAX_BYTES)])),
  ),
});

/** Longest query string sent. */
const MAX_QUERY_CHARS = 6000;

function queryString(pairs: [string, QueryValue][]): string {
  const parts = pairs.flatMap(([k, v]) =>
    (Array.isArray(v) ? v : [v]).map((one) => `${encodeLoosely(k)}=${encodeLoosely(one)}`),
  );
  // Node refuses a request line over 16 KB (431) before the app sees it: stay well below.
  return parts.length ? `?${parts.join('&')}`.slice(0, MAX_QUERY_CHARS) : '';
}

async function send(
  world: FuzzWorld,
  fop: FuzzOperation,
  r: FuzzRequest,
  session: Session = world.sessions[r.actor],
): Promise<Response> {
  let req = world.api.http()[fop.method](r.url);
  if (r.auth === 'bearer') req = req.set(session.auth());
  if (r.auth === 'garbage') req = req.set('Authorization', 'Bearer not.a.token');
  const b = r.body;
  switch (b.kind) {
    case 'none':
      return req;
    case 'json':
      return req.set('Content-Type', 'application/json').send(JSON.stringify(b.value) ?? 'null');
    case 'raw':
      return req.set('Content-Type', b.contentType).send(b.text);
    case 'multipart':
      return req.attach('file', b.bytes, { filename: b.fileName, contentType: b.contentType });
  }
}

const ERROR_KEYS = ['statusCode', 'error', 'message', 'details'];

/** Why `res` breaks the contract (no 5xx, the error shape, a documented 2xx), or null. */
export function contractProblem(fop: FuzzOperation, res: Response): string | null {
  const status = res.status;
  if (status >= 500) return `server error ${status}`;
  const type = String(res.headers['content-type'] ?? '');
  if (status >= 400) {
    if (!type.startsWith('application/json'))
      return `error answered as ${type || 'no content type'}`;
    const body = res.body as Record<string, unknown>;
    const extra = Object.keys(body).filter((k) => !ERROR_KEYS.includes(k));
    if (extra.length) return `error body has extra keys ${extra.join(', ')}`;
    if (body.statusCode !== status) return `statusCode ${String(body.statusCode)} ≠ ${status}`;
    if (body.error !== STATUS_CODES[status]) return `error "${String(body.error)}" for ${status}`;
    if (typeof body.message !== 'string' || !body.message) return 'error without a message';
    if (/\bat .+:\d+:\d+\)|node_modules|QueryFailedError|\bSQL\b/.test(body.message))
      return 'error message leaks internals';
    const details = body.details;
    if (details !== undefined) {
      const ok = Array.isArray(details)
        ? details.every(
            (d: unknown) =>
              typeof d === 'object' &&
              d !== null &&
              typeof (d as { field?: unknown }).field === 'string' &&
              typeof (d as { message?: unknown }).message === 'string',
          )
        : typeof details === 'object' && details !== null;
      if (!ok) return `details not in the documented shape: ${JSON.stringify(details)}`;
    }
    return null;
  }
  if (status >= 300) return `unexpected redirect ${status}`;
  const documented = fop.op.responses[String(status)];
  if (!documented)
    return `${status} is not a documented answer (${Object.keys(fop.op.responses).join(', ')})`;
  if (status === 204) return res.text ? 'a 204 with a body' : null;
  if (documented.content?.['application/json'] && !type.startsWith('application/json'))
    return `documented as JSON, answered as ${type}`;
  return null;
}

function describe(r: FuzzRequest, res: Response): string {
  const body =
    r.body.kind === 'json'
      ? JSON.stringify(r.body.value)
      : r.body.kind === 'raw'
        ? `${r.body.contentType}: ${r.body.text}`
        : r.body.kind === 'multipart'
          ? `file ${JSON.stringify(r.body.fileName)} ${r.body.contentType} ${r.body.bytes.length} B`
          : '';
  return `${r.url.slice(0, 300)} as ${r.actor} (${r.auth}) body ${body.slice(0, 400)} → ${res.status} ${
    res.text?.slice(0, 400) ?? ''
  }`;
}

/** Counts of answers per status for one operation, for the suite's summary. */
export type StatusCounts = Record<string, number>;

/**
 * Fuzzes one operation for FUZZ_RUNS requests: every answer keeps the contract, and a refused
 * request (4xx) leaves the suite's rows exactly as they were. Returns the statuses seen.
 */
export async function fuzzOperation(world: FuzzWorld, fop: FuzzOperation): Promise<StatusCounts> {
  const counts: StatusCounts = {};
  let before: Fingerprint = await fingerprint(world.scope);
  await fc.assert(
    fc.asyncProperty(requestArbitrary(world, fop), async (r) => {
      // Signing out ends the session it is sent with: one of its own, started before the rows
      // are compared, so the actor's own session survives the run.
      const session =
        fop.path === '/api/auth/logout'
          ? await signIn(world.api, world.sessions[r.actor].user)
          : world.sessions[r.actor];
      if (session !== world.sessions[r.actor]) before = await fingerprint(world.scope);
      const res = await send(world, fop, r, session);
      counts[res.status] = (counts[res.status] ?? 0) + 1;
      const problem = contractProblem(fop, res);
      if (problem) throw new Error(`${fop.key}: ${problem}\n${describe(r, res)}`);
      const after = await fingerprint(world.scope);
      if (res.status >= 400) {
        const changes = fingerprintDiff(before, after);
        if (changes.length)
          throw new Error(
            `${fop.key}: refused with ${res.status} but changed ${changes.join('; ')}\n${describe(r, res)}`,
          );
      }
      before = after;
    }),
    { numRuns: FUZZ_RUNS, seed: FUZZ_SEED, endOnFailure: true, includeErrorInReport: true },
  );
  return counts;
}
