import { NavLink } from 'react-router';
import type { Action, SubjectName } from '@vigil/domain';
import { useAbility } from '../../../lib/ability';
import { useCurrentUser } from '../../auth/hooks/current-user-context';
import { isFrameworkTeamOnly } from '../../framework-team/framework-team-user';

interface NavEntry {
  to: string;
  label: string;
  /** `[action, subject]` the user needs; absent = everyone. */
  requires?: [Action, SubjectName];
}

const ENTRIES: NavEntry[] = [
  { to: '/', label: 'Overview' },
  { to: '/situations', label: 'Situations', requires: ['read', 'Case'] },
  { to: '/information', label: 'Information', requires: ['read', 'InformationItem'] },
  { to: '/risk', label: 'Risk heat map', requires: ['read', 'Case'] },
  { to: '/approvals', label: 'Approvals', requires: ['approve', 'Case'] },
  { to: '/admin/users', label: 'Users', requires: ['create', 'User'] },
  { to: '/admin/organisations', label: 'Organisations', requires: ['create', 'Organisation'] },
  { to: '/admin/audit', label: 'Audit log', requires: ['read', 'AuditEntry'] },
];

/** The Framework Team portal: their situations and their notifications, nothing else. */
const FRAMEWORK_TEAM_ENTRIES: NavEntry[] = [
  { to: '/framework-team', label: 'Priority situations' },
  { to: '/notifications', label: 'Notifications' },
];

/** Left navigation; entries depend on the user's abilities. */
export function MainNav() {
  const ability = useAbility();
  const user = useCurrentUser();
  const all = isFrameworkTeamOnly(user) ? FRAMEWORK_TEAM_ENTRIES : ENTRIES;
  const entries = all.filter(
    (entry) => !entry.requires || ability.can(entry.requires[0], entry.requires[1]),
  );
  return (
    <nav aria-label="Main" className="main-nav">
      <ul className="main-nav__list">
        {entries.map((entry) => (
          <li key={entry.to}>
            <NavLink to={entry.to} end={entry.to === '/'} className="main-nav__link">
              {entry.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
