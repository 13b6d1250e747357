import type { Clearance, OrganisationKind, Role } from '@vigil/domain';
import type { SqlFieldMap } from '../authorization/rules-to-sql.js';
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
