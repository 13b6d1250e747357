import { describe, expect, it } from '@jest/globals';
import { applicableFactors } from './crime-types.js';
import {
  computeRiskLevel,
  computeTrend,
  explainRiskLevel,
  RISK_LEVELS,
  unratedFactors,
  validateRatings,
  type Confidence,
  type FactorRating,
  type Rating,
  type RiskLevel,
} from './risk-scoring.js';

/** Ratings for factors 1, 2, 3 … in order: `rated(2, 1, 0)` rates RF1 2, RF2 1, RF3 0. */
const rated = (...ratings: Rating[]): FactorRating[] =>
  ratings.map((rating, i) => ({ factor: i + 1, rating, confidence: 'medium' }));
const one = (factor: number, rating: Rating, confidence: Confidence = 'medium'): FactorRating => ({
  factor,
  rating,
  confidence,
});

describe('computed risk level', () => {
  it('is low with no ratings', () => {
    expect(explainRiskLevel([])).toEqual({
      level: 'low',
      reasons: ['no factor is rated'],
      mean: null,
      counted: 0,
    });
  });

  it('is low when everything is absent or low', () => {
    const e = explainRiskLevel(rated(0, 1, 1, 0, 1, 1, 1, 1));
    expect(e.level).toBe('low');
    expect(e.reasons).toEqual([
      'no factor is rated high or severe',
      'the mean rating is 0.75 over 8 rated factors, below 1.5',
    ]);
  });

  describe('moderate', () => {
    it('at a mean of exactly 1.5', () => {
      const e = explainRiskLevel(rated(2, 1, 2, 1));
      expect(e.level).toBe('moderate');
      expect(e.mean).toBe(1.5);
      expect(e.reasons).toEqual(['the mean rating is 1.50 over 4 rated factors, at least 1.5']);
    });

    it('not just below it (mean 1.4)', () => {
      const e = explainRiskLevel(rated(2, 1, 1, 1, 2));
      expect(e.level).toBe('low');
      expect(e.reasons[1]).toBe('the mean rating is 1.40 over 5 rated factors, below 1.5');
    });

    it('with all moderate ratings', () => {
      expect(computeRiskLevel(rated(2, 2, 2, 2, 2, 2, 2, 2))).toBe('moderate');
    });

    it('with one high rating, whatever the mean', () => {
      const e = explainRiskLevel(rated(3, 0, 0, 0, 0, 0, 0, 0));
      expect(e.level).toBe('moderate');
      expect(e.reasons).toEqual(['RF1 (Armed conflict or instability) is rated high']);
    });

    it('with two high ratings', () => {
      const e = explainRiskLevel(rated(3, 3, 1, 1));
      expect(e.level).toBe('moderate');
      expect(e.reasons).toEqual([
        '2 factors are rated high (RF1, RF2)',
        'the mean rating is 2.00 over 4 rated factors, at least 1.5',
      ]);
    });
  });

  describe('high', () => {
    it('with three ratings of high or severe', () => {
      const e = explainRiskLevel(rated(3, 3, 3, 0, 0, 0, 0, 0));
      expect(e.level).toBe('high');
      expect(e.reasons).toEqual(['3 factors are rated high or severe (RF1, RF2, RF3), at least 3']);
    });

    it('with one severe rating on a factor that is not a specific sign', () => {
      const e = explainRiskLevel([one(7, 4), one(1, 0)]);
      expect(e.level).toBe('high');
      expect(e.reasons).toEqual([
        'RF7 (Enabling circumstances or preparatory action) is rated severe',
      ]);
    });

    it.each([9, 14, 1, 8])('with RF%i severe alone', (factor) => {
      expect(computeRiskLevel([one(factor, 4)])).toBe('high');
    });

    it('with two severe ratings and a high one', () => {
      const e = explainRiskLevel(rated(4, 4, 3));
      expect(e.level).toBe('high');
      expect(e.reasons).toEqual([
        '2 factors are rated severe (RF1, RF2)',
        '3 factors are rated high or severe (RF1, RF2, RF3), at least 3',
      ]);
    });
  });

  describe('very high', () => {
    it.each([10, 11, 12, 13])('with RF%i (a specific sign) severe', (factor) => {
      const e = explainRiskLevel([one(factor, 4), one(1, 0), one(2, 0)]);
      expect(e.level).toBe('very_high');
      expect(e.reasons[0]).toMatch(
        new RegExp(`^RF${factor} \\(.+\\) is rated severe, and it is a specific sign`),
      );
    });

    it('with a specific sign only high: not very high', () => {
      expect(computeRiskLevel([one(10, 3)])).toBe('moderate');
    });

    it('with three severe ratings on common factors', () => {
      const e = explainRiskLevel(rated(4, 4, 4, 0));
      expect(e.level).toBe('very_high');
      expect(e.reasons).toEqual(['3 factors are rated severe (RF1, RF2, RF3), at least 3']);
    });

    it('gives every rule that fired', () => {
      const e = explainRiskLevel([one(10, 4), one(11, 4), one(1, 4)]);
      expect(e.level).toBe('very_high');
      expect(e.reasons).toEqual([
        'RF10 (Intent to destroy a protected group) is rated severe, and it is a specific sign of atrocity crimes',
        'RF11 (Widespread or systematic attack on civilians) is rated severe, and it is a specific sign of atrocity crimes',
        '3 factors are rated severe (RF10, RF11, RF1), at least 3',
      ]);
    });
  });

  it('names decisive ratings that rest on low confidence, without lowering the level', () => {
    const e = explainRiskLevel([one(10, 4, 'low'), one(1, 1, 'low')]);
    expect(e.level).toBe('very_high');
    expect(e.reasons.at(-1)).toBe(
      'the rating of RF10 that decided the level rests on low confidence',
    );
    const e2 = explainRiskLevel([one(1, 3, 'low'), one(2, 3, 'low'), one(3, 3, 'high')]);
    expect(e2.reasons.at(-1)).toBe(
      'the ratings of RF1, RF2 that decided the level rest on low confidence',
    );
    // Low confidence on a rating that did not decide the level is not mentioned.
    expect(
      explainRiskLevel([one(1, 3, 'high'), one(2, 0, 'low'), one(3, 0, 'low')]).reasons,
    ).toEqual(['RF1 (Armed conflict or instability) is rated high']);
  });

  it('leaves out ratings on factors that do not apply, and says so', () => {
    const genocide = applicableFactors(['genocide']);
    const ratings = [one(13, 4), one(14, 4), one(1, 1), one(9, 1)];
    expect(computeRiskLevel(ratings)).toBe('very_high');
    const e = explainRiskLevel(ratings, { applicableFactors: genocide });
    expect(e.level).toBe('low');
    expect(e.counted).toBe(2);
    expect(e.reasons).toContain('RF13, RF14 do not apply to this assessment and were left out');
    expect(explainRiskLevel([one(13, 4)], { applicableFactors: genocide }).reasons).toEqual([
      'no factor is rated',
      'RF13 does not apply to this assessment and was left out',
    ]);
  });

  it('agrees with explainRiskLevel', () => {
    const ratings = rated(4, 3, 2, 1, 0);
    expect(computeRiskLevel(ratings)).toBe(explainRiskLevel(ratings).level);
  });
});

describe('trend', () => {
  it('is null without a previous assessment', () => {
    for (const level of RISK_LEVELS) expect(computeTrend(level, null)).toBeNull();
  });

  it('compares every pair of levels', () => {
    RISK_LEVELS.forEach((current, i) => {
      RISK_LEVELS.forEach((previous, j) => {
        const expected = i > j ? 'deteriorated' : i < j ? 'improved' : 'unchanged';
        expect(computeTrend(current, previous)).toBe(expected);
      });
    });
  });

  it.each<[RiskLevel, RiskLevel, string]>([
    ['high', 'moderate', 'deteriorated'],
    ['very_high', 'low', 'deteriorated'],
    ['low', 'moderate', 'improved'],
    ['high', 'very_high', 'improved'],
    ['moderate', 'moderate', 'unchanged'],
  ])('%s after %s → %s', (current, previous, trend) => {
    expect(computeTrend(current, previous)).toBe(trend);
  });
});

describe('rating validation', () => {
  const genocide = applicableFactors(['genocide']);

  it('accepts good ratings', () => {
    expect(
      validateRatings(
        [
          { factor: 1, rating: 0, confidence: 'low', indicatorIds: ['1.1', '1.11'] },
          { factor: 7, rating: 4, confidence: 'high', indicatorIds: ['7.14'] },
          { factor: 10, rating: 2, confidence: 'medium' },
        ],
        genocide,
      ),
    ).toEqual([]);
    expect(validateRatings([])).toEqual([]);
  });

  it('reports an unknown factor', () => {
    expect(validateRatings([{ factor: 15, rating: 1, confidence: 'low' }])).toEqual([
      {
        index: 0,
        field: 'factor',
        message: 'rating 1: risk factor 15 does not exist (factors are numbered 1–14)',
      },
    ]);
    expect(validateRatings([{ factor: 0, rating: 1 }])[0].field).toBe('factor');
    expect(validateRatings([{ factor: 2.5, rating: 1 }])[0].field).toBe('factor');
  });

  it('reports a rating outside 0–4 or not whole', () => {
    expect(validateRatings([{ factor: 1, rating: 5, confidence: 'low' }])).toEqual([
      {
        index: 0,
        field: 'rating',
        message:
          'rating 1: rating 5 is outside 0–4 (0 absent, 1 low, 2 moderate, 3 high, 4 severe)',
      },
    ]);
    expect(validateRatings([{ factor: 1, rating: -1 }])[0].message).toContain(
      'rating -1 is outside 0–4',
    );
    expect(validateRatings([{ factor: 1, rating: 2.5 }])[0].message).toContain(
      'rating 2.5 is not a whole number from 0 to 4',
    );
    expect(validateRatings([{ factor: 1, rating: Number.NaN }])[0].message).toContain(
      'rating NaN is outside 0–4',
    );
  });

  it('reports a factor rated twice, once', () => {
    const problems = validateRatings([
      { factor: 3, rating: 1 },
      { factor: 3, rating: 2 },
      { factor: 3, rating: 2 },
    ]);
    expect(problems.map((p) => p.message)).toEqual([
      'rating 2: risk factor 3 is rated more than once',
      'rating 3: risk factor 3 is rated more than once',
    ]);
    expect(problems.map((p) => p.index)).toEqual([1, 2]);
  });

  it('reports a factor that does not apply', () => {
    expect(validateRatings([{ factor: 13, rating: 1, confidence: 'high' }], genocide)).toEqual([
      {
        index: 0,
        field: 'factor',
        message: 'rating 1: risk factor 13 does not apply to this assessment',
      },
    ]);
  });

  it('reports an unknown indicator and one of another factor', () => {
    expect(
      validateRatings([{ factor: 3, rating: 1, indicatorIds: ['3.1', '3.10', '7.14', 'x'] }]),
    ).toEqual([
      {
        index: 0,
        field: 'indicatorIds',
        message: 'rating 1: indicator 3.10 is not in the Framework of Analysis',
      },
      {
        index: 0,
        field: 'indicatorIds',
        message: 'rating 1: indicator 7.14 belongs to risk factor 7, not 3',
      },
      {
        index: 0,
        field: 'indicatorIds',
        message: 'rating 1: indicator x is not in the Framework of Analysis',
      },
    ]);
  });

  it('reports a bad confidence', () => {
    expect(validateRatings([{ factor: 1, rating: 1, confidence: 'certain' }])).toEqual([
      {
        index: 0,
        field: 'confidence',
        message: 'rating 1: confidence "certain" is not one of low, medium, high',
      },
    ]);
  });

  it('reports every problem of every rating, in order', () => {
    const problems = validateRatings(
      [
        { factor: 1, rating: 1 },
        { factor: 20, rating: 9, indicatorIds: ['20.1'] },
        { factor: 11, rating: 2, indicatorIds: ['11.1'] },
      ],
      genocide,
    );
    expect(problems.map((p) => [p.index, p.field])).toEqual([
      [1, 'factor'],
      [1, 'rating'],
      [1, 'indicatorIds'],
      [2, 'factor'],
    ]);
  });

  it('lists the applicable factors not yet rated', () => {
    expect(unratedFactors([{ factor: 1 }, { factor: 9 }, { factor: 13 }], genocide)).toEqual([
      2, 3, 4, 5, 6, 7, 8, 10,
    ]);
    expect(unratedFactors([])).toHaveLength(14);
  });
});
