import { useState } from 'react';
import { Link } from 'react-router';
import { LoadMoreButton } from '../../../components/load-more-button';
import { LoadingIndicator, QueryError } from '../../../components/query-state';
import { errorMessage } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/format';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { formatDate } from '../../situations/components/stage';
import type { Notification } from '../api/notifications-api';
import { useMarkAllRead, useMarkRead, useNotifications } from '../hooks/use-notifications';

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** A notification in words. */
export function describeNotification(n: Notification): string {
  const reference = text(n.payload['reference']);
  const title = text(n.payload['title']);
  const subject = [reference, title].filter(Boolean).join(': ');
  switch (n.type) {
    case 'review.overdue': {
      const due = text(n.payload['nextReviewDue']);
      return `Review overdue: ${subject}${due ? ` (was due ${formatDate(due)})` : ''}`;
    }
    default:
      return subject ? `${n.type}: ${subject}` : n.type;
  }
}

/** `/notifications`: newest first, unread marked in text, "Mark all read". */
export function NotificationsPage() {
  useDocumentTitle('Notifications');
  const query = useNotifications();
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const [announcement, setAnnouncement] = useState('');
  const items = query.data?.pages.flatMap((page) => page.items) ?? [];
  const unread = query.data?.pages[0]?.unread ?? 0;

  return (
    <section className="page" aria-labelledby="notifications-title">
      <div className="page__header">
        <h1 id="notifications-title">Notifications</h1>
        {unread > 0 ? (
          <button
            type="button"
            className="button"
            disabled={markAll.isPending}
            onClick={() =>
              markAll.mutate(undefined, {
                onSuccess: () => setAnnouncement('All notifications marked read.'),
                onError: (error) => setAnnouncement(errorMessage(error)),
              })
            }
          >
            Mark all read
          </button>
        ) : null}
      </div>
      <p role="status" className="page__status">
        {announcement}
      </p>
      {query.isPending ? (
        <LoadingIndicator label="Loading notifications…" />
      ) : query.isError ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : items.length === 0 ? (
        <p className="empty-state">You have no notifications.</p>
      ) : (
        <>
          <p className="muted">{unread > 0 ? `${unread} unread` : 'All read'}</p>
          <ul className="notifications">
            {items.map((n) => {
              const isUnread = n.readAt === null;
              const words = describeNotification(n);
              return (
                <li key={n.id} className={`notification${isUnread ? ' notification--unread' : ''}`}>
                  {isUnread ? <strong className="notification__unread">Unread: </strong> : null}
                  {n.caseId ? (
                    <Link
                      to={`/situations/${n.caseId}`}
                      onClick={() => {
                        if (isUnread) markRead.mutate(n.id);
                      }}
                    >
                      {words}
                    </Link>
                  ) : (
                    <span>{words}</span>
                  )}{' '}
                  <span className="muted">
                    <time dateTime={n.createdAt}>{formatDateTime(n.createdAt)}</time>
                  </span>
                </li>
              );
            })}
          </ul>
          <LoadMoreButton
            hasMore={query.hasNextPage}
            loading={query.isFetchingNextPage}
            onLoadMore={() => void query.fetchNextPage()}
          />
        </>
      )}
    </section>
  );
}
