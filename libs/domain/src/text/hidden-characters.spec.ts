import { describe, expect, it } from '@jest/globals';
import { parseCaseReference } from '../workflow/case-reference.js';
import {
  findHiddenCharacter,
  showHiddenCharacters,
  splitHiddenCharacters,
} from './hidden-characters.js';

describe('hidden characters', () => {
  it.each([
    ['report\u202Efdp.txt', 'U+202E'],
    ['a\u202Ab', 'U+202A'],
    ['a\u2066b\u2069', 'U+2066'],
    ['a\u2067b', 'U+2067'],
    ['a\u2068b', 'U+2068'],
    ['a\u200Eb', 'U+200E'],
    ['a\u200Fb', 'U+200F'],
    ['a\u061Cb', 'U+061C'],
    ['zero\u200Bwidth', 'U+200B'],
    ['non\u200Cjoiner', 'U+200C'],
    ['joiner\u200D', 'U+200D'],
    ['\uFEFFbom', 'U+FEFF'],
    ['word\u2060joiner', 'U+2060'],
    ['soft\u00ADhyphen', 'U+00AD'],
    ['filler\u3164', 'U+3164'],
    ['tag\u{E0041}', 'U+E0041'],
    ['bell\u0007', 'U+0007'],
    ['c1\u0085', 'U+0085'],
    ['line\u2028separator', 'U+2028'],
  ])('finds the hidden character in %j (%s)', (text, name) => {
    expect(findHiddenCharacter(text)).toBe(name);
  });

  it.each([
    'report.pdf',
    'تقرير الوضع.pdf',
    'Доклад 2026.docx',
    '报告.txt',
    'Informe de situación (versión 2).pdf',
    'heart ❤️.png',
    'Kurde – Hewlêr.jpg',
  ])('leaves ordinary text alone: %j', (text) => {
    expect(findHiddenCharacter(text)).toBeNull();
    expect(showHiddenCharacters(text)).toBe(text);
    expect(splitHiddenCharacters(text)).toEqual([{ text }]);
  });

  it('writes each hidden character out where it stood', () => {
    expect(showHiddenCharacters('report\u202Efdp.txt')).toBe('report⟨U+202E⟩fdp.txt');
    expect(showHiddenCharacters('\u200B\u200B')).toBe('⟨U+200B⟩⟨U+200B⟩');
    expect(splitHiddenCharacters('a\u2066b\u2069')).toEqual([
      { text: 'a' },
      { text: '\u2066', hidden: 'U+2066' },
      { text: 'b' },
      { text: '\u2069', hidden: 'U+2069' },
    ]);
    expect(splitHiddenCharacters('')).toEqual([]);
  });
});

describe('case references', () => {
  it('reads four digits up to 9999 and more past it, one spelling per number', () => {
    expect(parseCaseReference('SIT-2026-0001')).toEqual({ year: 2026, number: 1 });
    expect(parseCaseReference('SIT-2026-9999')).toEqual({ year: 2026, number: 9999 });
    expect(parseCaseReference('SIT-2026-10000')).toEqual({ year: 2026, number: 10000 });
    expect(parseCaseReference('SIT-2026-123456')).toEqual({ year: 2026, number: 123456 });
    for (const bad of [
      'SIT-2026-001',
      'SIT-2026-01000',
      'SIT-26-0001',
      'sit-2026-0001',
      'SIT-2026-1e4',
    ])
      expect(parseCaseReference(bad)).toBeNull();
  });
});
