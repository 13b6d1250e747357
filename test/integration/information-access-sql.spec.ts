import { subject } from '@casl/ability';
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import {
  CLASSIFICATIONS,
  ROLES,
  defineAbilitiesFor,
  type AbilityUser,
  type Classification,
} from '@vigil/domain';
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { abilityToSql } from '../../libs/server/src/authorization/rules-to-sql.js';
import {
  ITEM_SQL_FIELDS,
  SOURCE_SQL_FIELDS,
} from '../../libs/server/src/information/item-access.sql.js';
import { toPositional } from '../../libs/server/src/information/item-search.store.js';
import { buildUser, closeTestPool, testPool, type BuiltUser } from '../support/factories.js';
import { seedSource } from '../support/sources.js';

// Property: on the real tables, the SQL filters for information items and sources select exactly
// what `can()` allows, where "works a linked case" (lead or member of any linked case) is
// computed in memory from the same random data. These filters guard every list, count, search
// and export of the precursor database, and who may know a source.

const NUM_RUNS = 40;
let people: BuiltUser[];
let referenceYear: number;
let referenceCounter = 0;

interface World {
  cases: { id: string; lead: number | null; members: number[] }[];
  sources: { id: string; author: number }[];
  items: {
    id: string;
    author: number;
    classification: Classification;
    source: number;
    cases: number[];
  }[];
}

const worldArb = fc
  .record({
    cases: fc.array(
      fc.record({
        lead: fc.option(fc.nat(5), { nil: null }),
        members: fc.uniqueArray(fc.nat(5), { maxLength: 3 }),
      }),
      { maxLength: 4 },
    ),
    sources: fc.array(fc.record({ author: fc.nat(5) }), { minLength: 1, maxLength: 3 }),
  })
  .chain(({ cases, sources }) =>
    fc
      .array(
        fc.record({
          author: fc.nat(5),
          classification: fc.constantFrom(...CLASSIFICATIONS),
          source: fc.nat(sources.length - 1),
          cases: fc.uniqueArray(fc.nat(Math.max(cases.length - 1, 0)), {
            maxLength: cases.length === 0 ? 0 : 2,
          }),
        }),
        { maxLength: 8 },
      )
      .map((items) => ({
        cases: cases.map((c) => ({ ...c, id: randomUUID() })),
        sources: sources.map((s) => ({ ...s, id: randomUUID() })),
        items: items.map((i) => ({ ...i, id: randomUUID() })),
      })),
  );

const personArb = fc.record({
  who: fc.nat(5),
  // Mostly plain analysts: theirs is the rule with need to know in it.
  roles: fc.oneof(
    { arbitrary: fc.constant(['analyst' as const]), weight: 3 },
    { arbitrary: fc.subarray([...ROLES]), weight: 2 },
  ),
  clearance: fc.constantFrom(...CLASSIFICATIONS),
  active: fc.oneof(
    { arbitrary: fc.constant(true), weight: 5 },
    { arbitrary: fc.constant(false), weight: 1 },
  ),
});

async function store(world: World): Promise<void> {
  const db = testPool();
  const id = (n: number) => people[n]?.id;
  for (const c of world.cases) {
    referenceCounter += 1;
    await db.query(
      `INSERT INTO cases (id, reference, title, country, classification, lead_analyst_id)
       VALUES ($1, $2, 'Property case', 'KEN', 'unclassified', $3)`,
      [
        c.id,
        `SIT-${referenceYear}-${String(referenceCounter).padStart(4, '0')}`,
        c.lead === null ? null : id(c.lead),
      ],
    );
    for (const m of c.members) {
      await db.query(
        `INSERT INTO case_members (case_id, user_id, role) VALUES ($1, $2, 'analyst')`,
        [c.id, id(m)],
      );
    }
  }
  for (const s of world.sources) {
    await seedSource({ id: s.id, name: 'P', kind: 'media', createdBy: id(s.author) ?? '' }, db);
  }
  for (const i of world.items) {
    await db.query(
      `INSERT INTO information_items (id, title, description, country, event_date, kind, source_id,
         source_reliability, credibility, consent, classification, created_by)
       VALUES ($1, 'P', '', 'KEN', '2026-01-01', 'report', $2, 'B', 2, 'yes', $3, $4)`,
      [i.id, world.sources[i.source]?.id, i.classification, id(i.author)],
    );
    for (const c of i.cases) {
      await db.query('INSERT INTO information_item_cases (item_id, case_id) VALUES ($1, $2)', [
        i.id,
        world.cases[c]?.id,
      ]);
    }
  }
}

async function clear(world: World): Promise<void> {
  const db = testPool();
  await db.query('DELETE FROM information_items WHERE id = ANY($1::uuid[])', [
    world.items.map((i) => i.id),
  ]);
  await db.query('DELETE FROM sources WHERE id = ANY($1::uuid[])', [
    world.sources.map((s) => s.id),
  ]);
  await db.query('DELETE FROM cases WHERE id = ANY($1::uuid[])', [world.cases.map((c) => c.id)]);
}

/** The highest of some classifications, written out apart from the code under test. */
function highest(levels: Classification[]): Classification {
  if (levels.includes('strictly_confidential')) return 'strictly_confidential';
  if (levels.includes('confidential')) return 'confidential';
  return 'unclassified';
}

async function idsWhere(
  from: string,
  alias: string,
  condition: { sql: string; params: Record<string, unknown> },
  ids: string[],
) {
  const { sql, params } = toPositional(
    `SELECT ${alias}.id FROM ${from} WHERE ${alias}.id IN (:...scope) AND ${condition.sql}`,
    { ...condition.params, scope: ids.length ? ids : [randomUUID()] },
  );
  const { rows } = await testPool().query<{ id: string }>(sql, params);
  return rows.map((r) => r.id).sort();
}

beforeAll(async () => {
  people = await Promise.all([0, 1, 2, 3, 4, 5].map(() => buildUser({ roles: ['analyst'] })));
  referenceYear = 1000 + Math.floor(Math.random() * 900);
});

afterAll(async () => {
  await closeTestPool();
});

it('item and source filters in SQL select exactly what can() allows', async () => {
  await fc.assert(
    fc.asyncProperty(
      worldArb,
      fc.array(personArb, { minLength: 1, maxLength: 3 }),
      async (world, persons) => {
        await store(world);
        try {
          const workers = (caseIndexes: number[]) => [
            ...new Set(
              caseIndexes.flatMap((n) => {
                const c = world.cases[n];
                if (!c) return [];
                return [...(c.lead === null ? [] : [c.lead]), ...c.members].map(
                  (p) => people[p]?.id ?? '',
                );
              }),
            ),
          ];
          for (const p of persons) {
            const user: AbilityUser = {
              id: people[p.who]?.id ?? '',
              roles: p.roles,
              clearance: p.clearance,
              organisationId: people[p.who]?.organisationId ?? '',
              active: p.active,
            };
            const ability = defineAbilitiesFor(user);
            for (const action of ['read', 'update'] as const) {
              const expectedItems = world.items
                .filter((i) =>
                  ability.can(
                    action,
                    subject('InformationItem', {
                      id: i.id,
                      classification: i.classification,
                      createdBy: people[i.author]?.id ?? '',
                      caseWorkerIds: workers(i.cases),
                    }),
                  ),
                )
                .map((i) => i.id)
                .sort();
              const itemIds = world.items.map((i) => i.id);
              const acl = abilityToSql(ability, action, 'InformationItem', ITEM_SQL_FIELDS);
              expect({
                action,
                user,
                items: await idsWhere('information_items i', 'i', acl, itemIds),
              }).toEqual({
                action,
                user,
                items: expectedItems,
              });
              const expectedSources = world.sources
                .filter((s, index) =>
                  ability.can(
                    action,
                    subject('Source', {
                      id: s.id,
                      // The highest classification among the items citing it.
                      classification: highest(
                        world.items.filter((i) => i.source === index).map((i) => i.classification),
                      ),
                      createdBy: people[s.author]?.id ?? '',
                      caseWorkerIds: workers(
                        world.items.filter((i) => i.source === index).flatMap((i) => i.cases),
                      ),
                    }),
                  ),
                )
                .map((s) => s.id)
                .sort();
              const sourceAcl = abilityToSql(ability, action, 'Source', SOURCE_SQL_FIELDS);
              expect({
                action,
                user,
                sources: await idsWhere(
                  'sources s',
                  's',
                  sourceAcl,
                  world.sources.map((s) => s.id),
                ),
              }).toEqual({ action, user, sources: expectedSources });
            }
          }
        } finally {
          await clear(world);
        }
      },
    ),
    { numRuns: NUM_RUNS },
  );
});
