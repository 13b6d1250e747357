import type { Clearance, OrganisationKind, Role } from '@vigil/domain';
import argon2 from 'argon2';
import { randomUUID } from 'node:crypto';
import pg from 'pg';

/** Password of every user the factories create. */
export const TEST_PASSWORD = 'correct horse battery staple';
let hashed: Promise<string> | null = null;

let pool: pg.Pool | null = null;
/** A small pool on the run's test database, for factories and direct checks. */
export function testPool(): pg.Pool {
  pool ??= new pg.Pool({ connectionString: process.env.TEST_DATABASE_URL, max: 3 });
  return pool;
}

export async function closeTestPool(): Promise<void> {
  await pool?.end();
  pool = null;
}

/** A row in organisations. */
export interface BuiltOrganisation {
  id: string;
  name: string;
  acronym: string;
  kind: OrganisationKind;
}

export async function buildOrganisation(
  overrides: Partial<Omit<BuiltOrganisation, 'id'>> = {},
): Promise<BuiltOrganisation> {
  const tag = randomUUID().slice(0, 8);
  const org = {
    name: `Organisation ${tag}`,
    acronym: `O-${tag}`,
    kind: 'un_entity' as OrganisationKind,
    ...overrides,
  };
  const { rows } = await testPool().query<{ id: string }>(
    'INSERT INTO organisations (name, acronym, kind) VALUES ($1, $2, $3) RETURNING id',
    [org.name, org.acronym, org.kind],
  );
  return { id: rows[0]?.id ?? '', ...org };
}

/** A row in users, with TEST_PASSWORD. */
export interface BuiltUser {
  id: string;
  email: string;
  displayName: string;
  roles: Role[];
  clearance: Clearance;
  organisationId: string;
  password: string;
}

export async function buildUser(
  overrides: Partial<Omit<BuiltUser, 'id' | 'password'>> & { active?: boolean } = {},
): Promise<BuiltUser> {
  hashed ??= argon2.hash(TEST_PASSWORD, {
    type: argon2.argon2id,
    memoryCost: 19_456,
    timeCost: 2,
    parallelism: 1,
  });
  const tag = randomUUID().slice(0, 8);
  const organisationId = overrides.organisationId ?? (await buildOrganisation()).id;
  const user = {
    email: `user-${tag}@vigil.test`,
    displayName: `User ${tag}`,
    roles: ['analyst'] as Role[],
    clearance: 'confidential' as Clearance,
    ...overrides,
    organisationId,
  };
  const { rows } = await testPool().query<{ id: string }>(
    `INSERT INTO users (email, display_name, password_hash, roles, clearance, organisation_id, active)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [
      user.email,
      user.displayName,
      await hashed,
      user.roles,
      user.clearance,
      organisationId,
      overrides.active ?? true,
    ],
  );
  return { id: rows[0]?.id ?? '', ...user, password: TEST_PASSWORD };
}
