import { describe, expect, it } from 'vitest';
import { buildUser } from '../../../test/render';
import {
  emptyUserForm,
  sortRoles,
  userToForm,
  validateUserForm,
  type UserFormValues,
} from './user-form-values';

const valid = (overrides: Partial<UserFormValues> = {}): UserFormValues => ({
  ...emptyUserForm(),
  displayName: 'Ana Analyst',
  email: 'ana@example.org',
  password: 'a long enough password',
  roles: ['analyst'],
  clearance: 'confidential',
  organisationId: 'org-1',
  ...overrides,
});

describe('user form values', () => {
  it('starts a new user active, with nothing chosen', () => {
    expect(emptyUserForm()).toEqual({
      displayName: '',
      email: '',
      password: '',
      roles: [],
      clearance: '',
      organisationId: '',
      active: true,
      unlock: false,
    });
  });

  it('fills the edit form from a user, never with a password, and copies the roles', () => {
    const user = buildUser({ roles: ['analyst', 'admin'], active: false });
    const form = userToForm(user);
    expect(form).toMatchObject({
      displayName: 'Ana Analyst',
      email: 'ana@example.org',
      password: '',
      roles: ['analyst', 'admin'],
      clearance: 'confidential',
      organisationId: 'org-1',
      active: false,
      unlock: false,
    });
    form.roles.push('adviser');
    expect(user.roles).toEqual(['analyst', 'admin']);
  });

  it('accepts a complete new user', () => {
    expect(validateUserForm(valid(), 'create')).toEqual({});
  });

  it('asks for every required field of a new user, in the order of the form', () => {
    const errors = validateUserForm(emptyUserForm(), 'create');
    expect(Object.keys(errors)).toEqual([
      'displayName',
      'email',
      'password',
      'roles',
      'clearance',
      'organisationId',
    ]);
    expect(errors['password']).toBe('Enter an initial password of at least 12 characters.');
    expect(errors['roles']).toBe('Choose at least one role.');
  });

  it('refuses a blank name, an over-long name and a malformed e-mail address', () => {
    expect(validateUserForm(valid({ displayName: '   ' }), 'create')['displayName']).toBe(
      'Enter a display name.',
    );
    expect(validateUserForm(valid({ displayName: 'x'.repeat(201) }), 'create')['displayName']).toBe(
      'Use at most 200 characters.',
    );
    expect(validateUserForm(valid({ email: 'ana@example' }), 'create')['email']).toBe(
      'Enter a valid e-mail address, like name@example.org.',
    );
  });

  it('when editing, needs neither an e-mail address nor a new password, but refuses a short one', () => {
    expect(validateUserForm(valid({ email: '', password: '' }), 'edit')).toEqual({});
    expect(validateUserForm(valid({ password: 'short' }), 'edit')).toEqual({
      password: 'Use at least 12 characters.',
    });
  });

  it('keeps roles in their canonical order whatever order they were ticked in', () => {
    expect(sortRoles(['admin', 'analyst', 'adviser'])).toEqual(['analyst', 'adviser', 'admin']);
  });
});
