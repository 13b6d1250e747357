import { describe, expect, it } from '@jest/globals';
import { availableTransitions, fourEyesBlocks, planTransition } from './document-lifecycle.js';
import { documentFourEyesRefusal, recommendationFourEyesRefusal } from './four-eyes.js';

const ADVISER = { drafts: true, approves: true };

describe('four eyes on documents', () => {
  it('the submitter never approves; advice needs another adviser to approve and transmit', () => {
    const advice = { kind: 'advice_to_sg' as const, createdBy: 'a', submittedBy: 'b' };
    expect(documentFourEyesRefusal('approve', 'b', advice)).toMatch(/You submitted/);
    expect(documentFourEyesRefusal('approve', 'a', advice)).toMatch(/You started this advice/);
    expect(documentFourEyesRefusal('transmit', 'a', advice)).toMatch(/must transmit/);
    expect(documentFourEyesRefusal('approve', 'c', advice)).toBeNull();
    expect(documentFourEyesRefusal('return', 'a', advice)).toBeNull();
    const note = { kind: 'early_warning_note' as const, createdBy: 'a', submittedBy: 'b' };
    expect(documentFourEyesRefusal('approve', 'a', note)).toBeNull();
    expect(documentFourEyesRefusal('transmit', 'a', note)).toBeNull();
  });

  it('planTransition refuses as forbidden, and the buttons follow with the reason', () => {
    const rights = {
      ...ADVISER,
      actorId: 'b',
      parties: { kind: 'briefing' as const, createdBy: 'a', submittedBy: 'b' },
    };
    expect(planTransition('approve', 'in_review', rights)).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    // Out of order stays "not now", whoever asks.
    expect(planTransition('approve', 'drafting', rights)).toMatchObject({
      code: 'not_allowed_now',
    });
    expect(availableTransitions('in_review', rights)).toEqual(['return']);
    expect(fourEyesBlocks('in_review', rights)).toEqual([
      { transition: 'approve', reason: expect.stringMatching(/You submitted/) },
    ]);
    expect(
      fourEyesBlocks('in_review', { ...ADVISER, actorId: 'c', parties: rights.parties }),
    ).toEqual([]);
  });
});

describe('four eyes on recommendations', () => {
  it('approval and transmission by another adviser than its author; outcomes by anyone', () => {
    expect(recommendationFourEyesRefusal('approve', 'a', 'a')).toMatch(/must approve/);
    expect(recommendationFourEyesRefusal('transmit', 'a', 'a')).toMatch(/must transmit/);
    expect(recommendationFourEyesRefusal('implemented', 'a', 'a')).toBeNull();
    expect(recommendationFourEyesRefusal('declined', 'a', 'a')).toBeNull();
    expect(recommendationFourEyesRefusal('approve', 'b', 'a')).toBeNull();
  });
});
