import { createMongoAbility, subject } from '@casl/ability';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import {
  ACTIONS,
  CLASSIFICATIONS,
  ROLES,
  defineAbilitiesFor,
  type AbilityUser,
  type AppAbility,
  type AppRawRule,
  type CaseSubject,
  type UserSubject,
} from '@vigil/domain';
import fc from 'fast-check';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  abilityToSql,
  type SqlFieldMap,
} from '../../libs/server/src/authorization/rules-to-sql.js';
import { dataSourceOptions } from '../../libs/server/src/database/data-source.js';
import { namedQuery } from '../../libs/server/src/database/named-query.js';
import { USER_SQL_FIELDS } from '../../libs/server/src/users/users.service.js';

// Property: for any user and any records, the SQL filter built from the user's rules selects
// exactly the records `ability.can()` allows (docs/architecture.md §4: lists filter in SQL by the
// same rules).
// Runs against real PostgreSQL, on scratch tables in a schema of its own.

const SCHEMA = `prop_${randomBytes(6).toString('hex')}`;
const NUM_RUNS = 80;

/** A few people, so that lead and membership matches actually happen. */
const PEOPLE = [1, 2, 3, 4, 5, 6].map((n) => `00000000-0000-4000-8000-00000000000${n}`);
/** Users as records: the people above plus a few who never sign in during a run. */
const USER_IDS = [...PEOPLE, ...[7, 8, 9].map((n) => `00000000-0000-4000-8000-00000000000${n}`)];
const ORGS = ['a', 'b', 'c'].map((n) => `00000000-0000-4000-8000-00000000000${n}`);
const caseId = (i: number): string => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;

const CASE_SQL_FIELDS: SqlFieldMap = {
  id: { column: 'c.id' },
  classification: { column: 'c.classification' },
  leadAnalystId: { column: 'c.lead_analyst_id' },
  prioritySituation: { column: 'c.priority_situation' },
  memberIds: {
    contains: (p) =>
      `EXISTS (SELECT 1 FROM ${SCHEMA}.case_members m WHERE m.case_id = c.id AND m.user_id = :${p})`,
  },
};
const CASE_SUBJECTS = ['Case', 'PrioritySituation'] as const;

const userArb: fc.Arbitrary<AbilityUser> = fc.record({
  id: fc.constantFrom(...PEOPLE),
  roles: fc.subarray([...ROLES]),
  clearance: fc.constantFrom(...CLASSIFICATIONS),
  organisationId: fc.constantFrom(...ORGS),
  active: fc.oneof(
    { arbitrary: fc.constant(true), weight: 4 },
    { arbitrary: fc.constant(false), weight: 1 },
  ),
});

const caseArb: fc.Arbitrary<Omit<CaseSubject, 'id'>> = fc.record({
  classification: fc.constantFrom(...CLASSIFICATIONS),
  leadAnalystId: fc.option(fc.constantFrom(...PEOPLE), { nil: null, freq: 3 }),
  memberIds: fc.subarray(PEOPLE),
  prioritySituation: fc.boolean(),
});
const casesArb: fc.Arbitrary<CaseSubject[]> = fc
  .array(caseArb, { minLength: 0, maxLength: 15 })
  .map((cases) => cases.map((c, i) => ({ id: caseId(i + 1), ...c })));

const userRecordsArb: fc.Arbitrary<UserSubject[]> = fc
  .subarray(USER_IDS)
  .chain((ids) =>
    fc.tuple(
      ...ids.map((id) =>
        fc.constantFrom(...ORGS).map((organisationId) => ({ id, organisationId })),
      ),
    ),
  );

let db: DataSource;

async function replaceData(cases: CaseSubject[], users: UserSubject[]): Promise<void> {
  await db.query(`TRUNCATE ${SCHEMA}.case_members, ${SCHEMA}.cases, ${SCHEMA}.users`);
  await db.query(
    `INSERT INTO ${SCHEMA}.cases (id, classification, lead_analyst_id, priority_situation)
     SELECT * FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::boolean[])`,
    [
      cases.map((c) => c.id),
      cases.map((c) => c.classification),
      cases.map((c) => c.leadAnalystId),
      cases.map((c) => c.prioritySituation),
    ],
  );
  const members = cases.flatMap((c) => c.memberIds.map((userId) => [c.id, userId] as const));
  await db.query(
    `INSERT INTO ${SCHEMA}.case_members (case_id, user_id) SELECT * FROM unnest($1::uuid[], $2::uuid[])`,
    [members.map(([caseIdValue]) => caseIdValue), members.map(([, userId]) => userId)],
  );
  await db.query(
    `INSERT INTO ${SCHEMA}.users (id, organisation_id) SELECT * FROM unnest($1::uuid[], $2::uuid[])`,
    [users.map((u) => u.id), users.map((u) => u.organisationId)],
  );
}

async function idsWhere(
  table: 'cases c' | 'users u',
  condition: { sql: string; params: Record<string, unknown> },
): Promise<string[]> {
  const alias = table.slice(-1);
  const rows = await namedQuery<{ id: string }>(
    db,
    `SELECT ${alias}.id FROM ${SCHEMA}.${table} WHERE ${condition.sql}`,
    condition.params,
  );
  return rows.map((r) => r.id).sort();
}

/** Compares SQL and `can()` for every action on cases, priority situations and users. */
async function expectSqlAgreesWithCan(
  ability: AppAbility,
  cases: CaseSubject[],
  users: UserSubject[],
  who: string,
): Promise<void> {
  for (const action of ACTIONS) {
    for (const name of CASE_SUBJECTS) {
      const inSql = await idsWhere('cases c', abilityToSql(ability, action, name, CASE_SQL_FIELDS));
      const inMemory = cases
        .filter((c) => ability.can(action, subject(name, { ...c, memberIds: [...c.memberIds] })))
        .map((c) => c.id)
        .sort();
      expect({ who, action, subject: name, ids: inSql }).toEqual({
        who,
        action,
        subject: name,
        ids: inMemory,
      });
    }
    const inSql = await idsWhere('users u', abilityToSql(ability, action, 'User', USER_SQL_FIELDS));
    const inMemory = users
      .filter((u) => ability.can(action, subject('User', { ...u })))
      .map((u) => u.id)
      .sort();
    expect({ who, action, subject: 'User', ids: inSql }).toEqual({
      who,
      action,
      subject: 'User',
      ids: inMemory,
    });
  }
}

beforeAll(async () => {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is missing: run through jest (globalSetup)');
  db = new DataSource(dataSourceOptions(url, 2));
  await db.initialize();
  await db.query(`CREATE SCHEMA ${SCHEMA}`);
  await db.query(`CREATE TABLE ${SCHEMA}.cases (
    id uuid PRIMARY KEY,
    classification text NOT NULL,
    lead_analyst_id uuid NULL,
    priority_situation boolean NOT NULL)`);
  await db.query(`CREATE TABLE ${SCHEMA}.case_members (
    case_id uuid NOT NULL REFERENCES ${SCHEMA}.cases (id) ON DELETE CASCADE,
    user_id uuid NOT NULL,
    PRIMARY KEY (case_id, user_id))`);
  await db.query(
    `CREATE TABLE ${SCHEMA}.users (id uuid PRIMARY KEY, organisation_id uuid NOT NULL)`,
  );
});

afterAll(async () => {
  await db.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
  await db.destroy();
});

describe('abilityToSql agrees with can()', () => {
  it('for users built by defineAbilitiesFor and random records', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(userArb, { minLength: 1, maxLength: 4 }),
        casesArb,
        userRecordsArb,
        async (people, cases, users) => {
          await replaceData(cases, users);
          for (const person of people) {
            await expectSqlAgreesWithCan(
              defineAbilitiesFor(person),
              cases,
              users,
              JSON.stringify(person),
            );
          }
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });

  // The translator is general: random can/cannot rules with every operator it claims to support,
  // including NULL values and lists that contain NULL, where SQL's three-valued logic differs.
  const idOrNull = fc.option(fc.constantFrom(...PEOPLE), { nil: null, freq: 3 });
  const scalarPredicate = <T>(value: fc.Arbitrary<T>): fc.Arbitrary<unknown> =>
    fc.oneof(
      value,
      value.map(($eq) => ({ $eq })),
      value.map(($ne) => ({ $ne })),
      fc.array(value, { maxLength: 3 }).map(($in) => ({ $in })),
      fc.array(value, { maxLength: 3 }).map(($nin) => ({ $nin })),
    );
  const conditionsArb = fc.record(
    {
      id: scalarPredicate(fc.constantFrom(caseId(1), caseId(2), caseId(3))),
      classification: scalarPredicate(fc.constantFrom(...CLASSIFICATIONS)),
      leadAnalystId: scalarPredicate(idOrNull),
      prioritySituation: scalarPredicate(fc.boolean()),
      memberIds: fc.constantFrom(...PEOPLE),
    },
    { requiredKeys: [] },
  );
  const rulesArb = fc.array(
    fc.record({
      action: fc.constantFrom(...ACTIONS),
      subject: fc.constantFrom(...CASE_SUBJECTS),
      inverted: fc.boolean(),
      conditions: fc.option(conditionsArb, { nil: undefined }),
    }),
    { maxLength: 5 },
  );

  it('for arbitrary can/cannot rules over the case fields', async () => {
    await fc.assert(
      fc.asyncProperty(rulesArb, casesArb, async (rules, cases) => {
        await replaceData(cases, []);
        const ability = createMongoAbility<AppAbility>(rules as AppRawRule[]);
        await expectSqlAgreesWithCan(ability, cases, [], JSON.stringify(rules));
      }),
      { numRuns: NUM_RUNS },
    );
  });
});

describe('abilityToSql edge cases', () => {
  const cases: CaseSubject[] = CLASSIFICATIONS.map((classification, i) => ({
    id: caseId(i + 1),
    classification,
    leadAnalystId: PEOPLE[0] ?? null,
    memberIds: PEOPLE.slice(0, 2),
    prioritySituation: true,
  }));
  const someone = (overrides: Partial<AbilityUser>): AbilityUser => ({
    id: PEOPLE[0] ?? '',
    roles: [],
    clearance: 'strictly_confidential',
    organisationId: ORGS[0] ?? '',
    active: true,
    ...overrides,
  });

  beforeEach(async () => {
    await replaceData(cases, [{ id: PEOPLE[0] ?? '', organisationId: ORGS[0] ?? '' }]);
  });

  it('gives FALSE and no rows to a user with no rules', async () => {
    const ability = defineAbilitiesFor(someone({ roles: [...ROLES], active: false }));
    for (const action of ACTIONS) {
      for (const name of CASE_SUBJECTS) {
        const acl = abilityToSql(ability, action, name, CASE_SQL_FIELDS);
        expect(acl).toEqual({ sql: 'FALSE', params: {} });
        expect(await idsWhere('cases c', acl)).toEqual([]);
      }
      const acl = abilityToSql(ability, action, 'User', USER_SQL_FIELDS);
      expect(acl).toEqual({ sql: 'FALSE', params: {} });
      expect(await idsWhere('users u', acl)).toEqual([]);
    }
  });

  it('gives an admin-only user no case rows: need to know', async () => {
    const ability = defineAbilitiesFor(someone({ roles: ['admin'] }));
    for (const action of ACTIONS) {
      for (const name of CASE_SUBJECTS) {
        expect(
          await idsWhere('cases c', abilityToSql(ability, action, name, CASE_SQL_FIELDS)),
        ).toEqual([]);
      }
    }
    expect(
      await idsWhere('users u', abilityToSql(ability, 'read', 'User', USER_SQL_FIELDS)),
    ).toEqual([PEOPLE[0]]);
  });

  it('gives an unconditional grant TRUE and every row', async () => {
    const ability = createMongoAbility<AppAbility>([{ action: 'read', subject: 'Case' }]);
    const acl = abilityToSql(ability, 'read', 'Case', CASE_SQL_FIELDS);
    expect(acl.sql).toBe('TRUE');
    expect(await idsWhere('cases c', acl)).toEqual(cases.map((c) => c.id));
  });

  it('throws on a field with no SQL mapping: fail closed', () => {
    const ability = defineAbilitiesFor(someone({ roles: ['analyst'] }));
    const { memberIds: _dropped, ...withoutMembers } = CASE_SQL_FIELDS;
    expect(() => abilityToSql(ability, 'update', 'Case', withoutMembers)).toThrow(
      'No SQL mapping for field "memberIds" of Case',
    );
    expect(() => abilityToSql(ability, 'read', 'Case', {})).toThrow(
      'No SQL mapping for field "classification" of Case',
    );
  });

  it('throws on an operator it cannot translate: fail closed', () => {
    const regex = createMongoAbility<AppAbility>([
      {
        action: 'read',
        subject: 'Case',
        conditions: { leadAnalystId: { $regex: '^0' } },
      } as AppRawRule,
    ]);
    expect(() => abilityToSql(regex, 'read', 'Case', CASE_SQL_FIELDS)).toThrow(
      'Operator regex has no SQL translation',
    );
    const membersIn = createMongoAbility<AppAbility>([
      { action: 'read', subject: 'Case', conditions: { memberIds: { $in: PEOPLE } } } as AppRawRule,
    ]);
    expect(() => abilityToSql(membersIn, 'read', 'Case', CASE_SQL_FIELDS)).toThrow(
      'Operator in unsupported on memberIds',
    );
  });
});
