import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainError, type CommentThread } from '@vigil/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { CaseEventsService } from '../cases/case-events.service.js';
import type { CaseRow } from '../cases/case.store.js';
import { decodeKeysetCursor, toPage } from '../common/pagination.js';
import { type Actor, type RequestContext, requireActor } from '../common/request-context.js';
import { namedQuery, queryRows } from '../database/named-query.js';
import { isUuid } from '../common/ids.js';
import { CommentMentionsService } from './comment-mentions.service.js';
import { COMMENT_COLUMNS, COMMENT_FROM, type CommentRow, presentComment } from './comment.store.js';
import type {
  CreateCommentDto,
  ListCommentsQueryDto,
  UpdateCommentDto,
} from './dto/comment-input.dto.js';
import type { CommentPageResponse, CommentResponse } from './dto/comment.response.js';
import { loadThreadCase, THREAD_WORDS } from './thread-access.js';

type CommentChange = 'created' | 'edited' | 'deleted';

const AUDIT_ACTIONS: Record<CommentChange, string> = {
  created: 'comment.create',
  edited: 'comment.edit',
  deleted: 'comment.delete',
};

/** The two discussion threads of each case: reading, writing, editing and deleting comments. */
@Injectable()
export class CommentsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly events: CaseEventsService,
    private readonly mentions: CommentMentionsService,
  ) {}

  /** One page of a thread, oldest first, replies in place by date (the client nests them). */
  async list(
    context: RequestContext,
    caseId: string,
    query: ListCommentsQueryDto,
  ): Promise<CommentPageResponse> {
    const row = await loadThreadCase(this.db.manager, context, caseId, query.thread);
    const limit = query.limit ?? 100;
    const where = ['cm.case_id = :caseId', 'cm.thread = :thread'];
    const params: Record<string, unknown> = {
      caseId: row.id,
      thread: query.thread,
      limit: limit + 1,
    };
    if (query.cursor) {
      const [at, id] = decodeKeysetCursor(query.cursor, ['timestamp', 'uuid']);
      where.push('(cm.created_at, cm.id) > (:cursorAt::timestamptz, :cursorId::uuid)');
      Object.assign(params, { cursorAt: at, cursorId: id });
    }
    const rows = await namedQuery<CommentRow>(
      this.db,
      `SELECT ${COMMENT_COLUMNS} FROM ${COMMENT_FROM} WHERE ${where.join(' AND ')}
       ORDER BY cm.created_at, cm.id LIMIT :limit`,
      params,
    );
    return toPage(rows, limit, presentComment, (r) => [r.created_key, r.id]);
  }

  async create(
    context: RequestContext,
    caseId: string,
    dto: CreateCommentDto,
  ): Promise<CommentResponse> {
    const actor = requireActor(context);
    const id = await this.db.transaction(async (m) => {
      const row = await loadThreadCase(m, context, caseId, dto.thread);
      if (dto.parentId) await assertReplyable(m, row, dto.thread, dto.parentId);
      const mentionIds = await this.mentions.resolve(
        m,
        context,
        row,
        dto.thread,
        dto.mentions ?? [],
      );
      const [inserted] = await queryRows<{ id: string }>(
        m,
        `INSERT INTO comments (case_id, thread, parent_id, author_id, body, mentions)
         VALUES ($1, $2, $3, $4, $5, $6::uuid[]) RETURNING id`,
        [row.id, dto.thread, dto.parentId ?? null, actor.id, dto.body, mentionIds],
      );
      if (!inserted) throw new Error('insert returned no row');
      const comment = { id: inserted.id, thread: dto.thread, parentId: dto.parentId ?? null };
      await this.mentions.notify(
        m,
        row,
        { commentId: comment.id, thread: dto.thread, ...noticeFrom(actor), mentionIds },
        true,
      );
      await this.record(m, context, row.id, 'created', comment, dto.body, mentionIds.length);
      return comment.id;
    });
    return this.get(id);
  }

  /** The author rewrites their comment; it is marked edited. */
  async edit(
    context: RequestContext,
    commentId: string,
    dto: UpdateCommentDto,
  ): Promise<CommentResponse> {
    const actor = requireActor(context);
    await this.db.transaction(async (m) => {
      const { comment, row } = await this.loadOwn(m, context, commentId, 'edit');
      const mentionIds =
        dto.mentions === undefined
          ? comment.mention_ids
          : await this.mentions.resolve(m, context, row, comment.thread, dto.mentions);
      const unchanged =
        dto.body === comment.body && mentionIds.join() === comment.mention_ids.join();
      if (unchanged) return;
      await m.query(
        'UPDATE comments SET body = $2, mentions = $3::uuid[], edited_at = now() WHERE id = $1',
        [comment.id, dto.body, mentionIds],
      );
      await this.mentions.notify(
        m,
        row,
        { commentId: comment.id, thread: comment.thread, ...noticeFrom(actor), mentionIds },
        false,
      );
      await this.record(m, context, row.id, 'edited', refOf(comment), dto.body, mentionIds.length);
    });
    return this.get(commentId);
  }

  /** The author withdraws their comment; it stays in place as "deleted", replies with it. */
  async remove(context: RequestContext, commentId: string): Promise<CommentResponse> {
    await this.db.transaction(async (m) => {
      const { comment, row } = await this.loadOwn(m, context, commentId, 'delete');
      await m.query('UPDATE comments SET deleted_at = now() WHERE id = $1', [comment.id]);
      await this.record(m, context, row.id, 'deleted', refOf(comment), '', 0);
    });
    return this.get(commentId);
  }

  private async get(id: string): Promise<CommentResponse> {
    const [row] = await queryRows<CommentRow>(
      this.db,
      `SELECT ${COMMENT_COLUMNS} FROM ${COMMENT_FROM} WHERE cm.id = $1`,
      [id],
    );
    if (!row) throw new DomainError('not_found', 'No such comment.');
    return presentComment(row);
  }

  /**
   * Locks a comment the caller may read and wrote: 404 when its thread is hidden from them,
   * 403 when it is someone else's, 409 when it is already deleted.
   */
  private async loadOwn(
    m: EntityManager,
    context: RequestContext,
    commentId: string,
    verb: 'edit' | 'delete',
  ): Promise<{ comment: CommentRow; row: CaseRow }> {
    const [comment] = isUuid(commentId)
      ? await queryRows<CommentRow>(
          m,
          `SELECT ${COMMENT_COLUMNS} FROM ${COMMENT_FROM} WHERE cm.id = $1 FOR UPDATE OF cm`,
          [commentId],
        )
      : [];
    if (!comment) throw new DomainError('not_found', 'No such comment.');
    const row = await loadThreadCase(m, context, comment.case_id, comment.thread).catch(
      (error: unknown) => {
        throw error instanceof DomainError && error.code === 'not_found'
          ? new DomainError('not_found', 'No such comment.')
          : error;
      },
    );
    if (comment.author_id !== context.actor?.id)
      throw new DomainError('forbidden', `Only its author may ${verb} a comment.`);
    if (comment.deleted_at !== null)
      throw new DomainError('conflict', 'This comment was deleted; it can no longer be changed.');
    return { comment, row };
  }

  /**
   * The timeline entry (relayed live after commit) and the audit row of a change. Neither carries
   * the text: only its thread, length and how many people it mentions.
   */
  private async record(
    m: EntityManager,
    context: RequestContext,
    caseId: string,
    change: CommentChange,
    comment: { id: string; thread: CommentThread; parentId: string | null },
    body: string,
    mentionCount: number,
  ): Promise<void> {
    await this.events.record(m, context, caseId, {
      type: `comment.${change}`,
      payload: { commentId: comment.id, thread: comment.thread, parentId: comment.parentId },
    });
    this.audit.append(m, context, {
      action: AUDIT_ACTIONS[change],
      entity: 'comment',
      entityId: comment.id,
      caseId,
      diff: { thread: comment.thread, length: body.length, mentions: mentionCount },
    });
  }
}

// A reply answers a live top-level comment of the same case and thread: one level of nesting.
async function assertReplyable(
  m: EntityManager,
  row: CaseRow,
  thread: CommentThread,
  parentId: string,
): Promise<void> {
  // FOR SHARE: the parent cannot be deleted between this check and the reply's commit.
  const [parent] = await queryRows<{
    case_id: string;
    thread: CommentThread;
    parent_id: string | null;
    deleted_at: Date | null;
  }>(m, 'SELECT case_id, thread, parent_id, deleted_at FROM comments WHERE id = $1 FOR SHARE', [
    parentId,
  ]);
  const problem =
    !parent || parent.case_id !== row.id || parent.thread !== thread
      ? `parentId must be a comment of the ${THREAD_WORDS[thread]} thread of this case`
      : parent.parent_id !== null
        ? 'replies are one level deep: reply to the top-level comment instead'
        : parent.deleted_at !== null
          ? 'that comment was deleted and cannot be replied to'
          : null;
  if (problem)
    throw new DomainError('validation_failed', `Cannot reply: ${problem}.`, [
      { field: 'parentId', message: problem },
    ]);
}

function refOf(comment: CommentRow) {
  return { id: comment.id, thread: comment.thread, parentId: comment.parent_id };
}

function noticeFrom(actor: Actor) {
  return { authorId: actor.id, authorName: actor.displayName };
}
