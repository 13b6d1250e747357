import { CLEARANCES, ROLES, type Clearance, type Role, type User } from '../../../lib/api-types';

export const MIN_PASSWORD_LENGTH = 12;
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export type UserFormMode = 'create' | 'edit';

/** Form state shared by the create and edit user dialogs. Keys match API field names. */
export interface UserFormValues {
  displayName: string;
  email: string;
  password: string;
  roles: Role[];
  clearance: Clearance | '';
  organisationId: string;
  active: boolean;
  /** Lift a sign-in lock (edit only). */
  unlock: boolean;
}

export function emptyUserForm(): UserFormValues {
  return {
    displayName: '',
    email: '',
    password: '',
    roles: [],
    clearance: '',
    organisationId: '',
    active: true,
    unlock: false,
  };
}

export function userToForm(user: User): UserFormValues {
  return {
    displayName: user.displayName,
    email: user.email,
    password: '',
    roles: [...user.roles],
    clearance: user.clearance,
    organisationId: user.organisationId,
    active: user.active,
    unlock: false,
  };
}

/** Client-side validation; returns messages keyed by field. */
export function validateUserForm(
  values: UserFormValues,
  mode: UserFormMode,
): Record<string, string> {
  const errors: Record<string, string> = {};
  const displayName = values.displayName.trim();
  if (!displayName) errors['displayName'] = 'Enter a display name.';
  else if (displayName.length > 200) errors['displayName'] = 'Use at most 200 characters.';
  if (mode === 'create') {
    const email = values.email.trim();
    if (!email) errors['email'] = 'Enter an e-mail address.';
    else if (!EMAIL_PATTERN.test(email))
      errors['email'] = 'Enter a valid e-mail address, like name@example.org.';
  }
  if (mode === 'create' && !values.password) {
    errors['password'] = `Enter an initial password of at least ${MIN_PASSWORD_LENGTH} characters.`;
  } else if (values.password && values.password.length < MIN_PASSWORD_LENGTH) {
    errors['password'] = `Use at least ${MIN_PASSWORD_LENGTH} characters.`;
  }
  if (values.roles.length === 0) errors['roles'] = 'Choose at least one role.';
  if (!values.clearance || !CLEARANCES.includes(values.clearance))
    errors['clearance'] = 'Choose a clearance.';
  if (!values.organisationId) errors['organisationId'] = 'Choose an organisation.';
  return errors;
}

/** Keeps roles in their canonical order. */
export function sortRoles(roles: Role[]): Role[] {
  return ROLES.filter((role) => roles.includes(role));
}
