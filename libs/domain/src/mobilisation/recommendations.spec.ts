import { describe, expect, it } from '@jest/globals';
import {
  allowedRecommendationActions,
  isEditableRecommendation,
  nextRecommendationStatus,
  RECOMMENDATION_ACTIONS,
  RECOMMENDATION_STATUSES,
  recommendationActionRefusal,
  type RecommendationAction,
  type RecommendationStatus,
} from './recommendations.js';

/** Every accepted (from, action) → to; anything not listed is refused. */
const ACCEPTED: [RecommendationStatus, RecommendationAction, RecommendationStatus][] = [
  ['draft', 'approve', 'approved'],
  ['draft', 'declined', 'declined'],
  ['approved', 'transmit', 'transmitted'],
  ['approved', 'declined', 'declined'],
  ['transmitted', 'implemented', 'implemented'],
  ['transmitted', 'declined', 'declined'],
];

describe('recommendation status machine', () => {
  it('accepts exactly the listed transitions, for every status × action', () => {
    for (const from of RECOMMENDATION_STATUSES) {
      for (const action of RECOMMENDATION_ACTIONS) {
        const expected = ACCEPTED.find(([f, a]) => f === from && a === action)?.[2] ?? null;
        expect({ from, action, to: nextRecommendationStatus(from, action) }).toEqual({
          from,
          action,
          to: expected,
        });
        const refusal = recommendationActionRefusal(from, action);
        if (expected) expect(refusal).toBeNull();
        else expect(refusal).toEqual(expect.stringContaining(from));
      }
    }
  });

  it('lists the actions allowed from each status', () => {
    expect(allowedRecommendationActions('draft')).toEqual(['approve', 'declined']);
    expect(allowedRecommendationActions('approved')).toEqual(['transmit', 'declined']);
    expect(allowedRecommendationActions('transmitted')).toEqual(['implemented', 'declined']);
    expect(allowedRecommendationActions('implemented')).toEqual([]);
    expect(allowedRecommendationActions('declined')).toEqual([]);
  });

  it('explains an out-of-order step in words', () => {
    expect(recommendationActionRefusal('draft', 'transmit')).toBe(
      'A recommendation must be approved before it is transmitted; this one is draft.',
    );
    expect(recommendationActionRefusal('approved', 'approve')).toBe(
      'Only a draft can be approved; this one is approved.',
    );
    expect(recommendationActionRefusal('declined', 'transmit')).toBe(
      'This recommendation is declined; its status is final, so you cannot transmit it.',
    );
  });

  it('only a draft is editable', () => {
    expect(RECOMMENDATION_STATUSES.filter(isEditableRecommendation)).toEqual(['draft']);
  });
});
