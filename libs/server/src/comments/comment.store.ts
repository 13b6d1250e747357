import type { CommentThread } from '@vigil/domain';
import type { EntityManager } from 'typeorm';
import { namedQuery, queryRows, type Db } from '../database/named-query.js';
import type { CommentResponse } from './dto/comment.response.js';
import { renderCommentMarkdown } from './render-markdown.js';

/** created_at to the microsecond: a cursor rounded to milliseconds skips or repeats rows. */
export const COMMENT_CREATED_KEY = `to_char(cm.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** Columns for presenting a comment with its author and mentioned people (in the order given). */
export const COMMENT_COLUMNS = `cm.id, cm.case_id, cm.thread, cm.parent_id, cm.author_id, cm.body,
  cm.mentions AS mention_ids, cm.created_at, cm.edited_at, cm.deleted_at,
  a.display_name AS author_name, o.acronym AS author_acronym,
  COALESCE((SELECT json_agg(json_build_object('id', mu.id, 'displayName', mu.display_name)
      ORDER BY x.ord)
    FROM unnest(cm.mentions) WITH ORDINALITY AS x(user_id, ord) JOIN users mu ON mu.id = x.user_id),
    '[]'::json) AS mention_people,
  ${COMMENT_CREATED_KEY} AS created_key`;

/** FROM clause matching COMMENT_COLUMNS. */
export const COMMENT_FROM = `comments cm JOIN users a ON a.id = cm.author_id
  JOIN organisations o ON o.id = a.organisation_id`;

/** A comment row as COMMENT_COLUMNS selects it. */
export interface CommentRow {
  id: string;
  case_id: string;
  thread: CommentThread;
  parent_id: string | null;
  author_id: string;
  body: string;
  mention_ids: string[];
  created_at: Date;
  edited_at: Date | null;
  deleted_at: Date | null;
  author_name: string;
  author_acronym: string;
  mention_people: { id: string; displayName: string }[];
  created_key: string;
}

/** The comment as sent out; a deleted one keeps its place and author but no text or mentions. */
export function presentComment(row: CommentRow): CommentResponse {
  const deleted = row.deleted_at !== null;
  return {
    id: row.id,
    caseId: row.case_id,
    thread: row.thread,
    parentId: row.parent_id,
    author: {
      id: row.author_id,
      displayName: row.author_name,
      organisationAcronym: row.author_acronym,
    },
    body: deleted ? '' : row.body,
    bodyHtml: deleted ? '' : renderCommentMarkdown(row.body),
    mentions: deleted ? [] : row.mention_people,
    createdAt: row.created_at.toISOString(),
    editedAt: row.edited_at?.toISOString() ?? null,
    deletedAt: row.deleted_at?.toISOString() ?? null,
    deleted,
  };
}

/** What a reply needs to know of the comment it answers. */
export interface ReplyParentRow {
  case_id: string;
  thread: CommentThread;
  parent_id: string | null;
  deleted_at: Date | null;
}

/**
 * Up to `fetch` comments of one thread of a case, oldest first, after the cursor `after`
 * (created_at and id of the last comment already seen).
 */
export function commentPage(
  db: Db,
  query: { caseId: string; thread: CommentThread; fetch: number; after?: readonly string[] },
): Promise<CommentRow[]> {
  const where = ['cm.case_id = :caseId', 'cm.thread = :thread'];
  const params: Record<string, unknown> = {
    caseId: query.caseId,
    thread: query.thread,
    limit: query.fetch,
  };
  if (query.after) {
    where.push('(cm.created_at, cm.id) > (:cursorAt::timestamptz, :cursorId::uuid)');
    Object.assign(params, { cursorAt: query.after[0], cursorId: query.after[1] });
  }
  return namedQuery<CommentRow>(
    db,
    `SELECT ${COMMENT_COLUMNS} FROM ${COMMENT_FROM} WHERE ${where.join(' AND ')}
     ORDER BY cm.created_at, cm.id LIMIT :limit`,
    params,
  );
}

/** The comment with this id (undefined when there is none). */
export async function findComment(db: Db, id: string): Promise<CommentRow | undefined> {
  const [row] = await queryRows<CommentRow>(
    db,
    `SELECT ${COMMENT_COLUMNS} FROM ${COMMENT_FROM} WHERE cm.id = $1`,
    [id],
  );
  return row;
}

/** The comment with this id, its row locked until the transaction ends. */
export async function lockComment(m: EntityManager, id: string): Promise<CommentRow | undefined> {
  const [row] = await queryRows<CommentRow>(
    m,
    `SELECT ${COMMENT_COLUMNS} FROM ${COMMENT_FROM} WHERE cm.id = $1 FOR UPDATE OF cm`,
    [id],
  );
  return row;
}

/**
 * The comment a reply answers, FOR SHARE: it cannot be deleted between the caller's checks and
 * the reply's commit.
 */
export async function lockReplyParent(
  m: EntityManager,
  parentId: string,
): Promise<ReplyParentRow | undefined> {
  const [parent] = await queryRows<ReplyParentRow>(
    m,
    'SELECT case_id, thread, parent_id, deleted_at FROM comments WHERE id = $1 FOR SHARE',
    [parentId],
  );
  return parent;
}

/** Inserts a comment and answers its id. */
export async function insertComment(
  m: EntityManager,
  c: {
    caseId: string;
    thread: CommentThread;
    parentId: string | null;
    authorId: string;
    body: string;
    mentionIds: string[];
  },
): Promise<string> {
  const [inserted] = await queryRows<{ id: string }>(
    m,
    `INSERT INTO comments (case_id, thread, parent_id, author_id, body, mentions)
     VALUES ($1, $2, $3, $4, $5, $6::uuid[]) RETURNING id`,
    [c.caseId, c.thread, c.parentId, c.authorId, c.body, c.mentionIds],
  );
  if (!inserted) throw new Error('insert returned no row');
  return inserted.id;
}

/** Rewrites a comment's text and mentions and marks it edited. */
export async function updateCommentBody(
  m: EntityManager,
  id: string,
  body: string,
  mentionIds: string[],
): Promise<void> {
  await m.query(
    'UPDATE comments SET body = $2, mentions = $3::uuid[], edited_at = now() WHERE id = $1',
    [id, body, mentionIds],
  );
}

/** Marks a comment deleted (it keeps its place). */
export async function markCommentDeleted(m: EntityManager, id: string): Promise<void> {
  await m.query('UPDATE comments SET deleted_at = now() WHERE id = $1', [id]);
}
