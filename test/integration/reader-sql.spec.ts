import { subject } from '@casl/ability';
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import {
  CLASSIFICATIONS,
  defineAbilitiesFor,
  type CaseSubject,
  type Classification,
  type Role,
} from '@vigil/domain';
import {
  DRAFTER_SQL,
  FRAMEWORK_TEAM_READER_SQL,
  OFFICE_READER_SQL,
} from '../../libs/server/src/authorization/case-readers.sql.js';
import { buildOrganisation, buildUser, closeTestPool, testPool } from '../support/factories.js';

// The SQL forms of "who reads a case" and "who drafts on it" (notification recipients, the e-mail
// job, the append of document updates) must say exactly what defineAbilitiesFor says: checked for
// every pair of a pool of people (every role set, clearance and activity) and cases (every
// classification, shared or not, led or membered by people of the pool or not).

const ROLE_SETS: Role[][] = [
  ['analyst'],
  ['adviser'],
  ['framework_team'],
  ['admin'],
  ['analyst', 'adviser'],
  ['framework_team', 'admin'],
];

interface Person {
  id: string;
  roles: Role[];
  clearance: Classification;
  active: boolean;
  organisationId: string;
}

interface KnownCase extends CaseSubject {
  classification: Classification;
}

const people: Person[] = [];
const cases: KnownCase[] = [];

beforeAll(async () => {
  const organisation = await buildOrganisation();
  for (const roles of ROLE_SETS)
    for (const clearance of CLASSIFICATIONS)
      for (const active of [true, false]) {
        const user = await buildUser({ roles, clearance, active, organisationId: organisation.id });
        people.push({ id: user.id, roles, clearance, active, organisationId: organisation.id });
      }
  const analysts = people.filter((p) => p.roles.includes('analyst'));
  // A year no real reference has, so the references never collide with other suites'.
  const year = 1000 + Math.floor(Math.random() * 900);
  let n = 0;
  for (const classification of CLASSIFICATIONS)
    for (const prioritySituation of [false, true])
      for (const shape of ['led', 'membered', 'neither'] as const) {
        n += 1;
        const lead = shape === 'led' ? (analysts[n % analysts.length] ?? null) : null;
        const members =
          shape === 'membered' ? [analysts[n % analysts.length], people[n % people.length]] : [];
        const { rows } = await testPool().query<{ id: string }>(
          `INSERT INTO cases (reference, title, country, summary, classification, stage,
             workflow_snapshot, lead_analyst_id, priority_situation, next_review_due)
           VALUES ($1, 'Reader SQL', 'KEN', '', $2, 'monitoring', '{}'::jsonb, $3, $4, now())
           RETURNING id`,
          [
            `SIT-${year}-${String(n).padStart(4, '0')}`,
            classification,
            lead?.id ?? null,
            prioritySituation,
          ],
        );
        const id = rows[0]?.id ?? '';
        const memberIds = [...new Set(members.flatMap((m) => (m ? [m.id] : [])))];
        for (const userId of memberIds)
          await testPool().query(
            `INSERT INTO case_members (case_id, user_id, role) VALUES ($1, $2, 'analyst')`,
            [id, userId],
          );
        cases.push({
          id,
          classification,
          leadAnalystId: lead?.id ?? null,
          memberIds,
          prioritySituation,
        });
      }
});

afterAll(async () => {
  await closeTestPool();
});

it('OFFICE_READER_SQL, FRAMEWORK_TEAM_READER_SQL and DRAFTER_SQL agree with the abilities for every pair', async () => {
  const { rows } = await testPool().query<{
    user_id: string;
    case_id: string;
    office: boolean;
    ft: boolean;
    drafter: boolean;
  }>(
    `SELECT u.id AS user_id, c.id AS case_id, ${OFFICE_READER_SQL} AS office,
       ${FRAMEWORK_TEAM_READER_SQL} AS ft, ${DRAFTER_SQL} AS drafter
     FROM users u, cases c WHERE u.id = ANY($1::uuid[]) AND c.id = ANY($2::uuid[])`,
    [people.map((p) => p.id), cases.map((c) => c.id)],
  );
  expect(rows).toHaveLength(people.length * cases.length);
  const disagreements: string[] = [];
  for (const row of rows) {
    const person = people.find((p) => p.id === row.user_id);
    const kase = cases.find((c) => c.id === row.case_id);
    if (!person || !kase) throw new Error('unknown row');
    const ability = defineAbilitiesFor(person);
    const expected = {
      office: ability.can('read', subject('Case', { ...kase })),
      ft: ability.can('read', subject('PrioritySituation', { ...kase })),
      drafter: ability.can('draft', subject('Case', { ...kase })),
    };
    for (const key of ['office', 'ft', 'drafter'] as const)
      if (row[key] !== expected[key])
        disagreements.push(
          `${key}: SQL ${row[key]}, abilities ${expected[key]} for ${JSON.stringify({
            roles: person.roles,
            clearance: person.clearance,
            active: person.active,
            case: kase.classification,
            shared: kase.prioritySituation,
            lead: kase.leadAnalystId === person.id,
            member: kase.memberIds.includes(person.id),
          })}`,
        );
  }
  expect(disagreements).toEqual([]);
});
