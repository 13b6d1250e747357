import { describe, expect, it } from '@jest/globals';
import { DataKeyring, deriveDataKey } from './data-keys.js';
import {
  FIELD_FORMAT_V1,
  FieldCipherError,
  fieldContext,
  openField,
  readFieldHeader,
  sealField,
} from './field-cipher.js';

const K1 = 'k1:zyevDq9BKp9LtwDkxwnWyoveQ4W1URNyTEGB7t7zr6E=';
const K2 = 'k2:4XzlvkVBta6sX5JR1Dge5Nubpy83Tr/yhBjwnsJ4Xn0=';
/** Another key under the id k1: the wrong bytes for a known id. */
const K1_WRONG = 'k1:uxvi06rcKACGANdeBGlA+QgXGMjNr0jXEFm8Cj6rD10=';

const ring = DataKeyring.parse(`${K1},${K2}`);
const key1 = ring.active;
const ID = '6f1d2c3b-1111-4222-8333-444455556666';
const NAME = fieldContext('sources', 'name', ID);

function failure(fn: () => unknown): FieldCipherError {
  try {
    fn();
  } catch (error) {
    if (error instanceof FieldCipherError) return error;
    throw error;
  }
  throw new Error('expected a FieldCipherError');
}

describe('the field cipher (AES-256-GCM with a versioned header)', () => {
  it('round-trips text of any kind, the empty string included', () => {
    for (const text of [
      'Goma field office',
      '',
      'Ñandú — «Zoë» 北京 العربية 🙂',
      'x'.repeat(5000),
    ]) {
      expect(openField(ring, sealField(key1, text, NAME), NAME)).toBe(text);
    }
  });

  it('writes version, key id, a fresh 96-bit nonce, the ciphertext and a 16-byte tag', () => {
    const a = sealField(key1, 'Informant Zed', NAME);
    const b = sealField(key1, 'Informant Zed', NAME);
    expect(a[0]).toBe(FIELD_FORMAT_V1);
    expect(a[1]).toBe(2);
    expect(a.subarray(2, 4).toString('latin1')).toBe('k1');
    expect(a.length).toBe(4 + 12 + 'Informant Zed'.length + 16);
    // Same text, same key: a fresh nonce each time, so nothing repeats.
    expect(a.subarray(4, 16).equals(b.subarray(4, 16))).toBe(false);
    expect(a.equals(b)).toBe(false);
    expect(a.includes(Buffer.from('Informant'))).toBe(false);
    expect(readFieldHeader(a)).toEqual({ version: 1, keyId: 'k1', length: 4 });
  });

  it('decrypts with whichever configured key the header names', () => {
    const underK2 = sealField(ring.get('k2') ?? key1, 'Old informant', NAME);
    expect(readFieldHeader(underK2).keyId).toBe('k2');
    expect(openField(ring, underK2, NAME)).toBe('Old informant');
  });

  it('detects any altered byte: header, nonce, ciphertext or tag', () => {
    const sealed = sealField(key1, 'Informant Zed', NAME);
    for (let i = 0; i < sealed.length; i += 1) {
      const altered = Buffer.from(sealed);
      altered[i] = (altered[i] ?? 0) ^ 0x01;
      const error = failure(() => openField(ring, altered, NAME));
      expect(['malformed', 'unknown_key', 'unauthenticated']).toContain(error.reason);
    }
    const truncated = sealed.subarray(0, sealed.length - 1);
    expect(failure(() => openField(ring, truncated, NAME)).reason).toBe('unauthenticated');
  });

  it('binds a value to its record and column (associated data)', () => {
    const sealed = sealField(key1, 'Informant Zed', NAME);
    const otherRow = fieldContext('sources', 'name', '00000000-0000-4000-8000-000000000000');
    const otherColumn = fieldContext('sources', 'contact_notes', ID);
    expect(failure(() => openField(ring, sealed, otherRow)).reason).toBe('unauthenticated');
    expect(failure(() => openField(ring, sealed, otherColumn)).reason).toBe('unauthenticated');
  });

  it('refuses a wrong key under a known id, and names an unknown id', () => {
    const sealed = sealField(key1, 'Informant Zed', NAME);
    const wrong = DataKeyring.parse(K1_WRONG);
    const error = failure(() => openField(wrong, sealed, NAME));
    expect(error).toMatchObject({ reason: 'unauthenticated', keyId: 'k1' });
    expect(error.message).not.toContain('Informant');
    const onlyK2 = DataKeyring.parse(K2);
    expect(failure(() => openField(onlyK2, sealed, NAME))).toMatchObject({
      reason: 'unknown_key',
      keyId: 'k1',
    });
  });

  it('refuses what is not a value it wrote: bad version, id length or id, too short', () => {
    const sealed = sealField(key1, 'x', NAME);
    const cases: Buffer[] = [
      Buffer.alloc(0),
      Buffer.from([1]),
      Buffer.concat([Buffer.from([2]), sealed.subarray(1)]), // unknown format version
      Buffer.concat([Buffer.from([1, 0]), sealed.subarray(2)]), // empty id
      Buffer.concat([Buffer.from([1, 33]), sealed.subarray(2)]), // id too long
      Buffer.concat([Buffer.from([1, 2]), Buffer.from('K!'), sealed.subarray(4)]), // bad id
      sealed.subarray(0, 4 + 12 + 15), // shorter than nonce + tag
      Buffer.from('Informant Zed in plain text'),
    ];
    for (const value of cases)
      expect(failure(() => readFieldHeader(value)).reason).toBe('malformed');
    for (const value of cases)
      expect(failure(() => openField(ring, value, NAME)).reason).toBe('malformed');
  });

  it('keeps the cipher key apart from the configured bytes and the index key (HKDF)', () => {
    const entry = { id: 'k1', secret: Buffer.from(K1.slice(3), 'base64') };
    const derived = deriveDataKey(entry);
    expect(derived.encryptionKey.equals(entry.secret)).toBe(false);
    expect(derived.indexKey.equals(entry.secret)).toBe(false);
    expect(derived.encryptionKey.equals(derived.indexKey)).toBe(false);
    expect(derived.encryptionKey.equals(key1.encryptionKey)).toBe(true);
  });
});
