import type { Clearance, OrganisationKind, Role } from '@vigil/domain';
import type { EntityManager } from 'typeorm';
import type { SqlCondition, SqlFieldMap } from '../authorization/rules-to-sql.js';
import { type Db, namedQuery } from '../database/named-query.js';
import type { UserResponse } from './dto/user.response.js';

/** Ability fields of a user, as columns of `users u`. */
export const USER_SQL_FIELDS: SqlFieldMap = {
  id: { column: 'u.id' },
  organisationId: { column: 'u.organisation_id' },
};

/** Columns selected for presenting a user with their organisation. */
export const USER_COLUMNS = `u.id, u.email, u.display_name, u.roles, u.clearance, u.organisation_id, u.active,
  u.locked_until, u.created_at, u.updated_at,
  o.name AS org_name, o.acronym AS org_acronym, o.kind AS org_kind`;

/** FROM clause matching USER_COLUMNS. */
export const USER_FROM = 'users u JOIN organisations o ON o.id = u.organisation_id';

/** A user row joined with the organisation. */
export interface UserRow {
  id: string;
  email: string;
  display_name: string;
  roles: Role[];
  clearance: Clearance;
  organisation_id: string;
  active: boolean;
  locked_until: Date | null;
  created_at: Date;
  updated_at: Date;
  org_name: string;
  org_acronym: string;
  org_kind: OrganisationKind;
}

/** Presents a user; lockedUntil only while the lock is still in force. */
export function presentUser(row: UserRow, now = Date.now()): UserResponse {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    roles: row.roles,
    clearance: row.clearance,
    organisationId: row.organisation_id,
    organisation: {
      id: row.organisation_id,
      name: row.org_name,
      acronym: row.org_acronym,
      kind: row.org_kind,
    },
    active: row.active,
    lockedUntil:
      row.locked_until && row.locked_until.getTime() > now ? row.locked_until.toISOString() : null,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** Where a page of users starts and how long it is. */
export interface UserPage {
  /** Words to find in the display name or e-mail (LIKE wildcards are taken literally). */
  search?: string;
  /** The (lower(display_name), id) of the last user of the previous page. */
  after?: readonly [name: string, id: string];
  limit: number;
}

/**
 * Users that `acl` lets through, by display name: `limit` of them and one more, which tells the
 * caller whether another page follows.
 */
export async function listUsers(db: Db, acl: SqlCondition, page: UserPage): Promise<UserRow[]> {
  const where = [acl.sql];
  const params: Record<string, unknown> = { ...acl.params, limit: page.limit + 1 };
  if (page.search) {
    where.push(`(u.display_name ILIKE :q OR u.email ILIKE :q)`);
    params.q = `%${page.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  }
  if (page.after) {
    const [name, id] = page.after;
    where.push('(lower(u.display_name), u.id) > (:cursorName, :cursorId::uuid)');
    params.cursorName = name;
    params.cursorId = id;
  }
  return namedQuery<UserRow>(
    db,
    `SELECT ${USER_COLUMNS} FROM ${USER_FROM} WHERE ${where.join(' AND ')}
       ORDER BY lower(u.display_name), u.id LIMIT :limit`,
    params,
  );
}

/** One user with their organisation (its row locked when `lock`); `id` must be a UUID. */
export async function findUser(db: Db, id: string, lock = false): Promise<UserRow | undefined> {
  const [row] = (await db.query(
    `SELECT ${USER_COLUMNS} FROM ${USER_FROM} WHERE u.id = $1 ${lock ? 'FOR UPDATE OF u' : ''}`,
    [id],
  )) as UserRow[];
  return row;
}

/** Whether an account already has this (lower-cased) e-mail. */
export async function emailInUse(m: EntityManager, email: string): Promise<boolean> {
  const [clash] = (await m.query('SELECT 1 FROM users WHERE email = $1', [email])) as unknown[];
  return Boolean(clash);
}

/**
 * Whether another account of the organisation (any but `exceptUserId`) has this display name,
 * whatever its case.
 */
export async function displayNameInUse(
  m: EntityManager,
  organisationId: string,
  displayName: string,
  exceptUserId: string | null,
): Promise<boolean> {
  const [clash] = (await m.query(
    `SELECT 1 FROM users WHERE organisation_id = $1 AND lower(display_name) = lower($2)
       AND id IS DISTINCT FROM $3::uuid`,
    [organisationId, displayName, exceptUserId],
  )) as unknown[];
  return Boolean(clash);
}

/** A new account's columns. */
export interface NewUser {
  email: string;
  displayName: string;
  passwordHash: string;
  roles: readonly Role[];
  organisationId: string;
  clearance: Clearance;
}

/** Inserts an account; its id, or undefined when the e-mail was taken meanwhile. */
export async function insertUser(m: EntityManager, user: NewUser): Promise<string | undefined> {
  const [inserted] = (await m.query(
    `INSERT INTO users (email, display_name, password_hash, roles, organisation_id, clearance)
           VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (email) DO NOTHING RETURNING id`,
    [
      user.email,
      user.displayName,
      user.passwordHash,
      user.roles,
      user.organisationId,
      user.clearance,
    ],
  )) as { id: string }[];
  return inserted?.id;
}

/** The columns of an account an update writes; a field left undefined is not written. */
export interface UserChanges {
  display_name?: string;
  roles?: readonly Role[];
  clearance?: Clearance;
  organisation_id?: string;
  active?: boolean;
  /** A new password, which also lifts any sign-in lock. */
  password_hash?: string;
  /** Lifts the sign-in lock (without a new password). */
  unlock?: boolean;
}

/** Whether `changes` writes anything. */
export function changesAnything(changes: UserChanges): boolean {
  return Object.values(changes).some((value) => value !== undefined);
}

/** Writes `changes` to the account and touches updated_at; the caller holds the row lock. */
export async function updateUser(
  m: EntityManager,
  id: string,
  changes: UserChanges,
): Promise<void> {
  const sets: string[] = [];
  const values: unknown[] = [];
  const set = (column: string, value: unknown) => {
    if (value === undefined) return;
    values.push(value);
    sets.push(`${column} = $${values.length}`);
  };
  set('display_name', changes.display_name);
  set('roles', changes.roles);
  set('clearance', changes.clearance);
  set('organisation_id', changes.organisation_id);
  set('active', changes.active);
  if (changes.password_hash !== undefined) {
    set('password_hash', changes.password_hash);
    sets.push('locked_until = NULL');
  } else if (changes.unlock === true) {
    sets.push('locked_until = NULL');
  }
  values.push(id);
  await m.query(
    `UPDATE users SET ${sets.join(', ')}, updated_at = now() WHERE id = $${values.length}`,
    values,
  );
}

/** An account's roles and clearance, its row locked (before a grant is applied). */
export async function lockUserAccess(
  m: EntityManager,
  userId: string,
): Promise<{ roles: Role[]; clearance: Clearance } | undefined> {
  const [current] = (await m.query('SELECT roles, clearance FROM users WHERE id = $1 FOR UPDATE', [
    userId,
  ])) as { roles: Role[]; clearance: Clearance }[];
  return current;
}

/** Sets an account's roles and clearance (a confirmed grant); the caller holds the row lock. */
export async function setUserAccess(
  m: EntityManager,
  userId: string,
  roles: readonly Role[],
  clearance: Clearance,
): Promise<void> {
  await m.query('UPDATE users SET roles = $2, clearance = $3, updated_at = now() WHERE id = $1', [
    userId,
    roles,
    clearance,
  ]);
}
