import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainError, type CommentThread } from '@vigil/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { subject } from '@casl/ability';
import { caseSubject, type CaseRow } from '../cases/case.store.js';
import type { RequestContext } from '../common/request-context.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { mentionablePeople, threadUsers } from './comment-mentions.store.js';
import type { CommentPerson } from './dto/comment.response.js';
import {
  loadThreadCase,
  THREAD_WORDS,
  type ThreadUserRow,
  userReadsThread,
} from './thread-access.js';

/** How many people one search answers at most. */
const MENTIONABLE_LIMIT = 20;

/** What a notification about a new comment says: never its text. */
export interface CommentNotice {
  commentId: string;
  thread: CommentThread;
  authorId: string;
  authorName: string;
  mentionIds: string[];
}

/** Who may be mentioned in a thread, checking mentions, and telling the people concerned. */
@Injectable()
export class CommentMentionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly notifications: NotificationsService,
  ) {}

  /** Up to 20 active people who may read the thread, matching `q` on the display name. */
  async mentionable(
    context: RequestContext,
    caseId: string,
    thread: CommentThread,
    q: string | undefined,
  ): Promise<CommentPerson[]> {
    const row = await loadThreadCase(this.db.manager, context, caseId, thread);
    const rows = await mentionablePeople(this.db, {
      caseId: row.id,
      thread,
      // The Framework Team's view hides who works the case in the Office (timeline, presence):
      // its members find only each other here.
      frameworkTeamOnly: !readsAsOffice(context, row),
      search: q?.trim(),
      limit: MENTIONABLE_LIMIT,
    });
    return rows.map((r) => ({
      id: r.id,
      displayName: r.display_name,
      organisationAcronym: r.acronym,
    }));
  }

  /**
   * The mentions of a comment, without repeats, once each is known to be an active user who may
   * read the thread; otherwise a 400 naming who cannot.
   */
  async resolve(
    manager: EntityManager,
    context: RequestContext,
    row: CaseRow,
    thread: CommentThread,
    ids: readonly string[],
  ): Promise<string[]> {
    const unique = [...new Set(ids.map((id) => id.toLowerCase()))];
    if (unique.length === 0) return [];
    const users = await this.users(manager, unique);
    const byId = new Map(users.map((u) => [u.id, u]));
    const office = readsAsOffice(context, row);
    for (const id of unique) {
      const user = byId.get(id);
      // Same words for an unknown id and for someone who may not be mentioned: a mention names
      // nobody the author could not already find in the mentionable list.
      if (
        !user ||
        !userReadsThread(user, thread, row) ||
        (!office && !user.roles.includes('framework_team'))
      ) {
        const problem = `${id} is not someone you can mention in the ${THREAD_WORDS[thread]} thread of this case.`;
        throw new DomainError('validation_failed', problem, [
          { field: 'mentions', message: problem },
        ]);
      }
    }
    return unique;
  }

  /**
   * Notifies the people mentioned (once per comment each, so an edit tells only those newly
   * mentioned) and, for a new Framework Team comment, the case's lead analyst.
   */
  async notify(
    manager: EntityManager,
    row: CaseRow,
    notice: CommentNotice,
    isNew: boolean,
  ): Promise<void> {
    const mentioned = notice.mentionIds.filter((id) => id !== notice.authorId);
    await this.notifications.notify(manager, {
      userIds: mentioned,
      type: 'mention',
      caseId: row.id,
      payload: {
        commentId: notice.commentId,
        thread: notice.thread,
        reference: row.reference,
        authorName: notice.authorName,
      },
      dedupeKey: `mention:${notice.commentId}`,
    });
    const lead = row.lead_analyst_id;
    if (!isNew || notice.thread !== 'framework_team' || !lead || lead === notice.authorId) return;
    // A lead who can no longer read the thread is not told of it.
    const [leadUser] = await this.users(manager, [lead]);
    if (!leadUser || !userReadsThread(leadUser, notice.thread, row)) return;
    await this.notifications.notify(manager, {
      userIds: [lead],
      type: 'comment.framework_team',
      caseId: row.id,
      payload: {
        commentId: notice.commentId,
        reference: row.reference,
        authorName: notice.authorName,
      },
      dedupeKey: `comment.framework_team:${notice.commentId}`,
    });
  }

  private users(manager: EntityManager, ids: string[]): Promise<ThreadUserRow[]> {
    return threadUsers(manager, ids);
  }
}

/** Whether the caller reads the case as the Office (not only through the Framework Team's view). */
function readsAsOffice(context: RequestContext, row: CaseRow): boolean {
  return context.ability.can('read', subject('Case', caseSubject(row)));
}
