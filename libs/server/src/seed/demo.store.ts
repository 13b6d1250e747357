import type { Clearance, OrganisationKind, Role } from '@vigil/domain';
import type { EntityManager } from 'typeorm';
import type { Db } from '../database/named-query.js';
import type { DemoUser } from './demo-data.js';

/** An active account, as the seed acts as it. */
export interface DemoActorRow {
  id: string;
  email: string;
  display_name: string;
  roles: Role[];
  clearance: Clearance;
  organisation_id: string;
}

/** The organisations with this acronym, case-insensitively (at most one). */
export async function organisationsByAcronym(db: Db, acronym: string): Promise<{ id: string }[]> {
  return (await db.query('SELECT id FROM organisations WHERE lower(acronym) = lower($1)', [
    acronym,
  ])) as { id: string }[];
}

/** Inserts the organisation unless its acronym is taken (any case); answers its id if inserted. */
export async function insertDemoOrganisation(
  m: EntityManager,
  org: { name: string; acronym: string; kind: OrganisationKind },
): Promise<string | undefined> {
  const [row] = (await m.query(
    `INSERT INTO organisations (name, acronym, kind) SELECT $1, $2, $3
     WHERE NOT EXISTS (SELECT 1 FROM organisations WHERE lower(acronym) = lower($2)) RETURNING id`,
    [org.name, org.acronym, org.kind],
  )) as { id: string }[];
  return row?.id;
}

/**
 * Inserts the account in its organisation unless its e-mail or display name is taken; answers its
 * id if inserted.
 */
export async function insertDemoUser(
  m: EntityManager,
  user: DemoUser,
  passwordHash: string,
): Promise<string | undefined> {
  const [row] = (await m.query(
    `INSERT INTO users (email, display_name, password_hash, roles, clearance, organisation_id)
     SELECT $1, $2, $3, $4, $5, o.id FROM organisations o WHERE lower(o.acronym) = lower($6)
     ON CONFLICT DO NOTHING RETURNING id`,
    [user.email, user.displayName, passwordHash, user.roles, user.clearance, user.organisation],
  )) as { id: string }[];
  return row?.id;
}

/** How many situations the database holds. */
export async function caseCount(db: Db): Promise<number> {
  const [{ n } = { n: 0 }] = (await db.query('SELECT count(*)::int AS n FROM cases')) as {
    n: number;
  }[];
  return n;
}

/** The active account with this e-mail. */
export async function activeDemoActor(db: Db, email: string): Promise<DemoActorRow | undefined> {
  const [user] = (await db.query(
    'SELECT id, email, display_name, roles, clearance, organisation_id FROM users WHERE email = $1 AND active',
    [email],
  )) as DemoActorRow[];
  return user;
}

/** The id of OHCHR, whose country office the demo engagement is with (undefined when absent). */
export async function ohchrId(db: Db): Promise<string | undefined> {
  const [ohchr] = (await db.query("SELECT id FROM organisations WHERE acronym = 'OHCHR'")) as {
    id: string;
  }[];
  return ohchr?.id;
}
