import { startTestApi, type TestApi } from '../support/api.js';
import { closeTestPool } from '../support/factories.js';
import { ACTORS, castActors, type ActorName } from '../authorization/actors.js';
import { keySetOf, send } from '../authorization/call.js';
import { satisfyWorkflowGuards, type Ctx } from '../authorization/fixtures.js';
import { ROUTES, type CallContext } from '../authorization/http-routes.js';
import {
  checkKeyTable,
  checkTable,
  readTable,
  UPDATING,
  type Row,
} from '../authorization/table.js';
import { buildWorld, type World } from '../authorization/world.js';

// Every route of the OpenAPI document called as every actor against fixtures in each relevant
// state, compared with test/authorization/expected-http.tsv; the key sets of what each actor
// reads, with expected-keys.tsv. UPDATE_AUTHZ_MATRIX=1 rewrites both for review in the diff.

const HTTP_TABLE = 'expected-http.tsv';
const KEYS_TABLE = 'expected-keys.tsv';
const HTTP_COMMENT = [
  '# Authorization matrix: the status each actor gets from each route (issue 7, item 3).',
  '# Rows: METHOD /api/path and the fixture it was called against; columns: actors (test/authorization/actors.ts).',
  '# A cell may be a class (2xx) where the exact code legitimately varies. Regenerate with UPDATE_AUTHZ_MATRIX=1 and review.',
];
const KEYS_COMMENT = [
  '# Response key sets per actor for every GET that answered JSON 2xx (depth 3; list rows are fixture rows).',
  '# The Framework Team must never see Office-only fields (sources, items, internal notes, actors).',
];

interface OpenApiDoc {
  paths: Record<string, Record<string, { requestBody?: unknown }>>;
}

let api: TestApi;
let ctx: Ctx;
let world: World;
let openApi: OpenApiDoc;
/** The expected cells by `route\tfixture`. */
let expected: Map<string, Record<string, string>>;

/** `METHOD /api/path` of every operation of the OpenAPI document. */
function documentedRoutes(): string[] {
  return Object.entries(openApi.paths).flatMap(([path, methods]) =>
    Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`),
  );
}

beforeAll(async () => {
  api = await startTestApi({ WRITE_RATE_LIMIT: '100000' });
  satisfyWorkflowGuards(api);
  ctx = { api, cast: await castActors(api), known: new Set() };
  world = await buildWorld(ctx);
  openApi = (await api.http().get('/api/docs-json')).body as OpenApiDoc;
  const table = readTable(HTTP_TABLE, ['route', 'fixture'], ACTORS);
  expected = new Map(table.rows.map((r) => [r.key.join('\t'), r.cells]));
}, 60_000);

afterAll(async () => {
  await api.close();
  await closeTestPool();
});

/** Writes whose outcome would depend on another route running at the same moment. */
const SEQUENTIAL = ['DELETE /api/priority-situations/{id}/endorsement'];

/** Runs `work` over `items`, `size` at a time. */
async function inBatches<T>(items: T[], size: number, work: (item: T) => Promise<void>) {
  for (let i = 0; i < items.length; i += size)
    await Promise.all(items.slice(i, i + size).map(work));
}

/** Calls one route as every actor against each of its fixtures: status rows and key-set rows. */
async function callRoute(route: string): Promise<{ status: Row[]; keys: Row[] }> {
  const spec = ROUTES[route];
  const status: Row[] = [];
  const keys: Row[] = [];
  if (!spec) return { status, keys };
  for (const fixture of spec.fixtures) {
    const expectedRow = expected.get(`${route}\t${fixture}`);
    let shared: Promise<unknown> | null = null;
    const answers = await Promise.all(
      ACTORS.map(async (name) => {
        const actor = ctx.cast.actors[name];
        const refused = !UPDATING && /^[45]/.test(expectedRow?.[name] ?? '2');
        const once = <T>(make: () => Promise<T>): Promise<T> => {
          if (!refused) return make();
          shared ??= make();
          return shared as Promise<T>;
        };
        const c: CallContext = { ctx, world, actor, fixture, once };
        const target = await spec.target(c);
        const res = await send(ctx, route, actor, target, spec.body, c);
        return { name, status: String(res.status), keys: keySetOf(res, ctx.known) };
      }),
    );
    status.push({
      key: [route, fixture],
      cells: Object.fromEntries(answers.map((a) => [a.name, a.status])),
    });
    if (!route.startsWith('GET ')) continue;
    const byKeys = new Map<string, ActorName[]>();
    for (const a of answers)
      if (a.keys !== null) byKeys.set(a.keys, [...(byKeys.get(a.keys) ?? []), a.name]);
    for (const [set, names] of byKeys)
      keys.push({ key: [route, fixture, names.join(',')], cells: { keys: set } });
  }
  return { status, keys };
}

describe('the route map covers the OpenAPI document', () => {
  it('every documented route has a target and a body entry, and nothing else is listed', () => {
    const documented = documentedRoutes();
    const missing = documented.filter((r) => !(r in ROUTES));
    expect(missing.map((r) => `${r}: add it to test/authorization/http-routes.ts`)).toEqual([]);
    const stale = Object.keys(ROUTES).filter((r) => !documented.includes(r));
    expect(stale.map((r) => `${r}: no longer documented, remove it`)).toEqual([]);
  });

  it('a route that takes a body has one, and a route that takes none sends none', () => {
    const wrong = documentedRoutes().flatMap((route) => {
      const [method = '', path = ''] = route.split(' ');
      const takes = Boolean(openApi.paths[path]?.[method.toLowerCase()]?.requestBody);
      const spec = ROUTES[route];
      if (!spec) return [];
      const sends = spec.body !== 'none';
      return takes === sends ? [] : [`${route}: ${takes ? 'needs a body entry' : 'takes no body'}`];
    });
    expect(wrong).toEqual([]);
  });

  it('every documented route is in the expected table', () => {
    if (UPDATING) return;
    const table = readTable(HTTP_TABLE, ['route', 'fixture'], ACTORS);
    const listed = new Set(table.rows.map((r) => r.key[0]));
    const absent = documentedRoutes().filter((r) => !listed.has(r));
    expect(absent.map((r) => `${r}: add it to the table (UPDATE_AUTHZ_MATRIX=1)`)).toEqual([]);
  });
});

describe('the matrix', () => {
  it('every route answers every actor as the expected table says', async () => {
    const statusRows: Row[] = [];
    const keyRows: Row[] = [];
    const routes = documentedRoutes().filter((r) => r in ROUTES);
    // Reads first, against the fixtures as built; then writes, a few routes at a time (each
    // write consumes only its own fresh objects, or adds beside the shared ones); the removal of
    // an endorsement last, alone, as it first endorses.
    const reads = routes.filter((r) => r.startsWith('GET '));
    const writes = routes.filter((r) => !r.startsWith('GET ') && !SEQUENTIAL.includes(r));
    for (const phase of [reads, writes, SEQUENTIAL])
      await inBatches(phase, 6, async (route) => {
        const started = Date.now();
        const rows = await callRoute(route);
        if (process.env.AUTHZ_TIMING) console.warn(`${Date.now() - started} ms ${route}`);
        statusRows.push(...rows.status);
        keyRows.push(...rows.keys);
      });
    const statusDiff = checkTable(HTTP_TABLE, {
      comment: HTTP_COMMENT,
      keyColumns: ['route', 'fixture'],
      columns: ACTORS,
      rows: statusRows,
    });
    const keysDiff = checkKeyTable(KEYS_TABLE, {
      comment: KEYS_COMMENT,
      keyColumns: ['route', 'fixture', 'actors'],
      columns: ['keys'],
      rows: keyRows,
    });
    expect(statusDiff).toEqual([]);
    expect(keysDiff).toEqual([]);
  }, 120_000);
});
