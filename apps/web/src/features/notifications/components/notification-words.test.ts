// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { Notification } from '../api/notifications-api';
import { describeNotification } from './notification-words';

const notification = (type: string, payload: Record<string, unknown>): Notification => ({
  id: 'n1',
  type,
  caseId: 'c1',
  payload,
  createdAt: '2026-03-01T10:00:00.000Z',
  readAt: null,
});

const situation = { reference: 'SIT-2026-0007', title: 'Northern region' };

describe('describeNotification', () => {
  it('says who mentioned you, where, and on which situation', () => {
    expect(describeNotification(notification('mention', { ...situation, authorName: 'Ana' }))).toBe(
      'Ana mentioned you on SIT-2026-0007: Northern region',
    );
    expect(
      describeNotification(
        notification('mention', { ...situation, actorName: 'Ben', thread: 'framework_team' }),
      ),
    ).toBe('Ben mentioned you in the Framework Team thread on SIT-2026-0007: Northern region');
  });

  it('falls back to "Someone" and "a situation" when the payload lacks names', () => {
    expect(describeNotification(notification('mention', {}))).toBe(
      'Someone mentioned you on a situation',
    );
  });

  it('describes a proposal awaiting a decision with the stage in words', () => {
    expect(
      describeNotification(
        notification('escalation.awaiting_approval', {
          ...situation,
          proposerName: 'Ana',
          toStage: 'mobilisation',
        }),
      ),
    ).toBe(
      'Ana proposes moving SIT-2026-0007: Northern region to mobilisation: awaiting your decision',
    );
  });

  it('tells the proposer the decision and who took it; an unknown stage reads "another stage"', () => {
    expect(
      describeNotification(
        notification('escalation.decided', {
          ...situation,
          decision: 'rejected',
          deciderName: 'Chen',
          toStage: 'alert',
        }),
      ),
    ).toBe('Your proposal to move SIT-2026-0007: Northern region to alert was rejected by Chen');
    expect(
      describeNotification(
        notification('escalation.decided', { ...situation, toStage: 'nowhere' }),
      ),
    ).toBe('Your proposal to move SIT-2026-0007: Northern region to another stage was approved');
  });

  it('dates an overdue review and a sign-in lock', () => {
    expect(
      describeNotification(
        notification('review.overdue', { ...situation, nextReviewDue: '2026-02-15T00:00:00.000Z' }),
      ),
    ).toBe('Review overdue: SIT-2026-0007: Northern region (was due 2026-02-15)');
    expect(
      describeNotification(notification('account.locked', { until: '2026-03-01T12:30:00.000Z' })),
    ).toBe(
      'Your account was locked after many failed sign-ins from several addresses until ' +
        '2026-03-01 12:30:00. If that was not you, tell an administrator.',
    );
  });

  it('names the organisation of a Framework Team comment', () => {
    expect(
      describeNotification(
        notification('comment.framework_team', {
          ...situation,
          authorName: 'Dina',
          organisationAcronym: 'OHCHR',
        }),
      ),
    ).toBe('Dina (OHCHR) commented in the Framework Team thread of SIT-2026-0007: Northern region');
  });

  it('writes out hidden characters in a title someone else typed', () => {
    expect(
      describeNotification(
        notification('mention', { reference: 'SIT-1', title: 'A\u202Eb', authorName: 'Ana' }),
      ),
    ).toBe('Ana mentioned you on SIT-1: A⟨U+202E⟩b');
  });

  it('shows an unknown type by its name, with the situation when there is one', () => {
    expect(describeNotification(notification('case.archived', situation))).toBe(
      'case.archived: SIT-2026-0007: Northern region',
    );
    expect(describeNotification(notification('digest.weekly', {}))).toBe('digest.weekly');
  });
});
