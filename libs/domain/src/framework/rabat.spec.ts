import { describe, expect, it } from '@jest/globals';
import {
  explainRabat,
  isRabatLevel,
  isRabatPart,
  RABAT_LEVELS,
  RABAT_PART_LABELS,
  RABAT_PARTS,
  rabatLevel,
  type RabatPart,
  type RabatParts,
} from './rabat.js';

const only = (...met: RabatPart[]): RabatParts =>
  Object.fromEntries(RABAT_PARTS.map((p) => [p, met.includes(p)]));
const allBut = (...missing: RabatPart[]): RabatParts =>
  only(...RABAT_PARTS.filter((p) => !missing.includes(p)));

describe('Rabat threshold test', () => {
  it('has six labelled parts and three levels', () => {
    expect(RABAT_PARTS).toEqual([
      'context',
      'speaker',
      'intent',
      'content_and_form',
      'extent',
      'likelihood_imminence',
    ]);
    for (const p of RABAT_PARTS) expect(RABAT_PART_LABELS[p].length).toBeGreaterThan(5);
    expect(RABAT_LEVELS).toEqual(['of_concern', 'civil_or_administrative', 'incitement']);
    expect(isRabatPart('intent')).toBe(true);
    expect(isRabatPart('audience')).toBe(false);
    expect(isRabatLevel('incitement')).toBe(true);
    expect(isRabatLevel('criminal')).toBe(false);
  });

  it('is incitement only with all six parts', () => {
    const e = explainRabat(only(...RABAT_PARTS));
    expect(e).toEqual({
      level: 'incitement',
      met: [...RABAT_PARTS],
      missing: [],
      reasons: ['all six parts of the Rabat test are met'],
    });
  });

  it.each(RABAT_PARTS.map((p) => [p]))('is not incitement without %s', (missing) => {
    expect(rabatLevel(allBut(missing))).toBe('civil_or_administrative');
  });

  it('explains intent not established', () => {
    const e = explainRabat(allBut('intent'));
    expect(e.level).toBe('civil_or_administrative');
    expect(e.missing).toEqual(['intent']);
    expect(e.reasons).toEqual([
      '5 of 6 parts met; not met: intent to incite against a target group (negligence is not enough)',
      'intent to incite is not established, so the speech is not a criminal offence',
      'at least 4 parts met: civil or administrative action may be warranted',
    ]);
  });

  it('needs at least four parts for the middle tier', () => {
    expect(rabatLevel(allBut('intent', 'extent'))).toBe('civil_or_administrative');
    expect(rabatLevel(only('context', 'speaker', 'intent', 'extent'))).toBe(
      'civil_or_administrative',
    );
    expect(rabatLevel(allBut('intent', 'extent', 'speaker'))).toBe('of_concern');
    const e = explainRabat(only('context', 'speaker', 'intent'));
    expect(e.level).toBe('of_concern');
    expect(e.reasons.at(-1)).toBe('fewer than 4 parts met: of concern only');
  });

  it('is of concern with nothing met, and counts a part left out as not met', () => {
    expect(rabatLevel({})).toBe('of_concern');
    expect(rabatLevel(only())).toBe('of_concern');
    expect(rabatLevel({ context: true, speaker: true, intent: true, extent: true })).toBe(
      'civil_or_administrative',
    );
    expect(
      rabatLevel({
        context: true,
        speaker: true,
        intent: true,
        content_and_form: true,
        extent: true,
      }),
    ).toBe('civil_or_administrative');
  });

  it('covers every combination: level follows the count of parts met', () => {
    for (let mask = 0; mask < 64; mask++) {
      const met = RABAT_PARTS.filter((_, i) => (mask & (1 << i)) !== 0);
      const expected =
        met.length === 6
          ? 'incitement'
          : met.length >= 4
            ? 'civil_or_administrative'
            : 'of_concern';
      expect(rabatLevel(only(...met))).toBe(expected);
    }
  });
});
