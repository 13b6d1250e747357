import type { CommentThread } from '@vigil/domain';
import type { EntityManager } from 'typeorm';
import { namedQuery, queryRows, type Db } from '../database/named-query.js';
import { THREAD_READER_SQL, type ThreadUserRow } from './thread-access.js';

/** Someone who may be mentioned, with their organisation's acronym. */
export interface MentionableRow {
  id: string;
  display_name: string;
  acronym: string;
}

/**
 * Up to `limit` active people who may read `thread` of the case, by name, whose display name
 * contains `search` (when given); with `frameworkTeamOnly`, members of the Framework Team only.
 */
export async function mentionablePeople(
  db: Db,
  query: {
    caseId: string;
    thread: CommentThread;
    frameworkTeamOnly: boolean;
    search?: string;
    limit: number;
  },
): Promise<MentionableRow[]> {
  const where = [THREAD_READER_SQL];
  if (query.frameworkTeamOnly) where.push(`'framework_team' = ANY(u.roles)`);
  const params: Record<string, unknown> = {
    caseId: query.caseId,
    thread: query.thread,
    limit: query.limit,
  };
  if (query.search) {
    where.push('u.display_name ILIKE :q');
    params.q = `%${query.search.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
  }
  return namedQuery<MentionableRow>(
    db,
    `SELECT u.id, u.display_name, o.acronym FROM cases c
     JOIN users u ON TRUE JOIN organisations o ON o.id = u.organisation_id
     WHERE c.id = :caseId AND ${where.join(' AND ')}
     ORDER BY lower(u.display_name), u.id LIMIT :limit`,
    params,
  );
}

/** The users with these ids, with what deciding whether they read a thread needs. */
export function threadUsers(m: EntityManager, ids: string[]): Promise<ThreadUserRow[]> {
  return queryRows<ThreadUserRow>(
    m,
    `SELECT id, display_name, roles, clearance, active, organisation_id FROM users
     WHERE id = ANY($1::uuid[])`,
    [ids],
  );
}
