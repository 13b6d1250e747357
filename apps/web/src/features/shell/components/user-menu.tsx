import { useEffect, useId, useRef, useState } from 'react';
import { CLEARANCE_LABELS } from '../../../lib/api-types';
import { useCurrentUser } from '../../auth/hooks/current-user-context';
import { useSignOut } from '../../auth/hooks/use-sign-out';

/**
 * Disclosure-style user menu: a "User menu" button that reveals the user's details and "Sign out".
 * Escape or a click outside closes it.
 */
export function UserMenu() {
  const user = useCurrentUser();
  const { signOut, signingOut } = useSignOut();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const containerRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (event.target instanceof Node && !containerRef.current?.contains(event.target))
        setOpen(false);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setOpen(false);
        buttonRef.current?.focus();
      }
    };
    document.addEventListener('pointerdown', onPointerDown);
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
      document.removeEventListener('keydown', onKeyDown);
    };
  }, [open]);

  return (
    <div className="user-menu" ref={containerRef}>
      <button
        ref={buttonRef}
        type="button"
        className="user-menu__button"
        aria-label="User menu"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((value) => !value)}
      >
        <span className="user-menu__avatar" aria-hidden="true">
          {initials(user.displayName)}
        </span>
        <span className="user-menu__name">{user.displayName}</span>
        <span aria-hidden="true" className="user-menu__caret">
          ▾
        </span>
      </button>
      <div id={panelId} className="user-menu__panel" hidden={!open}>
        <p className="user-menu__display-name">{user.displayName}</p>
        <p className="user-menu__email">{user.email}</p>
        <dl className="details details--compact">
          <dt>Roles</dt>
          <dd>{user.roles.join(', ')}</dd>
          <dt>Organisation</dt>
          <dd>
            <abbr title={user.organisation.name}>{user.organisation.acronym}</abbr>
          </dd>
          <dt>Clearance</dt>
          <dd>{CLEARANCE_LABELS[user.clearance]}</dd>
        </dl>
        <button
          type="button"
          className="button button--block"
          onClick={() => void signOut()}
          disabled={signingOut}
        >
          Sign out
        </button>
      </div>
    </div>
  );
}

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? [parts[0], parts[parts.length - 1]] : parts;
  return letters.map((part) => part?.charAt(0).toUpperCase() ?? '').join('') || '?';
}
