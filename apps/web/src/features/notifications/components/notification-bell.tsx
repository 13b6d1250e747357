import { Link } from 'react-router';
import { plural } from '../../../lib/format';
import { useUnreadCount } from '../hooks/use-notifications';

/** Header link to `/notifications` with a badge of the unread count (updated live). */
export function NotificationBell() {
  const unread = useUnreadCount();
  const count = unread.data ?? 0;
  const label =
    count > 0 ? `Notifications: ${plural(count, 'unread notification')}` : 'Notifications';
  return (
    <Link to="/notifications" className="bell" aria-label={label}>
      <svg className="bell__icon" width="16" height="16" viewBox="0 0 24 24" aria-hidden="true">
        <path
          fill="currentColor"
          d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3a1.5 1.5 0 0 0-3 0v1.16A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
        />
      </svg>
      <span aria-hidden="true">Notifications</span>
      {count > 0 ? (
        <span className="bell__badge" aria-hidden="true" data-testid="unread-count">
          {count > 99 ? '99+' : count}
        </span>
      ) : null}
    </Link>
  );
}
