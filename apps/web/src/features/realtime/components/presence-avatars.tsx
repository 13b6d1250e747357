import { useId } from 'react';
import type { PresentUser } from '@vigil/client';

/** "Amina Diallo" → "AD". */
export function initialsOf(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? [parts[0], parts[parts.length - 1]] : parts;
  return letters.map((part) => part?.charAt(0).toUpperCase() ?? '').join('') || '?';
}

/** Who is viewing the case now: initials, the full name as a tooltip and for screen readers. */
export function PresenceAvatars({ users }: { users: PresentUser[] }) {
  const labelId = useId();
  if (users.length === 0) return null;
  return (
    <div className="presence">
      <span className="presence__label muted" id={labelId}>
        Viewing now
      </span>
      <ul className="presence__list" aria-labelledby={labelId}>
        {users.map((user) => (
          <li key={user.userId} className="presence__avatar" title={user.displayName}>
            <span aria-hidden="true">{initialsOf(user.displayName)}</span>
            <span className="visually-hidden">{user.displayName}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
