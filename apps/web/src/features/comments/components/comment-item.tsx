import { useState } from 'react';
import { FormAlert } from '../../../components/form-alert';
import { errorMessage } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/format';
import type { Comment } from '../api/comments-api';
import { CommentComposer } from './comment-composer';

/** What a comment's actions do; the thread owns the mutations. */
export interface CommentHandlers {
  currentUserId: string;
  onReply: (parentId: string, body: string, mentions: string[]) => Promise<void>;
  onEdit: (id: string, body: string, mentions: string[]) => Promise<void>;
  onDelete: (id: string) => Promise<void>;
}

interface CommentItemProps extends CommentHandlers {
  comment: Comment;
  replies: Comment[];
}

type Mode = 'read' | 'reply' | 'edit' | 'confirm-delete';

/** One comment: author, time, "edited", sanitised body or "Comment deleted", actions, replies. */
export function CommentItem({ comment, replies, ...handlers }: CommentItemProps) {
  const [mode, setMode] = useState<Mode>('read');
  const [error, setError] = useState<string | null>(null);
  const mine = comment.author.id === handlers.currentUserId && !comment.deleted;
  const label = `Comment by ${comment.author.displayName}`;

  const remove = async () => {
    setError(null);
    try {
      await handlers.onDelete(comment.id);
      setMode('read');
    } catch (caught) {
      setError(errorMessage(caught));
    }
  };

  return (
    <li className="comment">
      <article aria-label={label}>
        <header className="comment__header">
          <strong>{comment.author.displayName}</strong>{' '}
          <span className="muted">{comment.author.organisationAcronym}</span>{' '}
          <time className="muted" dateTime={comment.createdAt}>
            {formatDateTime(comment.createdAt)}
          </time>
          {comment.editedAt && !comment.deleted ? (
            <span className="comment__edited muted" title={formatDateTime(comment.editedAt)}>
              {' '}
              (edited)
            </span>
          ) : null}
        </header>
        {comment.deleted ? (
          <p className="comment__deleted muted">Comment deleted</p>
        ) : mode === 'edit' ? (
          <CommentComposer
            caseId={comment.caseId}
            thread={comment.thread}
            label="Edit your comment"
            submitLabel="Save"
            initialBody={comment.body}
            initialMentions={comment.mentions.map((m) => ({ ...m, organisationAcronym: '' }))}
            autoFocus
            onSubmit={async (body, mentions) => {
              await handlers.onEdit(comment.id, body, mentions);
              setMode('read');
            }}
            onCancel={() => setMode('read')}
          />
        ) : (
          // The server renders the markdown and sanitises it; nothing else is rendered as HTML.
          <div
            className="comment__body markdown"
            dangerouslySetInnerHTML={{ __html: comment.bodyHtml }}
          />
        )}
        <FormAlert message={error} />
        {mode === 'confirm-delete' ? (
          <div className="comment__confirm" role="group" aria-label="Confirm deleting the comment">
            <span>Delete this comment? It will show as “Comment deleted”.</span>{' '}
            <button type="button" className="button button--small" onClick={() => void remove()}>
              Yes, delete
            </button>{' '}
            <button type="button" className="button button--small" onClick={() => setMode('read')}>
              Keep
            </button>
          </div>
        ) : mode === 'read' && !comment.deleted ? (
          <div className="comment__actions">
            {comment.parentId === null ? (
              <button
                type="button"
                className="button button--ghost button--small"
                onClick={() => setMode('reply')}
              >
                Reply
              </button>
            ) : null}
            {mine ? (
              <>
                <button
                  type="button"
                  className="button button--ghost button--small"
                  onClick={() => setMode('edit')}
                >
                  Edit
                </button>
                <button
                  type="button"
                  className="button button--ghost button--small"
                  onClick={() => setMode('confirm-delete')}
                >
                  Delete
                </button>
              </>
            ) : null}
          </div>
        ) : null}
      </article>
      {replies.length > 0 || mode === 'reply' ? (
        <ul className="comment__replies" aria-label={`Replies to ${comment.author.displayName}`}>
          {replies.map((reply) => (
            <CommentItem key={reply.id} comment={reply} replies={[]} {...handlers} />
          ))}
          {mode === 'reply' ? (
            <li className="comment comment--composer">
              <CommentComposer
                caseId={comment.caseId}
                thread={comment.thread}
                label={`Reply to ${comment.author.displayName}`}
                submitLabel="Reply"
                autoFocus
                onSubmit={async (body, mentions) => {
                  await handlers.onReply(comment.id, body, mentions);
                  setMode('read');
                }}
                onCancel={() => setMode('read')}
              />
            </li>
          ) : null}
        </ul>
      ) : null}
    </li>
  );
}
