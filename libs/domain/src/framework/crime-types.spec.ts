import { describe, expect, it } from '@jest/globals';
import {
  applicableFactors,
  applicableRiskFactors,
  CRIME_TYPES,
  isCrimeType,
  type CrimeType,
} from './crime-types.js';

const COMMON = [1, 2, 3, 4, 5, 6, 7, 8];
const ALL = [...COMMON, 9, 10, 11, 12, 13, 14];

describe('applicable risk factors', () => {
  it('lists the five crime types', () => {
    expect(CRIME_TYPES).toEqual([
      'genocide',
      'war_crimes',
      'ethnic_cleansing',
      'crimes_against_humanity',
      'incitement',
    ]);
    expect(isCrimeType('genocide')).toBe(true);
    expect(isCrimeType('terrorism')).toBe(false);
    expect(isCrimeType(undefined)).toBe(false);
  });

  it.each<[CrimeType, number[]]>([
    ['genocide', [...COMMON, 9, 10]],
    ['crimes_against_humanity', [...COMMON, 11, 12]],
    ['war_crimes', [...COMMON, 13, 14]],
    ['ethnic_cleansing', ALL],
    ['incitement', [...COMMON, 9, 10]],
  ])('%s → %j', (crimeType, expected) => {
    expect(applicableFactors([crimeType])).toEqual(expected);
  });

  it('applies all 14 factors when no crime type is given', () => {
    expect(applicableFactors([])).toEqual(ALL);
  });

  it('takes the union of several crime types, in catalogue order', () => {
    expect(applicableFactors(['war_crimes', 'genocide'])).toEqual([...COMMON, 9, 10, 13, 14]);
    expect(applicableFactors(['crimes_against_humanity', 'war_crimes'])).toEqual([
      ...COMMON,
      11,
      12,
      13,
      14,
    ]);
    expect(applicableFactors(['incitement', 'genocide'])).toEqual([...COMMON, 9, 10]);
    expect(applicableFactors(['incitement', 'crimes_against_humanity'])).toEqual([
      ...COMMON,
      9,
      10,
      11,
      12,
    ]);
    expect(applicableFactors(['genocide', 'ethnic_cleansing'])).toEqual(ALL);
    expect(applicableFactors([...CRIME_TYPES])).toEqual(ALL);
    expect(applicableFactors(['genocide', 'genocide'])).toEqual([...COMMON, 9, 10]);
  });

  it('always includes the common factors', () => {
    for (const c of CRIME_TYPES) expect(applicableFactors([c]).slice(0, 8)).toEqual(COMMON);
  });

  it('returns the factors themselves too', () => {
    expect(applicableRiskFactors(['war_crimes']).map((f) => f.number)).toEqual([...COMMON, 13, 14]);
  });
});
