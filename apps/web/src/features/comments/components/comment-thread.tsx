import { LoadingIndicator, QueryError } from '../../../components/query-state';
import { useCurrentUser } from '../../auth/hooks/current-user-context';
import { THREAD_LABELS, type Comment, type Thread } from '../api/comments-api';
import { useCommentActions, useComments } from '../hooks/use-comments';
import { CommentComposer } from './comment-composer';
import { CommentItem, type CommentHandlers } from './comment-item';

/** Top-level comments in order, each with its replies (a reply whose parent is gone stands alone). */
function arrange(comments: Comment[]): { comment: Comment; replies: Comment[] }[] {
  const ids = new Set(comments.map((c) => c.id));
  const replies = new Map<string, Comment[]>();
  const roots: Comment[] = [];
  for (const comment of comments) {
    if (comment.parentId && ids.has(comment.parentId)) {
      replies.set(comment.parentId, [...(replies.get(comment.parentId) ?? []), comment]);
    } else roots.push(comment);
  }
  return roots.map((comment) => ({ comment, replies: replies.get(comment.id) ?? [] }));
}

/** One thread of a case: its comments oldest first, replies under them, and a composer. */
export function CommentThread({ caseId, thread }: { caseId: string; thread: Thread }) {
  const user = useCurrentUser();
  const comments = useComments(caseId, thread);
  const actions = useCommentActions(caseId, thread);
  const handlers: CommentHandlers = {
    currentUserId: user.id,
    onReply: async (parentId, body, mentions) => {
      await actions.post.mutateAsync({ body, parentId, mentions });
    },
    onEdit: async (id, body, mentions) => {
      await actions.edit.mutateAsync({ id, body, mentions });
    },
    onDelete: async (id) => {
      await actions.remove.mutateAsync(id);
    },
  };

  return (
    <div className="comment-thread">
      {comments.isPending ? (
        <LoadingIndicator label="Loading comments…" />
      ) : comments.isError ? (
        <QueryError error={comments.error} onRetry={() => void comments.refetch()} />
      ) : comments.data.length === 0 ? (
        <p className="empty-state">No comments yet. Start the discussion below.</p>
      ) : (
        <ul className="comments" aria-label={`${THREAD_LABELS[thread]} comments`}>
          {arrange(comments.data).map(({ comment, replies }) => (
            <CommentItem key={comment.id} comment={comment} replies={replies} {...handlers} />
          ))}
        </ul>
      )}
      <CommentComposer
        caseId={caseId}
        thread={thread}
        label="New comment"
        submitLabel="Post comment"
        onSubmit={async (body, mentions) => {
          await actions.post.mutateAsync({ body, mentions });
        }}
      />
    </div>
  );
}
