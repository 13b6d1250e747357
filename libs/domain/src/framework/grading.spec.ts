import { describe, expect, it } from '@jest/globals';
import {
  CREDIBILITY,
  CREDIBILITY_MEANINGS,
  describeGrade,
  gradeOf,
  GRADES,
  isCredibility,
  isGrade,
  isReliability,
  parseGrade,
  RELIABILITY,
  RELIABILITY_MEANINGS,
} from './grading.js';

describe('source grading (Admiralty scale)', () => {
  it('has the six reliabilities and credibilities with their meanings', () => {
    expect(RELIABILITY).toEqual(['A', 'B', 'C', 'D', 'E', 'F']);
    expect(CREDIBILITY).toEqual([1, 2, 3, 4, 5, 6]);
    expect(RELIABILITY_MEANINGS.A).toBe('completely reliable');
    expect(RELIABILITY_MEANINGS.D).toBe('not usually reliable');
    expect(CREDIBILITY_MEANINGS[1]).toBe('confirmed by other sources');
    expect(CREDIBILITY_MEANINGS[5]).toBe('improbable');
  });

  it('writes grades', () => {
    expect(gradeOf('B', 2)).toBe('B2');
    expect(gradeOf('F', 6)).toBe('F6');
    expect(GRADES).toHaveLength(36);
    expect(new Set(GRADES).size).toBe(36);
    expect(GRADES[0]).toBe('A1');
    expect(GRADES[35]).toBe('F6');
  });

  it('round-trips all 36 grades', () => {
    for (const reliability of RELIABILITY) {
      for (const credibility of CREDIBILITY) {
        const grade = gradeOf(reliability, credibility);
        expect(isGrade(grade)).toBe(true);
        expect(parseGrade(grade)).toEqual({ reliability, credibility });
      }
    }
  });

  it('describes the example grade', () => {
    expect(describeGrade('B2')).toBe('usually reliable source; information probably true');
  });

  const RELIABILITY_WORDS = {
    A: 'completely reliable source',
    B: 'usually reliable source',
    C: 'fairly reliable source',
    D: 'not usually reliable source',
    E: 'unreliable source',
    F: 'source reliability cannot be judged',
  };
  const CREDIBILITY_WORDS = {
    1: 'information confirmed by other sources',
    2: 'information probably true',
    3: 'information possibly true',
    4: 'information doubtful',
    5: 'information improbable',
    6: 'information truth cannot be judged',
  };

  it.each(GRADES.map((g) => [g]))('describes %s', (grade) => {
    const parts = parseGrade(grade);
    expect(parts).not.toBeNull();
    if (parts === null) return;
    expect(describeGrade(grade)).toBe(
      `${RELIABILITY_WORDS[parts.reliability]}; ${CREDIBILITY_WORDS[parts.credibility]}`,
    );
  });

  it('parses leniently but only grades', () => {
    expect(parseGrade(' b2 ')).toEqual({ reliability: 'B', credibility: 2 });
    for (const bad of ['', 'B', '2', 'G1', 'A0', 'A7', 'B22', '2B', 'B 2', 'BB']) {
      expect(parseGrade(bad)).toBeNull();
      expect(isGrade(bad)).toBe(false);
    }
    expect(isGrade('b2')).toBe(false);
  });

  it('refuses to describe a non-grade', () => {
    expect(() => describeGrade('Z9')).toThrow('"Z9" is not a source grade (A1 … F6)');
  });

  it('checks the parts', () => {
    expect(isReliability('C')).toBe(true);
    expect(isReliability('c')).toBe(false);
    expect(isCredibility(3)).toBe(true);
    expect(isCredibility('3')).toBe(false);
    expect(isCredibility(7)).toBe(false);
  });
});
