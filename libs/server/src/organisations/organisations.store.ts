import type { OrganisationKind } from '@vigil/domain';
import type { EntityManager } from 'typeorm';
import type { SqlCondition, SqlFieldMap } from '../authorization/rules-to-sql.js';
import { type Db, namedQuery } from '../database/named-query.js';
import type { OrganisationResponse } from './dto/organisation.dto.js';

/** An organisations row. */
export interface OrganisationRow {
  id: string;
  name: string;
  acronym: string;
  kind: OrganisationKind;
  created_at: Date;
  updated_at: Date;
}

/** Ability fields of an organisation, as columns of `organisations o`. */
export const ORGANISATION_SQL_FIELDS: SqlFieldMap = { id: { column: 'o.id' } };

/** Where a page of organisations starts and how long it is. */
export interface OrganisationPage {
  /** The (lower(name), id) of the last organisation of the previous page. */
  after?: readonly [name: string, id: string];
  limit: number;
}

/**
 * Organisations `acl` lets through, by name: `limit` of them and one more, which tells the
 * caller whether another page follows.
 */
export async function listOrganisations(
  db: Db,
  acl: SqlCondition,
  page: OrganisationPage,
): Promise<OrganisationRow[]> {
  const where = [acl.sql];
  const params: Record<string, unknown> = { ...acl.params, limit: page.limit + 1 };
  if (page.after) {
    const [name, id] = page.after;
    where.push('(lower(o.name), o.id) > (:cursorName, :cursorId::uuid)');
    Object.assign(params, { cursorName: name, cursorId: id });
  }
  return namedQuery<OrganisationRow>(
    db,
    `SELECT o.* FROM organisations o WHERE ${where.join(' AND ')} ORDER BY lower(o.name), o.id LIMIT :limit`,
    params,
  );
}

/** The organisations whose name or acronym (whatever its case) is taken, other than `selfId`. */
export async function organisationsNamed(
  m: EntityManager,
  name: string | null,
  acronym: string | null,
  selfId: string | null,
): Promise<{ name: string; acronym: string }[]> {
  return (await m.query(
    `SELECT name, acronym FROM organisations
       WHERE (lower(name) = lower($1) OR lower(acronym) = lower($2)) AND id IS DISTINCT FROM $3`,
    [name, acronym, selfId],
  )) as { name: string; acronym: string }[];
}

/** Inserts an organisation and returns its row. */
export async function insertOrganisation(
  m: EntityManager,
  organisation: { name: string; acronym: string; kind: OrganisationKind },
): Promise<OrganisationRow | undefined> {
  const [row] = (await m.query(
    'INSERT INTO organisations (name, acronym, kind) VALUES ($1, $2, $3) RETURNING *',
    [organisation.name, organisation.acronym, organisation.kind],
  )) as OrganisationRow[];
  return row;
}

/** One organisation (by a valid UUID), its row locked for a change. */
export async function lockOrganisation(
  m: EntityManager,
  id: string,
): Promise<OrganisationRow | undefined> {
  const [row] = (await m.query('SELECT * FROM organisations WHERE id = $1 FOR UPDATE', [
    id,
  ])) as OrganisationRow[];
  return row;
}

/** One organisation (by a valid UUID). */
export async function findOrganisation(db: Db, id: string): Promise<OrganisationRow | undefined> {
  const [row] = (await db.query('SELECT * FROM organisations WHERE id = $1', [
    id,
  ])) as OrganisationRow[];
  return row;
}

/** Writes an organisation's name, acronym and kind; the caller holds the row lock. */
export async function updateOrganisation(
  m: EntityManager,
  id: string,
  organisation: { name: string; acronym: string; kind: OrganisationKind },
): Promise<void> {
  await m.query(
    'UPDATE organisations SET name = $2, acronym = $3, kind = $4, updated_at = now() WHERE id = $1',
    [id, organisation.name, organisation.acronym, organisation.kind],
  );
}

/** Presents an organisation. */
export function presentOrganisation(row: OrganisationRow): OrganisationResponse {
  return {
    id: row.id,
    name: row.name,
    acronym: row.acronym,
    kind: row.kind,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** Whether the organisation is in the directory. */
export async function organisationExists(db: Db, organisationId: string): Promise<boolean> {
  const [org] = (await db.query('SELECT 1 FROM organisations WHERE id = $1', [
    organisationId,
  ])) as unknown[];
  return org !== undefined;
}
