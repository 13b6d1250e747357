import { describe, expect, it } from '@jest/globals';
import {
  factorOfIndicator,
  findIndicator,
  findRiskFactor,
  INDICATORS,
  isIndicatorId,
  isRiskFactorNumber,
  RISK_FACTORS,
} from './catalogue.js';
import * as domain from '../index.js';

// Checked against docs/domain.md "Framework of Analysis: indicator labels per risk factor".
const INDICATOR_COUNTS = [11, 8, 9, 9, 8, 11, 14, 12, 6, 9, 5, 5, 10, 3];
const UNVERIFIED = [
  '3.8',
  '3.9',
  '6.1',
  '10.6',
  '10.7',
  '10.8',
  '10.9',
  '11.1',
  '11.2',
  '11.3',
  '11.4',
  '11.5',
  '12.5',
  '13.10',
  '14.1',
  '14.2',
  '14.3',
];

describe('Framework of Analysis catalogue', () => {
  it('has the 14 risk factors in order, numbered 1–14', () => {
    expect(RISK_FACTORS).toHaveLength(14);
    expect(RISK_FACTORS.map((f) => f.number)).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14,
    ]);
  });

  it('names the factors as docs/architecture.md §9 does', () => {
    expect(findRiskFactor(1)?.name).toBe(
      'Situations of armed conflict or other forms of instability',
    );
    expect(findRiskFactor(10)?.name).toBe(
      'Signs of an intent to destroy in whole or in part a protected group',
    );
    expect(findRiskFactor(14)?.name).toBe(
      'Serious threats to humanitarian or peacekeeping operations',
    );
    for (const f of RISK_FACTORS) {
      expect(f.name.length).toBeGreaterThan(5);
      expect(f.shortName.length).toBeGreaterThan(5);
    }
  });

  it('gives each factor its scope', () => {
    const scopes = RISK_FACTORS.map((f) => f.scope);
    expect(scopes).toEqual([
      ...Array<string>(8).fill('common'),
      'genocide',
      'genocide',
      'crimes_against_humanity',
      'crimes_against_humanity',
      'war_crimes',
      'war_crimes',
    ]);
  });

  it('holds every indicator docs/domain.md lists, per factor', () => {
    expect(RISK_FACTORS.map((f) => f.indicators.length)).toEqual(INDICATOR_COUNTS);
    expect(INDICATORS).toHaveLength(INDICATOR_COUNTS.reduce((a, b) => a + b, 0));
  });

  it('has unique ids, each prefixed by its factor and numbered from 1 without gaps', () => {
    const ids = INDICATORS.map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const f of RISK_FACTORS) {
      f.indicators.forEach((indicator, i) => {
        expect(indicator.id).toBe(`${f.number}.${i + 1}`);
        expect(indicator.id.split('.')[0]).toBe(String(f.number));
        expect(indicator.factor).toBe(f.number);
      });
    }
  });

  it('has a non-empty label without the `?` mark on every indicator', () => {
    for (const i of INDICATORS) {
      expect(i.label.trim()).toBe(i.label);
      expect(i.label.length).toBeGreaterThan(3);
      expect(i.label.startsWith('?')).toBe(false);
    }
  });

  it('labels the indicators from docs/domain.md', () => {
    expect(findIndicator('7.14')?.label).toBe('Inflammatory rhetoric, propaganda, hate speech');
    expect(findIndicator('1.1')?.label).toBe('Armed conflict (international or not)');
    expect(findIndicator('10.4')?.label).toBe(
      'Measures against reproduction or transfer of children',
    );
    expect(findIndicator('13.10')?.label).toBe('Preparation of prohibited weapons');
    expect(findIndicator('14.3')?.label).toBe('Obstruction of access and movement');
  });

  it('marks unverified exactly the indicators docs/domain.md marks `?` (and RF14, unnumbered)', () => {
    const unverified = INDICATORS.filter((i) => i.verification === 'unverified').map((i) => i.id);
    expect(unverified).toEqual(UNVERIFIED);
    expect(findIndicator('7.14')?.verification).toBe('checked');
    expect(findIndicator('12.4')?.verification).toBe('checked');
  });

  it('flags the factors whose list docs/domain.md says may go on', () => {
    expect(RISK_FACTORS.filter((f) => f.furtherIndicatorsUnverified).map((f) => f.number)).toEqual([
      11, 12, 13,
    ]);
  });

  it('finds indicators and their factors by id', () => {
    expect(isIndicatorId('7.14')).toBe(true);
    expect(isIndicatorId('14.3')).toBe(true);
    for (const bad of ['7.15', '15.1', '0.1', '7', '7.', '.14', '07.14', ' 7.14', 7.14, null]) {
      expect(isIndicatorId(bad)).toBe(false);
    }
    expect(findIndicator('7.15')).toBeUndefined();
    expect(factorOfIndicator('7.14')?.number).toBe(7);
    expect(factorOfIndicator('13.10')?.scope).toBe('war_crimes');
    expect(factorOfIndicator('99.1')).toBeUndefined();
    for (const i of INDICATORS) expect(factorOfIndicator(i.id)?.number).toBe(i.factor);
  });

  it('knows the factor numbers', () => {
    expect(isRiskFactorNumber(1)).toBe(true);
    expect(isRiskFactorNumber(14)).toBe(true);
    for (const bad of [0, 15, 1.5, '1', null]) expect(isRiskFactorNumber(bad)).toBe(false);
    expect(findRiskFactor(15)).toBeUndefined();
  });

  it('is frozen', () => {
    expect(Object.isFrozen(RISK_FACTORS)).toBe(true);
    expect(Object.isFrozen(RISK_FACTORS[6])).toBe(true);
    expect(Object.isFrozen(RISK_FACTORS[6].indicators)).toBe(true);
    expect(Object.isFrozen(RISK_FACTORS[6].indicators[13])).toBe(true);
  });

  it('is exported from the domain package', () => {
    expect(domain.RISK_FACTORS).toBe(RISK_FACTORS);
    expect(typeof domain.applicableFactors).toBe('function');
    expect(typeof domain.explainRiskLevel).toBe('function');
    expect(typeof domain.describeGrade).toBe('function');
    expect(typeof domain.rabatLevel).toBe('function');
  });
});
