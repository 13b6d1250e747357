import { randomUUID } from 'node:crypto';
import {
  ABSENT_WORD,
  type Canary,
  type CanaryRegistry,
  type Hit,
  type LeakLedger,
} from './canaries.js';
import { inPool, type Answer, type HttpClient } from './http.js';
import { pdfText } from './pdf-text.js';

/**
 * Every GET route of the OpenAPI document, called as one person: each path parameter filled with
 * every fixture id of the plausible kind, each list without filters, with each declared filter
 * filled with fixture values, and with search words; every page followed; every answer scanned
 * (JSON, CSV as text, PDF as extracted text, other bytes as text). Routes come from
 * `/api/docs-json` at run time, so a new route is covered without editing the test.
 */

interface Schema {
  type?: string;
  format?: string;
  enum?: unknown[];
  items?: Schema;
}
interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  description?: string;
  schema?: Schema;
}
export interface Route {
  path: string;
  parameters: Parameter[];
}

/** The GET routes of the api's OpenAPI document. */
export async function getRoutes(http: HttpClient): Promise<Route[]> {
  const res = await http.call('GET', '/api/docs-json');
  if (res.status !== 200) throw new Error(`GET /api/docs-json: ${res.status}`);
  const doc = res.json as { paths: Record<string, Record<string, { parameters?: Parameter[] }>> };
  const routes: Route[] = [];
  for (const [path, ops] of Object.entries(doc.paths)) {
    const get = ops['get'];
    if (get) routes.push({ path, parameters: get.parameters ?? [] });
  }
  return routes;
}

/** The ids the fixture made, by kind, and the facts a route's parameters need. */
export interface Fixture {
  ids: Map<string, Set<string>>;
  /** document id → its version numbers. */
  versions: Map<string, number>;
  countries: Set<string>;
  indicatorIds: Set<string>;
  /** id → who may read that record (probe names), for the filter oracle. */
  readers: Map<string, Set<string>>;
}

export function newFixture(): Fixture {
  return {
    ids: new Map(),
    versions: new Map(),
    countries: new Set(),
    indicatorIds: new Set(),
    readers: new Map(),
  };
}

export function remember(fixture: Fixture, kind: string, id: string, readers?: Iterable<string>) {
  const set = fixture.ids.get(kind) ?? new Set<string>();
  set.add(id);
  fixture.ids.set(kind, set);
  if (readers) fixture.readers.set(id, new Set(readers));
}

/** The kind of record a path parameter names, from the segment before it (or its own name). */
const KIND_OF_SEGMENT: Record<string, string> = {
  cases: 'case',
  'priority-situations': 'case',
  escalations: 'escalation',
  assessments: 'assessment',
  notifications: 'notification',
  sources: 'source',
  'information-items': 'item',
  attachments: 'attachment',
  comments: 'comment',
  documents: 'document',
  versions: 'version',
  recommendations: 'recommendation',
  engagements: 'engagement',
  users: 'user',
  members: 'user',
  organisations: 'organisation',
  endorsements: 'case',
};
const KIND_OF_QUERY: Record<string, string> = {
  caseId: 'case',
  leadAnalystId: 'user',
  actorId: 'user',
  userId: 'user',
  documentId: 'document',
  itemId: 'item',
  sourceId: 'source',
  organisationId: 'organisation',
};

function allIds(fixture: Fixture): string[] {
  return [...new Set([...fixture.ids.values()].flatMap((s) => [...s]))];
}

function idsOf(fixture: Fixture, kind: string | undefined): string[] {
  const known = kind ? fixture.ids.get(kind) : undefined;
  // Unsure of the kind: every id the fixture made, and one that exists nowhere.
  return known?.size ? [...known] : [...allIds(fixture), randomUUID()];
}

/** Every concrete path of a route, with the required query parameters it needs. */
function instances(
  route: Route,
  fixture: Fixture,
): { path: string; query: Record<string, string> }[] {
  let partial: { path: string; query: Record<string, string>; docId?: string }[] = [
    { path: route.path, query: {} },
  ];
  const segments = route.path.split('/');
  for (const p of route.parameters.filter((x) => x.in === 'path')) {
    const at = segments.indexOf(`{${p.name}}`);
    const kind = KIND_OF_SEGMENT[segments[at - 1] ?? ''] ?? KIND_OF_QUERY[p.name];
    const next: typeof partial = [];
    for (const inst of partial) {
      const values =
        kind === 'version'
          ? numbersUpTo(fixture.versions.get(inst.docId ?? '') ?? 1)
          : idsOf(fixture, kind);
      for (const v of values)
        next.push({
          path: inst.path.replace(`{${p.name}}`, encodeURIComponent(v)),
          query: inst.query,
          docId: kind === 'document' ? v : inst.docId,
        });
    }
    partial = next;
  }
  // Required query parameters: every enum value; from/to of a document's versions.
  for (const p of route.parameters.filter((x) => x.in === 'query' && x.required)) {
    const next: typeof partial = [];
    for (const inst of partial) {
      const enumValues = p.schema?.enum ?? p.schema?.items?.enum;
      let values: string[];
      if (enumValues) values = enumValues.map(String);
      else if (p.name === 'from') values = ['1'];
      else if (p.name === 'to')
        values = [String(Math.max(2, fixture.versions.get(inst.docId ?? '') ?? 2))];
      else values = valuesFor(p, fixture, null).slice(0, 3);
      for (const v of values) next.push({ ...inst, query: { ...inst.query, [p.name]: v } });
    }
    partial = next;
  }
  return partial.map(({ path, query }) => ({ path, query }));
}

function numbersUpTo(n: number): string[] {
  return Array.from({ length: n }, (_, i) => String(i + 1));
}

/** Values to fill an optional filter with: enum values, booleans, fixture ids, harvested values. */
function valuesFor(p: Parameter, fixture: Fixture, base: unknown): string[] {
  const schema = p.schema ?? {};
  const enumValues = schema.enum ?? schema.items?.enum;
  if (enumValues) return enumValues.map(String);
  const type = schema.type === 'array' ? schema.items?.type : schema.type;
  if (type === 'boolean') return ['true', 'false'];
  if (p.name === 'after') return ['0'];
  if (schema.format === 'date' || schema.format === 'date-time') {
    const wide = p.name === 'to' ? '2100-01-01' : '2000-01-01';
    return [schema.format === 'date' ? wide : `${wide}T00:00:00.000Z`];
  }
  if (schema.format === 'uuid' || /Id$/.test(p.name)) return idsOf(fixture, KIND_OF_QUERY[p.name]);
  if (p.name === 'country') return [...fixture.countries];
  if (p.name === 'indicatorId') return [...fixture.indicatorIds];
  if (type === 'number' || type === 'integer') return [];
  // A string filter: the values the unfiltered answer shows in a field of that name.
  const harvested = new Set<string>();
  const items = (base as { items?: unknown[] } | undefined)?.items;
  for (const item of Array.isArray(items) ? items : []) {
    const v = (item as Record<string, unknown>)[p.name];
    if (typeof v === 'string') harvested.add(v);
  }
  return [...harvested];
}

const SKIP_FILTERS = new Set(['cursor', 'limit']);
/** Free-text filters (the search oracle's words go there): by name, or as their description says. */
function isWordFilter(p: Parameter): boolean {
  if (p.in !== 'query' || p.schema?.enum || p.schema?.format) return false;
  if (['q', 'search', 'query', 'text', 'words'].includes(p.name)) return true;
  return /\bwords?\b|free text|part of the|matches/i.test(p.description ?? '');
}

export interface SweepOptions {
  probe: string;
  token: string | null;
  afterCut: boolean;
  /** Words the probe may not read, searched for with the oracle; none skips filters and words. */
  oracleWords: Canary[] | null;
  concurrency?: number;
}

export interface SweepStats {
  requests: number;
  routes: number;
  oracleComparisons: number;
}

/** Calls every GET route as one probe and records what it read in the ledger. */
export async function sweep(
  http: HttpClient,
  routes: Route[],
  fixture: Fixture,
  ledger: LeakLedger,
  options: SweepOptions,
): Promise<SweepStats> {
  const stats: SweepStats = { requests: 0, routes: routes.length, oracleComparisons: 0 };
  const registry = ledger.canaries;
  const channelOf = (path: string) =>
    path.startsWith('/api/audit')
      ? 'audit'
      : path.startsWith('/api/notifications')
        ? 'notifications'
        : 'http';

  /** One GET, scanned; pages followed when `follow`. Returns the first page's answer. */
  const get = async (path: string, query: Record<string, string>, follow = true) => {
    let first: Answer | null = null;
    let cursor: string | null = null;
    for (let page = 0; page < 200; page += 1) {
      const q = cursor ? { ...query, cursor } : query;
      const res = await http.call('GET', path, { token: options.token, query: q });
      stats.requests += 1;
      ledger.requests += 1;
      const where = `GET ${path}${describeQuery(q)}`;
      const sent = new Set(registry.findInText(decodeURIComponent(where)).map((f) => f.canary.key));
      ledger.record(
        { channel: channelOf(path), probe: options.probe, where, afterCut: options.afterCut, sent },
        await scanAnswer(registry, res),
      );
      first ??= res;
      const next = (res.json as { nextCursor?: unknown } | undefined)?.nextCursor;
      if (!follow || res.status !== 200 || typeof next !== 'string' || !next) break;
      cursor = next;
    }
    if (!first) throw new Error(`GET ${path}: no answer`);
    return first;
  };

  const tasks: (() => Promise<void>)[] = [];
  for (const route of routes) {
    for (const inst of instances(route, fixture)) {
      tasks.push(async () => {
        const base = await get(inst.path, inst.query);
        if (!options.oracleWords) return;
        const optional = route.parameters.filter(
          (p) => p.in === 'query' && !p.required && !SKIP_FILTERS.has(p.name) && !isWordFilter(p),
        );
        const readable = base.status === 200;
        // Each declared filter, filled with fixture values (only where the route answers).
        if (readable) {
          for (const p of optional) {
            for (const v of valuesFor(p, fixture, base.json)) {
              await get(inst.path, { ...inst.query, [p.name]: v });
              // Filtering by a record the probe may not read says nothing more than a random id.
              const readers = fixture.readers.get(v);
              if (readers && !readers.has(options.probe) && !route.path.startsWith('/api/audit')) {
                await oracle(inst, { [p.name]: v }, { [p.name]: randomUUID() }, null);
              }
            }
          }
        }
        // Search words: each word the probe may not read answers as a word that exists nowhere.
        for (const p of route.parameters.filter(isWordFilter)) {
          const words = readable ? options.oracleWords : options.oracleWords.slice(0, 1);
          for (const canary of words) {
            await oracle(inst, { [p.name]: canary.word }, { [p.name]: ABSENT_WORD }, canary);
          }
        }
      });
    }
  }

  const baselines = new Map<string, Promise<Answer>>();
  /** Compares the answer to `probeQuery` with the answer to `baselineQuery`. */
  const oracle = async (
    inst: { path: string; query: Record<string, string> },
    probeQuery: Record<string, string>,
    baselineQuery: Record<string, string>,
    canary: Canary | null,
  ) => {
    const key = `${inst.path}?${JSON.stringify({ ...inst.query, ...baselineQuery })}`;
    const baselinePromise =
      baselines.get(key) ?? get(inst.path, { ...inst.query, ...baselineQuery }, false);
    baselines.set(key, baselinePromise);
    const [baseline, probed] = await Promise.all([
      baselinePromise,
      get(inst.path, { ...inst.query, ...probeQuery }, false),
    ]);
    stats.oracleComparisons += 1;
    const replaced = Object.values(probeQuery);
    const by = Object.values(baselineQuery);
    const difference = differs(
      normalise(baseline, by, '<word>'),
      normalise(probed, replaced, '<word>'),
    );
    const where = `GET ${inst.path}${describeQuery({ ...inst.query, ...probeQuery })}`;
    if (difference) {
      const value = Object.values(probeQuery)[0] ?? '';
      const subject = canary ?? filterSubject(fixture, Object.keys(probeQuery)[0] ?? '', value);
      ledger.record(
        { channel: 'oracle', probe: options.probe, where, afterCut: options.afterCut },
        [{ canary: subject, at: `answer differs from a word that exists nowhere: ${difference}` }],
      );
    } else {
      ledger.record(
        { channel: 'oracle', probe: options.probe, where, afterCut: options.afterCut },
        [],
      );
    }
  };

  await inPool(options.concurrency ?? 6, tasks);
  return stats;
}

/** A record named by its id in a filter, reported like a canary (it is registered nowhere). */
function filterSubject(fixture: Fixture, param: string, id: string): Canary {
  const kind = [...fixture.ids].find(([, ids]) => ids.has(id))?.[0] ?? 'record';
  return {
    word: id,
    key: id,
    match: 'id',
    kind,
    field: `id as filter ${param}`,
    recordId: id,
    situation: null,
    readers: new Set(),
    logsOnly: false,
    exemptAt: null,
    phase: 'filter',
    neverStored: false,
  };
}

function describeQuery(query: Record<string, string>): string {
  const entries = Object.entries(query);
  if (!entries.length) return '';
  return `?${entries.map(([k, v]) => `${k}=${k === 'cursor' ? '…' : v}`).join('&')}`;
}

/** Every canary in an answer: JSON by path, CSV and text by line, PDF as extracted text. */
export async function scanAnswer(registry: CanaryRegistry, res: Answer): Promise<Hit[]> {
  const hits: Hit[] = [];
  for (const [name, value] of Object.entries(res.headers)) {
    for (const f of registry.findInText(value))
      hits.push({ canary: f.canary, at: `header ${name}` });
  }
  if (res.json !== undefined) {
    hits.push(...registry.findInJson(res.json));
    return hits;
  }
  if (res.contentType.includes('pdf')) {
    let text = '';
    try {
      text = await pdfText(res.bytes);
    } catch (error) {
      text = '';
      hits.push(...registry.findInBytes(res.bytes));
      if (res.status === 200) throw new Error(`a PDF that pdf.js cannot read: ${String(error)}`);
    }
    for (const f of registry.findInText(text))
      hits.push({ canary: f.canary, at: `PDF text offset ${f.offset}` });
    hits.push(...registry.findInBytes(res.bytes).map((h) => ({ ...h, at: `PDF ${h.at}` })));
    return hits;
  }
  for (const f of registry.findInText(res.text)) {
    const before = res.text.slice(0, f.offset);
    const line = before.split('\n').length;
    hits.push({ canary: f.canary, at: `line ${line} col ${f.offset - before.lastIndexOf('\n')}` });
  }
  hits.push(
    ...registry.findInBytes(res.bytes).filter((h) => !hits.some((x) => x.canary === h.canary)),
  );
  return hits;
}

/** Keys whose values change from one call to the next. */
const VOLATILE = new Set(['waitingSeconds', 'requestId', 'generatedAt', 'now', 'serverTime']);

/** An answer as compared by the oracle: status and body, the searched word replaced. */
function normalise(res: Answer, words: string[], placeholder: string): unknown {
  const swap = (s: string) => words.reduce((t, w) => t.split(w).join(placeholder), s);
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return swap(v);
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object')
      return Object.fromEntries(
        Object.entries(v)
          .filter(([k]) => !VOLATILE.has(k))
          .map(([k, x]) => [k, walk(x)]),
      );
    return v;
  };
  const exportHeaders = Object.fromEntries(
    Object.entries(res.headers).filter(([k]) => k.startsWith('x-export') || k === 'x-total-count'),
  );
  return {
    status: res.status,
    headers: exportHeaders,
    body: res.json !== undefined ? walk(res.json) : swap(res.text),
  };
}

/** The first difference between two values, as `path: a ≠ b`, or null. */
function differs(a: unknown, b: unknown, path = '$'): string | null {
  if (typeof a !== typeof b || Array.isArray(a) !== Array.isArray(b))
    return `${path}: ${short(a)} ≠ ${short(b)}`;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return `${path}.length: ${a.length} ≠ ${b.length}`;
    for (let i = 0; i < a.length; i += 1) {
      const d = differs(a[i], b[i], `${path}[${i}]`);
      if (d) return d;
    }
    return null;
  }
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) {
      const d = differs(
        (a as Record<string, unknown>)[k],
        (b as Record<string, unknown>)[k],
        `${path}.${k}`,
      );
      if (d) return d;
    }
    return null;
  }
  if (typeof a === 'string' && typeof b === 'string' && a !== b) {
    // Texts (CSV): the first differing line.
    const la = a.split('\n');
    const lb = b.split('\n');
    if (la.length !== lb.length) return `${path} lines: ${la.length} ≠ ${lb.length}`;
    const i = la.findIndex((l, n) => l !== lb[n]);
    return `${path} line ${i + 1}: ${short(la[i])} ≠ ${short(lb[i])}`;
  }
  return a === b ? null : `${path}: ${short(a)} ≠ ${short(b)}`;
}

function short(v: unknown): string {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 80 ? `${s.slice(0, 77)}…` : s;
}
