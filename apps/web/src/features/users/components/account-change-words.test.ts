// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { describeGrant, pendingNotice } from './account-change-words';
import type { AccountChange } from '../api/users-api';

describe('account change words', () => {
  it('names one role, several roles and a clearance', () => {
    expect(describeGrant({ addRoles: ['adviser'], clearance: null })).toBe('the adviser role');
    expect(describeGrant({ addRoles: ['adviser', 'admin'], clearance: null })).toBe(
      'the adviser and admin roles',
    );
    expect(describeGrant({ addRoles: ['admin'], clearance: 'strictly_confidential' })).toBe(
      'the admin role and Strictly confidential clearance',
    );
  });

  it('announces a grant that waits for a second administrator, and nothing otherwise', () => {
    const change = { addRoles: [], clearance: 'confidential' } as unknown as AccountChange;
    expect(pendingNotice(change)).toBe(
      ' Another administrator must confirm Confidential clearance before it applies.',
    );
    expect(pendingNotice(null)).toBe('');
  });
});
