import { type Clearance, classificationRank, type Role } from './roles.js';

/** Roles whose grant needs a second administrator: they approve escalations or manage people. */
export const PRIVILEGED_ROLES = ['adviser', 'admin'] as const satisfies readonly Role[];

/** What an account holds that separation of duties is about. */
export interface AccountAccess {
  roles: readonly Role[];
  clearance: Clearance;
}

/** The part of a change that needs a second administrator; never empty. */
export interface PrivilegedGrant {
  /** Privileged roles the account does not hold yet. */
  roles: Role[];
  /** A clearance above the one held, or null. */
  clearance: Clearance | null;
}

/** What an account becomes at once, and what waits for another administrator's confirmation. */
export interface SplitChange {
  now: AccountAccess;
  pending: PrivilegedGrant | null;
}

/** What a new account holds before anyone has granted it anything. */
export const NEW_ACCOUNT_ACCESS: AccountAccess = { roles: [], clearance: 'unclassified' };

/**
 * Splits a requested change of roles and clearance into what applies at once (every removal,
 * unprivileged roles, a lowered clearance) and what is a grant needing a second administrator
 * (the adviser or admin role not held before, a clearance above the one held). A new account is
 * a change from NEW_ACCOUNT_ACCESS.
 */
export function splitAccountChange(before: AccountAccess, requested: AccountAccess): SplitChange {
  const granted = requested.roles.filter(
    (role) => isPrivilegedRole(role) && !before.roles.includes(role),
  );
  const raised = classificationRank(requested.clearance) > classificationRank(before.clearance);
  const now: AccountAccess = {
    roles: requested.roles.filter((role) => !granted.includes(role)),
    clearance: raised ? before.clearance : requested.clearance,
  };
  const pending =
    granted.length > 0 || raised
      ? { roles: granted, clearance: raised ? requested.clearance : null }
      : null;
  return { now, pending };
}

/** What an account holds once a confirmed grant is applied: grants only add, never take away. */
export function applyGrant(current: AccountAccess, grant: PrivilegedGrant): AccountAccess {
  const roles = [...current.roles, ...grant.roles.filter((r) => !current.roles.includes(r))];
  const clearance =
    grant.clearance && classificationRank(grant.clearance) > classificationRank(current.clearance)
      ? grant.clearance
      : current.clearance;
  return { roles, clearance };
}

/** Whether granting `role` needs a second administrator. */
export function isPrivilegedRole(role: Role): boolean {
  return (PRIVILEGED_ROLES as readonly Role[]).includes(role);
}
