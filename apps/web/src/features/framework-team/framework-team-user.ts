import type { User } from '../../lib/api-types';

/** A Framework Team member with no Office role: their app is the Framework Team portal. */
export function isFrameworkTeamOnly(user: Pick<User, 'roles'>): boolean {
  return user.roles.length > 0 && user.roles.every((role) => role === 'framework_team');
}
