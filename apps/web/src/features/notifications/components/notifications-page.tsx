import { useState } from 'react';
import { Link } from 'react-router';
import { LoadMoreButton } from '../../../components/load-more-button';
import { LoadingIndicator, QueryError } from '../../../components/query-state';
import { errorMessage } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/format';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useCurrentUser } from '../../auth/hooks/current-user-context';
import { isFrameworkTeamOnly } from '../../framework-team/framework-team-user';
import type { Notification } from '../api/notifications-api';
import { useMarkAllRead, useMarkRead, useNotifications } from '../hooks/use-notifications';
import { EmailPreferenceField } from './email-preference';
import { describeNotification } from './notification-words';

/** `/notifications`: newest first, unread marked in text, mark read, e-mail preference. */
export function NotificationsPage() {
  useDocumentTitle('Notifications');
  const user = useCurrentUser();
  const query = useNotifications();
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const [announcement, setAnnouncement] = useState('');
  const items = query.data?.pages.flatMap((page) => page.items) ?? [];
  const unread = query.data?.pages[0]?.unread ?? 0;
  // The Framework Team reads a case through its restricted view only.
  const caseLink = (n: Notification) =>
    isFrameworkTeamOnly(user) ? `/framework-team/${n.caseId}` : `/situations/${n.caseId}`;

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
      <EmailPreferenceField />
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
              const read = () => {
                if (isUnread) markRead.mutate(n.id);
              };
              return (
                <li key={n.id} className={`notification${isUnread ? ' notification--unread' : ''}`}>
                  {isUnread ? <strong className="notification__unread">Unread: </strong> : null}
                  {n.caseId ? (
                    <Link to={caseLink(n)} onClick={read}>
                      {words}
                    </Link>
                  ) : (
                    <span>{words}</span>
                  )}{' '}
                  <span className="muted">
                    <time dateTime={n.createdAt}>{formatDateTime(n.createdAt)}</time>
                  </span>
                  {isUnread ? (
                    <>
                      {' '}
                      <button
                        type="button"
                        className="button button--ghost button--small"
                        disabled={markRead.isPending}
                        onClick={read}
                        aria-label={`Mark read: ${words}`}
                      >
                        Mark read
                      </button>
                    </>
                  ) : null}
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
