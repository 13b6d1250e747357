import { CLEARANCE_LABELS } from '../../../lib/api-types';
import type { AccountChange } from '../api/users-api';

/** What a grant gives, in words: "the adviser role and Strictly confidential clearance". */
export function describeGrant(change: Pick<AccountChange, 'addRoles' | 'clearance'>): string {
  const parts: string[] = [];
  if (change.addRoles.length > 0) {
    const roles = change.addRoles.join(' and ');
    parts.push(`the ${roles} role${change.addRoles.length > 1 ? 's' : ''}`);
  }
  if (change.clearance) parts.push(`${CLEARANCE_LABELS[change.clearance]} clearance`);
  return parts.join(' and ');
}

/** The announcement after a create or an edit whose grant waits for another administrator. */
export function pendingNotice(change: AccountChange | null | undefined): string {
  return change
    ? ` Another administrator must confirm ${describeGrant(change)} before it applies.`
    : '';
}
