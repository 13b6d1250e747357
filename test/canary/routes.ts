import { randomUUID } from 'node:crypto';
import type { Fixture } from './fixture.js';
import type { HttpClient } from './http.js';

/**
 * The GET routes of the OpenAPI document, and their concrete calls: each path parameter filled
 * with every fixture id of the plausible kind, required query parameters with every value they
 * take, optional filters with fixture or harvested values. Routes come from `/api/docs-json` at
 * run time, so a new route is covered without editing the test.
 */

/** The part of an OpenAPI schema the parameters are filled from. */
interface Schema {
  type?: string;
  format?: string;
  enum?: unknown[];
  items?: Schema;
}
/** A parameter of a route, as the OpenAPI document declares it. */
export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  description?: string;
  schema?: Schema;
}
/** A GET route: its path template and its parameters. */
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

/** A route with its parameters filled: a concrete path and its required query parameters. */
export interface RouteInstance {
  path: string;
  query: Record<string, string>;
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
export function routeInstances(route: Route, fixture: Fixture): RouteInstance[] {
  let partial: (RouteInstance & { docId?: string })[] = [{ path: route.path, query: {} }];
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
      else values = parameterValues(p, fixture, null).slice(0, 3);
      for (const v of values) next.push({ ...inst, query: { ...inst.query, [p.name]: v } });
    }
    partial = next;
  }
  return partial.map(({ path, query }) => ({ path, query }));
}

function numbersUpTo(n: number): string[] {
  return Array.from({ length: n }, (_, i) => String(i + 1));
}

/** Values to fill a query parameter with: enum values, booleans, fixture ids, harvested values. */
export function parameterValues(p: Parameter, fixture: Fixture, base: unknown): string[] {
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

/** A route's optional filters, to be filled with fixture values (not paging, not free text). */
export function optionalFilters(route: Route): Parameter[] {
  return route.parameters.filter(
    (p) => p.in === 'query' && !p.required && !SKIP_FILTERS.has(p.name) && !isWordFilter(p),
  );
}

/** A route's free-text filters, where the search oracle puts its words. */
export function wordFilters(route: Route): Parameter[] {
  return route.parameters.filter(isWordFilter);
}

/** A query as it appears in the report (`?k=v&…`, the paging cursor elided). */
export function describeQuery(query: Record<string, string>): string {
  const entries = Object.entries(query);
  if (!entries.length) return '';
  return `?${entries.map(([k, v]) => `${k}=${k === 'cursor' ? '…' : v}`).join('&')}`;
}
