import { describe, expect, it } from '@jest/globals';
import { applyGrant, NEW_ACCOUNT_ACCESS, splitAccountChange } from './account-grants.js';

describe('splitAccountChange', () => {
  it('holds back the adviser and admin roles and a raised clearance of a new account', () => {
    expect(
      splitAccountChange(NEW_ACCOUNT_ACCESS, {
        roles: ['analyst', 'adviser', 'admin', 'framework_team'],
        clearance: 'strictly_confidential',
      }),
    ).toEqual({
      now: { roles: ['analyst', 'framework_team'], clearance: 'unclassified' },
      pending: { roles: ['adviser', 'admin'], clearance: 'strictly_confidential' },
    });
  });

  it('applies removals, unprivileged roles and a lowered clearance at once', () => {
    expect(
      splitAccountChange(
        { roles: ['adviser', 'admin'], clearance: 'strictly_confidential' },
        { roles: ['analyst', 'framework_team'], clearance: 'confidential' },
      ),
    ).toEqual({
      now: { roles: ['analyst', 'framework_team'], clearance: 'confidential' },
      pending: null,
    });
  });

  it('keeps a privileged role already held and holds back only the new one', () => {
    expect(
      splitAccountChange(
        { roles: ['adviser'], clearance: 'confidential' },
        { roles: ['adviser', 'admin'], clearance: 'confidential' },
      ),
    ).toEqual({
      now: { roles: ['adviser'], clearance: 'confidential' },
      pending: { roles: ['admin'], clearance: null },
    });
  });

  it('a raised clearance alone is pending; the roles apply', () => {
    expect(
      splitAccountChange(
        { roles: ['analyst'], clearance: 'unclassified' },
        { roles: ['analyst', 'framework_team'], clearance: 'confidential' },
      ),
    ).toEqual({
      now: { roles: ['analyst', 'framework_team'], clearance: 'unclassified' },
      pending: { roles: [], clearance: 'confidential' },
    });
  });
});

describe('applyGrant', () => {
  it('adds roles and raises the clearance, never lowering what is held now', () => {
    expect(
      applyGrant(
        { roles: ['analyst'], clearance: 'confidential' },
        { roles: ['adviser'], clearance: 'strictly_confidential' },
      ),
    ).toEqual({ roles: ['analyst', 'adviser'], clearance: 'strictly_confidential' });
    expect(
      applyGrant(
        { roles: ['adviser'], clearance: 'strictly_confidential' },
        { roles: ['adviser'], clearance: 'confidential' },
      ),
    ).toEqual({ roles: ['adviser'], clearance: 'strictly_confidential' });
  });
});
