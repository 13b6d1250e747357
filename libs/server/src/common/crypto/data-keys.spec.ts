import { describe, expect, it } from '@jest/globals';
import {
  DataKeyError,
  DataKeyring,
  formatDataKeyEntry,
  generateDataKeyEntry,
  parseDataKeyList,
} from './data-keys.js';

const B64 = 'zyevDq9BKp9LtwDkxwnWyoveQ4W1URNyTEGB7t7zr6E=';
const B64_2 = '4XzlvkVBta6sX5JR1Dge5Nubpy83Tr/yhBjwnsJ4Xn0=';

function problem(text: string): string {
  const parsed = parseDataKeyList(text);
  if (!('problem' in parsed)) throw new Error(`expected a problem with ${text}`);
  return parsed.problem;
}

describe('VIGIL_DATA_KEY', () => {
  it('is a comma-separated list of id:base64 entries, the first active', () => {
    const ring = DataKeyring.parse(` k2:${B64_2} , k1:${B64}`);
    expect(ring.ids).toEqual(['k2', 'k1']);
    expect(ring.active.id).toBe('k2');
    expect(ring.get('k1')?.id).toBe('k1');
    expect(ring.get('k3')).toBeUndefined();
    // base64url is accepted too.
    expect(DataKeyring.parse(`u:${B64.replace(/\+/g, '-').replace(/\//g, '_')}`).ids).toEqual([
      'u',
    ]);
  });

  it('says what is wrong without echoing key material', () => {
    expect(problem('')).toBe('is empty');
    expect(problem(' , ')).toBe('is empty');
    expect(problem(B64)).toBe('entry 1 is not id:base64key');
    expect(problem(`${B64}:k1`)).toBe('entry 1: the id must be 1–32 of a-z, 0-9, _ and -');
    expect(problem(`K1:${B64}`)).toMatch(/entry 1: the id/);
    expect(problem(`${'a'.repeat(33)}:${B64}`)).toMatch(/entry 1: the id/);
    expect(problem(`k1:${B64},k2:not base64!`)).toBe("key 'k2' is not base64");
    expect(problem(`k1:${B64.slice(0, 22)}`)).toBe("key 'k1' is 16 bytes, not 32");
    expect(problem(`k1:${B64},k1:${B64_2}`)).toBe("key id 'k1' appears twice");
    for (const bad of [B64, `${B64}:k1`, `k1:${B64.slice(0, 22)}`]) {
      expect(problem(bad)).not.toContain(B64.slice(0, 10));
    }
  });

  it('refuses a missing or malformed list at start, naming the variable', () => {
    expect(() => DataKeyring.parse(undefined)).toThrow(DataKeyError);
    expect(() => DataKeyring.parse(undefined)).toThrow(
      /^VIGIL_DATA_KEY: is required: must be id:base64key\[,id:base64key…\] with 32-byte keys; generate one with `npm run vigil -- keys:generate`$/,
    );
    expect(() => DataKeyring.parse('k1:short', '.vigil/data-keys')).toThrow(
      /^\.vigil\/data-keys: must be id:base64key.*\(key 'k1' is 3 bytes, not 32\)$/,
    );
  });

  it('generates keys that parse back, with dated ids', () => {
    const entry = generateDataKeyEntry(new Date('2026-12-07T10:00:00Z'));
    expect(entry.id).toMatch(/^k20261207-[0-9a-f]{4}$/);
    expect(entry.secret.length).toBe(32);
    const text = formatDataKeyEntry(entry);
    const parsed = parseDataKeyList(text);
    expect('entries' in parsed && parsed.entries[0]?.secret.equals(entry.secret)).toBe(true);
    expect(generateDataKeyEntry().secret.equals(entry.secret)).toBe(false);
  });
});
