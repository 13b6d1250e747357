import type { CommentThread } from '@vigil/domain';
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
