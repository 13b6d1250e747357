import { decodeKeysetCursor } from './pagination.js';

/**
 * A list of requests by status (escalation proposals, account changes): pending ones form an
 * inbox, the longest waiting first; decided ones read newest first. Keyset-paged on
 * (created_at, id); the rows carry `created_key` (created_at to the microsecond) for the cursor.
 */
export interface StatusInbox {
  status: string;
  limit: number;
  oldestFirst: boolean;
  /** The (created_at, id) of the last row of the previous page. */
  after?: readonly string[];
}

/** The page a list query asks for (pending by default; a bad cursor is 400). */
export function statusInbox(query: {
  status?: string;
  limit?: number;
  cursor?: string;
}): StatusInbox {
  const status = query.status ?? 'pending';
  return {
    status,
    limit: query.limit ?? 50,
    oldestFirst: status === 'pending',
    after: query.cursor ? decodeKeysetCursor(query.cursor, ['timestamp', 'uuid']) : undefined,
  };
}

/**
 * The WHERE and ORDER BY ... LIMIT of one page over `alias`, after the caller's access condition,
 * fetching one row more than the page so the caller knows whether another follows.
 */
export function statusInboxSql(
  alias: string,
  access: { sql: string; params: Record<string, unknown> },
  inbox: StatusInbox,
): { where: string; orderAndLimit: string; params: Record<string, unknown> } {
  const order = inbox.oldestFirst ? 'ASC' : 'DESC';
  const where = [access.sql, `${alias}.status = :status`];
  const params: Record<string, unknown> = {
    ...access.params,
    status: inbox.status,
    limit: inbox.limit + 1,
  };
  if (inbox.after) {
    const beyond = inbox.oldestFirst ? '>' : '<';
    where.push(
      `(${alias}.created_at, ${alias}.id) ${beyond} (:cursorAt::timestamptz, :cursorId::uuid)`,
    );
    Object.assign(params, { cursorAt: inbox.after[0], cursorId: inbox.after[1] });
  }
  return {
    where: where.join(' AND '),
    orderAndLimit: `ORDER BY ${alias}.created_at ${order}, ${alias}.id ${order} LIMIT :limit`,
    params,
  };
}
