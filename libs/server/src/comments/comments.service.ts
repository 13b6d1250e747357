import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainError, type CommentThread } from '@vigil/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { CaseEventsService } from '../cases/case-events.service.js';
import type { CaseRow } from '../cases/case.store.js';
import { decodeKeysetCursor, toPage } from '../common/pagination.js';
import { type Actor, type RequestContext, requireActor } from '../common/request-context.js';
import { isUuid } from '../common/ids.js';
import { CommentMentionsService } from './comment-mentions.service.js';
import {
  commentPage,
  type CommentRow,
  findComment,
  insertComment,
  lockComment,
  lockReplyParent,
  markCommentDeleted,
  presentComment,
  updateCommentBody,
} from './comment.store.js';
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
    const after = query.cursor
      ? decodeKeysetCursor(query.cursor, ['timestamp', 'uuid'])
      : undefined;
    const rows = await commentPage(this.db, {
      caseId: row.id,
      thread: query.thread,
      fetch: limit + 1,
      after,
    });
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
      const insertedId = await insertComment(m, {
        caseId: row.id,
        thread: dto.thread,
        parentId: dto.parentId ?? null,
        authorId: actor.id,
        body: dto.body,
        mentionIds,
      });
      const comment = { id: insertedId, thread: dto.thread, parentId: dto.parentId ?? null };
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
      await updateCommentBody(m, comment.id, dto.body, mentionIds);
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
      await markCommentDeleted(m, comment.id);
      await this.record(m, context, row.id, 'deleted', refOf(comment), '', 0);
    });
    return this.get(commentId);
  }

  private async get(id: string): Promise<CommentResponse> {
    const row = await findComment(this.db, id);
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
    const comment = isUuid(commentId) ? await lockComment(m, commentId) : undefined;
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
  const parent = await lockReplyParent(m, parentId);
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
