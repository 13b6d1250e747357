import type { User } from '../../../lib/api-types';
import { formatDateTime, formatTime } from '../../../lib/format';

/** Account status as text plus a styled badge: Active / Deactivated / Locked until HH:MM. */
export function UserStatus({
  user,
  now = Date.now(),
}: {
  user: Pick<User, 'active' | 'lockedUntil'>;
  now?: number;
}) {
  if (!user.active) return <span className="badge badge--muted">Deactivated</span>;
  if (user.lockedUntil && new Date(user.lockedUntil).getTime() > now) {
    return (
      <span
        className="badge badge--warning"
        title={`Locked until ${formatDateTime(user.lockedUntil)}`}
      >
        Locked until {formatTime(user.lockedUntil)}
      </span>
    );
  }
  return <span className="badge badge--success">Active</span>;
}
