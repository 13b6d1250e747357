import type { Classification, Role } from '@vigil/domain';
import type { EntityManager } from 'typeorm';
import { namedQuery, queryRows, type Db } from '../database/named-query.js';

/** A member of a case with their name and e-mail. */
export interface CaseMemberRow {
  user_id: string;
  display_name: string;
  email: string;
  role: string;
  added_at: Date;
}

/** A person who could be added to a case. */
export interface MemberCandidateRow {
  id: string;
  display_name: string;
  email: string;
  roles: Role[];
}

/** What decides whether someone may lead or join a case. */
export interface UserStanding {
  roles: string[];
  clearance: Classification;
  active: boolean;
}

/** The members of a case, by name. */
export async function caseMembers(db: Db, caseId: string): Promise<CaseMemberRow[]> {
  return (await db.query(
    `SELECT cm.user_id, u.display_name, u.email, cm.role, cm.added_at FROM case_members cm JOIN users u ON u.id = cm.user_id
     WHERE cm.case_id = $1 ORDER BY lower(u.display_name)`,
    [caseId],
  )) as CaseMemberRow[];
}

/**
 * Up to `limit` active Office staff (analysts, advisers) whose clearance is one of `cleared`,
 * neither members of the case nor `leadId`, whose name or e-mail contains `search` (when given).
 */
export async function memberCandidates(
  db: Db,
  query: {
    caseId: string;
    leadId: string | null;
    cleared: readonly Classification[];
    search?: string;
    limit: number;
  },
): Promise<MemberCandidateRow[]> {
  const where = [
    'u.active',
    "u.roles && ARRAY['analyst', 'adviser']::text[]",
    'u.clearance = ANY(:cleared::text[])',
    'NOT EXISTS (SELECT 1 FROM case_members cm WHERE cm.case_id = :caseId AND cm.user_id = u.id)',
    'u.id IS DISTINCT FROM :leadId::uuid',
  ];
  const params: Record<string, unknown> = {
    caseId: query.caseId,
    leadId: query.leadId,
    cleared: query.cleared,
    limit: query.limit,
  };
  if (query.search) {
    where.push('(u.display_name ILIKE :q OR u.email ILIKE :q)');
    params.q = `%${query.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  }
  return namedQuery<MemberCandidateRow>(
    db,
    `SELECT u.id, u.display_name, u.email, u.roles FROM users u WHERE ${where.join(' AND ')}
     ORDER BY lower(u.display_name), u.id LIMIT :limit`,
    params,
  );
}

/** A user's roles, clearance and whether they are active (undefined when there is no such user). */
export async function userStanding(db: Db, userId: string): Promise<UserStanding | undefined> {
  const [user] = (await db.query('SELECT roles, clearance, active FROM users WHERE id = $1', [
    userId,
  ])) as UserStanding[];
  return user;
}

/** Makes the creator of a case a member of it (added by themselves). */
export async function insertCreatorMembership(
  m: EntityManager,
  caseId: string,
  userId: string,
  role: string,
): Promise<void> {
  await m.query(
    `INSERT INTO case_members (case_id, user_id, role, added_by) VALUES ($1, $2, $3, $2)`,
    [caseId, userId, role],
  );
}

/** Adds a member, or gives an existing member the new role. */
export async function upsertCaseMember(
  m: EntityManager,
  caseId: string,
  userId: string,
  role: string,
  addedBy: string | null,
): Promise<void> {
  await m.query(
    `INSERT INTO case_members (case_id, user_id, role, added_by) VALUES ($1, $2, $3, $4)
     ON CONFLICT (case_id, user_id) DO UPDATE SET role = EXCLUDED.role`,
    [caseId, userId, role, addedBy],
  );
}

/** Removes a member; false when they were not one. */
export async function deleteCaseMember(
  m: EntityManager,
  caseId: string,
  userId: string,
): Promise<boolean> {
  const removed = await queryRows(
    m,
    'DELETE FROM case_members WHERE case_id = $1 AND user_id = $2 RETURNING user_id',
    [caseId, userId],
  );
  return removed.length > 0;
}
