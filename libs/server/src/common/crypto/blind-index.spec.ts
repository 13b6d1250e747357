import { describe, expect, it } from '@jest/globals';
import {
  blindIndex,
  blindSearchTokens,
  blindToken,
  indexTerms,
  normaliseWords,
  TOKEN_HEX,
} from './blind-index.js';
import { DataKeyring } from './data-keys.js';

const ring = DataKeyring.parse(
  'k1:zyevDq9BKp9LtwDkxwnWyoveQ4W1URNyTEGB7t7zr6E=,k2:4XzlvkVBta6sX5JR1Dge5Nubpy83Tr/yhBjwnsJ4Xn0=',
);
const key = ring.active.indexKey;
const DOMAIN = 'sources.name';

/** Whether a search for `query` finds a name indexed as `name` (what `@>` does in SQL). */
function finds(name: string, query: string): boolean {
  const index = new Set(blindIndex(key, DOMAIN, name));
  const tokens = blindSearchTokens(key, DOMAIN, query);
  return tokens !== null && tokens.every((t) => index.has(t));
}

describe('the blind index of source names', () => {
  it('normalises: decomposes, drops diacritics, lower-cases, splits on non-letters', () => {
    expect(normaliseWords('OHCHR field-office, GŌMA (Nord-Kivu)')).toEqual([
      'ohchr',
      'field',
      'office',
      'goma',
      'nord',
      'kivu',
    ]);
    expect(normaliseWords('Zoë Ñandú Ærø ﬁeld')).toEqual(['zoe', 'nandu', 'ærø', 'field']);
    expect(normaliseWords('مُحَمَّد علي')).toEqual(['محمد', 'علي']);
    expect(normaliseWords('  —  !! ')).toEqual([]);
    expect(normaliseWords('Goma goma GOMA')).toEqual(['goma']);
  });

  it('indexes words and their prefixes of three characters or more', () => {
    expect(indexTerms('Goma office').sort()).toEqual(
      ['goma', 'gom', 'office', 'off', 'offi', 'offic'].sort(),
    );
    expect(indexTerms('UN')).toEqual(['un']);
  });

  it('finds by word and by prefix, in any order and case, and nothing else', () => {
    const name = 'OHCHR field office, Goma';
    expect(finds(name, 'goma')).toBe(true);
    expect(finds(name, 'gom')).toBe(true);
    expect(finds(name, 'GŌM')).toBe(true);
    expect(finds(name, 'office goma')).toBe(true);
    expect(finds(name, 'fie  ohchr')).toBe(true);
    expect(finds(name, 'go')).toBe(false); // under three characters: whole words only
    expect(finds(name, 'oma')).toBe(false); // not the start of a word
    expect(finds(name, 'goma bukavu')).toBe(false); // every word must match
    expect(finds(name, 'bukavu')).toBe(false);
    expect(finds('UN team', 'un')).toBe(true);
    expect(blindSearchTokens(key, DOMAIN, ' ?! ')).toBeNull();
  });

  it('stores only truncated keyed hashes: no term, in any form, is in the index', () => {
    const name = 'Informant Zed of Goma';
    const index = blindIndex(key, DOMAIN, name);
    expect(index.length).toBe(new Set(index).size);
    for (const token of index) expect(token).toMatch(new RegExp(`^[0-9a-f]{${TOKEN_HEX}}$`));
    const joined = index.join(' ');
    for (const term of indexTerms(name)) {
      expect(joined).not.toContain(term);
      expect(joined).not.toContain(Buffer.from(term).toString('hex'));
    }
    expect(index).toEqual([...index].sort());
  });

  it('depends on the key and the field: other keys and fields give other tokens', () => {
    const other = ring.get('k2')?.indexKey ?? key;
    expect(blindToken(key, DOMAIN, 'goma')).not.toBe(blindToken(other, DOMAIN, 'goma'));
    expect(blindToken(key, DOMAIN, 'goma')).not.toBe(blindToken(key, 'sources.other', 'goma'));
    expect(blindToken(key, DOMAIN, 'goma')).toBe(blindToken(key, DOMAIN, 'goma'));
    expect(blindToken(key, DOMAIN, 'goma')).not.toBe(blindToken(key, DOMAIN, 'gom'));
  });
});
