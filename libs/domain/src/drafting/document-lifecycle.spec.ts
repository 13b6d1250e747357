import { describe, expect, it } from '@jest/globals';
import {
  availableTransitions,
  canStartRevision,
  DOCUMENT_TRANSITIONS,
  planSaveVersion,
  planTransition,
  type DocumentTransition,
  type TransitionRights,
} from './document-lifecycle.js';
import { DOCUMENT_STATUSES, type DocumentStatus } from './documents.js';

const DRAFTER: TransitionRights = { drafts: true, approves: false };
const ADVISER: TransitionRights = { drafts: true, approves: true };
const APPROVER_ONLY: TransitionRights = { drafts: false, approves: true };
const NOBODY: TransitionRights = { drafts: false, approves: false };

// The whole matrix: for every step and status, where an adviser lands (or null when out of order).
const EXPECTED: Record<DocumentTransition, Partial<Record<DocumentStatus, DocumentStatus>>> = {
  submit: { drafting: 'in_review' },
  approve: { in_review: 'approved' },
  return: { in_review: 'drafting', approved: 'drafting' },
  transmit: { approved: 'transmitted' },
};

describe('planTransition', () => {
  for (const transition of DOCUMENT_TRANSITIONS) {
    for (const status of DOCUMENT_STATUSES) {
      const to = EXPECTED[transition][status];
      it(`${transition} from ${status}: ${to ?? 'refused as out of order'}`, () => {
        const plan = planTransition(transition, status, ADVISER);
        if (to) expect(plan).toEqual({ ok: true, to, reason: expect.any(String) });
        else
          expect(plan).toEqual({ ok: false, code: 'not_allowed_now', message: expect.any(String) });
      });
    }
  }

  it('freezes a version with the reason of each step', () => {
    const reason = (t: DocumentTransition, s: DocumentStatus) => {
      const plan = planTransition(t, s, ADVISER);
      return plan.ok ? plan.reason : null;
    };
    expect(reason('submit', 'drafting')).toBe('submitted');
    expect(reason('approve', 'in_review')).toBe('approved');
    expect(reason('return', 'approved')).toBe('returned');
    expect(reason('transmit', 'approved')).toBe('transmitted');
  });

  it('lets those who draft submit, and only approvers approve, return and transmit', () => {
    expect(planTransition('submit', 'drafting', DRAFTER).ok).toBe(true);
    for (const t of ['approve', 'return', 'transmit'] as const) {
      const plan = planTransition(t, t === 'transmit' ? 'approved' : 'in_review', DRAFTER);
      expect(plan).toMatchObject({ ok: false, code: 'forbidden' });
    }
    expect(planTransition('submit', 'drafting', APPROVER_ONLY)).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    expect(planTransition('approve', 'in_review', APPROVER_ONLY).ok).toBe(true);
  });

  it('answers forbidden before out of order, so a non-adviser learns nothing about the state', () => {
    expect(planTransition('transmit', 'drafting', DRAFTER)).toMatchObject({ code: 'forbidden' });
    expect(planTransition('transmit', 'drafting', ADVISER)).toMatchObject({
      code: 'not_allowed_now',
      message: expect.stringMatching(/approved/),
    });
  });

  it('names the current status in the refusal', () => {
    const plan = planTransition('approve', 'drafting', ADVISER);
    expect(plan.ok).toBe(false);
    if (!plan.ok) expect(plan.message).toMatch(/being drafted.*in review/);
  });
});

describe('availableTransitions', () => {
  it('lists what each person may do now', () => {
    expect(availableTransitions('drafting', DRAFTER)).toEqual(['submit']);
    expect(availableTransitions('in_review', DRAFTER)).toEqual([]);
    expect(availableTransitions('in_review', ADVISER)).toEqual(['approve', 'return']);
    expect(availableTransitions('approved', ADVISER)).toEqual(['return', 'transmit']);
    expect(availableTransitions('transmitted', ADVISER)).toEqual([]);
    expect(availableTransitions('drafting', NOBODY)).toEqual([]);
  });
});

describe('planSaveVersion', () => {
  it('allows those who draft while the text may change', () => {
    expect(planSaveVersion('drafting', DRAFTER)).toEqual({ ok: true });
    expect(planSaveVersion('in_review', DRAFTER)).toEqual({ ok: true });
  });

  it('refuses a frozen text and people who do not draft', () => {
    expect(planSaveVersion('approved', ADVISER)).toMatchObject({ code: 'not_allowed_now' });
    expect(planSaveVersion('transmitted', ADVISER)).toMatchObject({ code: 'not_allowed_now' });
    expect(planSaveVersion('drafting', APPROVER_ONLY)).toMatchObject({ code: 'forbidden' });
  });
});

describe('canStartRevision', () => {
  it('only from a transmitted document', () => {
    expect(DOCUMENT_STATUSES.filter(canStartRevision)).toEqual(['transmitted']);
  });
});
