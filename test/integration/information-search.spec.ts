import { defineAbilitiesFor } from '@vigil/domain';
import {
  buildItemSearchSql,
  InformationItemsService,
  searchPlanFor,
  type ItemSearchFilters,
  type RequestContext,
} from '@vigil/server';
import { randomUUID } from 'node:crypto';
import { sessionFor, startTestApi, type Session, type TestApi } from '../support/api.js';
import { openCase } from '../support/cases.js';
import { closeTestPool, testPool } from '../support/factories.js';
import { createSource, recordItem, type ItemBody } from '../support/information.js';

// Search correctness of the precursor database against a real PostgreSQL: stemming, title
// weighted above description, filters, keyset pages, and clearance — a confidential item never
// reaches an unclassified reader in lists, counts, search, snippets or export (issue 4).

let api: TestApi;
let service: InformationItemsService;
let author: Session;
let unclassifiedReader: Session;
let confidentialReader: Session;
/** A word no other suite uses, so results are exactly this suite's items. */
const tag = `qx${randomUUID().slice(0, 6)}`;
const items: Record<string, ItemBody> = {};

function contextOf(session: Session): RequestContext {
  const u = session.user;
  return {
    actor: {
      id: u.id,
      email: u.email,
      displayName: u.displayName,
      roles: u.roles,
      clearance: u.clearance,
      organisationId: u.organisationId,
    },
    ability: defineAbilitiesFor({
      id: u.id,
      roles: u.roles,
      clearance: u.clearance,
      organisationId: u.organisationId,
      active: true,
    }),
    requestId: 'test',
    ip: '127.0.0.1',
  };
}

const search = async (session: Session, filters: ItemSearchFilters) =>
  (await service.list(contextOf(session), { limit: 100, ...filters })).items;
const titles = async (session: Session, filters: ItemSearchFilters) =>
  (await search(session, filters)).map((i) => i.title);

beforeAll(async () => {
  api = await startTestApi();
  service = api.app.get(InformationItemsService, { strict: false });
  author = await sessionFor(api, {
    roles: ['adviser', 'analyst'],
    clearance: 'strictly_confidential',
  });
  unclassifiedReader = await sessionFor(api, { roles: ['adviser'], clearance: 'unclassified' });
  confidentialReader = await sessionFor(api, { roles: ['adviser'], clearance: 'confidential' });
  const reliable = await createSource(api, author, { reliability: 'A' });
  const doubtful = await createSource(api, author, { reliability: 'D' });
  const kase = await openCase(api, author, { classification: 'unclassified', country: 'SSD' });
  const add = async (key: string, source: string, fields: Record<string, unknown>) => {
    items[key] = await recordItem(api, author, source, fields);
  };
  await add('titleHit', reliable.id, {
    title: `${tag} Militias burning villages`,
    description: 'Smoke seen from the road.',
    eventDate: '2026-03-01',
    country: 'SSD',
    kind: 'incident',
    indicatorIds: ['7.5'],
    crimeTypes: ['war_crimes'],
    caseIds: [kase.id],
  });
  await add('descriptionHit', doubtful.id, {
    title: `${tag} Market report`,
    description: 'Traders say a militia burned two villages last week, then withdrew.',
    eventDate: '2026-04-01',
    country: 'SDN',
    kind: 'report',
    credibility: 4,
  });
  await add('secret', reliable.id, {
    title: `${tag} Confidential briefing on militia arming`,
    description: 'Arms shipments to the militia were seen at the airstrip.',
    eventDate: '2026-05-01',
    country: 'SDN',
    classification: 'confidential',
  });
  await add('strict', reliable.id, {
    title: `${tag} Strictly confidential note`,
    description: 'A plan to move the militia north.',
    eventDate: '2026-06-01',
    country: 'SDN',
    classification: 'strictly_confidential',
  });
  await add('speech', doubtful.id, {
    title: `${tag} Governor speech`,
    description: 'The governor called the group "cockroaches" on radio.',
    eventDate: '2025-12-24',
    country: 'SSD',
    kind: 'speech',
    crimeTypes: ['incitement'],
    indicatorIds: ['7.14'],
  });
});

afterAll(async () => {
  await api.close();
  await closeTestPool();
});

it('matches word forms by stemming: "burn" finds "burning" and "burned"', async () => {
  expect((await titles(author, { q: `${tag} burn` })).sort()).toEqual(
    [items.titleHit?.title, items.descriptionHit?.title].sort(),
  );
});

it('ranks a match in the title above one in the description', async () => {
  const ranked = await titles(author, { q: `${tag} villages`, sort: 'relevance' });
  expect(ranked).toEqual([items.titleHit?.title, items.descriptionHit?.title]);
});

it('marks the matched words in the title and snippet', async () => {
  const [hit] = await search(author, { q: `${tag} traders` });
  expect(hit?.snippet.filter((s) => s.match).map((s) => s.text.toLowerCase())).toContain('traders');
  expect(hit?.titleHighlight.map((s) => s.text).join('')).toBe(items.descriptionHit?.title);
});

it('understands phrases, OR and exclusion, and never fails on odd syntax', async () => {
  expect(await titles(author, { q: `${tag} "burned two villages"` })).toEqual([
    items.descriptionHit?.title,
  ]);
  expect((await titles(author, { q: `${tag} cockroaches or airstrip` })).sort()).toEqual(
    [items.speech?.title, items.secret?.title].sort(),
  );
  expect(
    await titles(author, { q: `${tag} militia -confidential -market -plan -villages` }),
  ).toEqual([]);
  expect(await titles(author, { q: `${tag} ((( & !` })).toHaveLength(5);
});

it.each<[string, ItemSearchFilters, string[]]>([
  ['country', { country: 'SSD' }, ['speech', 'titleHit']],
  ['kind', { kind: ['report', 'speech'] }, ['descriptionHit', 'speech']],
  ['reliability', { reliability: ['D'] }, ['descriptionHit', 'speech']],
  ['credibility', { credibility: [4] }, ['descriptionHit']],
  ['crime type', { crimeType: 'incitement' }, ['speech']],
  ['indicator', { indicatorId: '7.5' }, ['titleHit']],
  ['date range', { from: '2026-03-01', to: '2026-04-30' }, ['descriptionHit', 'titleHit']],
])('filters by %s, newest event first', async (_label, filters, expected) => {
  const got = await titles(author, { q: tag, ...filters });
  expect([...got].sort()).toEqual(expected.map((k) => items[k]?.title).sort());
  const eventDates = (await search(author, { q: tag, ...filters })).map((i) => i.eventDate);
  expect(eventDates).toEqual([...eventDates].sort().reverse());
});

it('filters by linked case, and a case the reader may not read filters everything out', async () => {
  const linked = items.titleHit?.cases[0]?.id;
  expect(await titles(author, { caseId: linked })).toEqual([items.titleHit?.title]);
  // The unclassified item itself is readable, but naming a case one may not read reveals no link.
  // An adviser cleared for it reads the case (an analyst would also need to work it).
  const cleared = await sessionFor(api, { roles: ['adviser'], clearance: 'strictly_confidential' });
  await testPool().query(
    "UPDATE cases SET classification = 'strictly_confidential' WHERE id = $1",
    [linked],
  );
  const reader = await sessionFor(api, { roles: ['analyst'], clearance: 'confidential' });
  expect(await titles(cleared, { caseId: linked })).toEqual([items.titleHit?.title]);
  expect(await titles(reader, { q: tag, country: 'SSD', kind: ['incident'] })).toEqual([
    items.titleHit?.title,
  ]);
  expect(await titles(reader, { caseId: linked })).toEqual([]);
  await testPool().query("UPDATE cases SET classification = 'unclassified' WHERE id = $1", [
    linked,
  ]);
});

it('pages by keyset without skipping or repeating', async () => {
  const all = await titles(author, { q: tag });
  const seen: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await service.list(contextOf(author), { q: tag, limit: 2, cursor });
    seen.push(...page.items.map((i) => i.title));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  expect(seen).toEqual(all);
  expect(new Set(seen).size).toBe(5);
});

it('finds the same items, in the same order, whichever plan the words choose', async () => {
  const ability = contextOf(author).ability;
  for (const filters of [
    { q: tag },
    { q: `${tag} militia` },
    { q: `${tag} "burned two villages"` },
    { q: `${tag} cockroaches or airstrip`, country: 'SSD' },
    { q: `${tag} militia`, sort: 'relevance' as const },
  ]) {
    const ids = async (walk: boolean) => {
      const { sql, params } = buildItemSearchSql(
        ability,
        { ...filters, limit: 100 },
        { rarestWordShare: walk ? 1 : 0 },
      );
      expect(sql.includes('ts_match_vq')).toBe(walk);
      return (await testPool().query<{ id: string }>(sql, params)).rows.map((r) => r.id);
    };
    const byIndex = await ids(false);
    expect(byIndex.length).toBeGreaterThan(0);
    expect(await ids(true)).toEqual(byIndex);
  }
  // Words ANALYZE never saw are rare: the index serves them.
  expect(await searchPlanFor(testPool(), `${tag} zzyzxnotaword`)).toEqual({ rarestWordShare: 0 });
  expect(await searchPlanFor(testPool(), '')).toEqual({});
});

describe('clearance', () => {
  it('hides items above the reader’s clearance from lists, search and snippets', async () => {
    expect((await titles(unclassifiedReader, { q: tag })).sort()).toEqual(
      [items.titleHit, items.descriptionHit, items.speech].map((i) => i?.title).sort(),
    );
    expect(await titles(confidentialReader, { q: `${tag} militia` })).toContain(
      items.secret?.title,
    );
    expect(await titles(confidentialReader, { q: `${tag} militia` })).not.toContain(
      items.strict?.title,
    );
    // A word only in the confidential item's description finds nothing, and no snippet leaks it.
    const airstrip = await search(unclassifiedReader, { q: `${tag} airstrip` });
    expect(airstrip).toEqual([]);
    const everything = await search(unclassifiedReader, { q: tag });
    expect(JSON.stringify(everything)).not.toMatch(/airstrip|Arms shipments|move the militia/);
  });

  it('counts only what the reader may read', async () => {
    expect(await service.count(contextOf(unclassifiedReader), { q: tag })).toEqual({
      total: 3,
      capped: false,
    });
    expect(await service.count(contextOf(confidentialReader), { q: tag })).toEqual({
      total: 4,
      capped: false,
    });
    expect(await service.count(contextOf(author), { q: tag })).toEqual({ total: 5, capped: false });
  });

  it('exports only what the reader may read', async () => {
    const res = await api
      .http()
      .get('/api/information-items/export.csv')
      .query({ q: tag })
      .set(unclassifiedReader.auth());
    expect(res.headers['x-export-rows']).toBe('3');
    expect(res.text).not.toMatch(/Confidential briefing|Strictly confidential note|airstrip/);
  });

  it('answers 404 for one item above clearance, the same as a missing one', async () => {
    const res = await api
      .http()
      .get(`/api/information-items/${items.secret?.id}`)
      .set(unclassifiedReader.auth());
    expect(res.status).toBe(404);
  });
});
