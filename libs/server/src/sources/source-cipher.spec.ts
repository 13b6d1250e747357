import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import { DataKeyring } from '../common/crypto/data-keys.js';
import { SourceCipher } from './source-cipher.js';

const K1 = 'k1:zyevDq9BKp9LtwDkxwnWyoveQ4W1URNyTEGB7t7zr6E=';
const K2 = 'k2:4XzlvkVBta6sX5JR1Dge5Nubpy83Tr/yhBjwnsJ4Xn0=';
const ID = '0b6d4c1e-2222-4333-8444-555566667777';

describe('the source cipher', () => {
  afterEach(() => {
    jest.restoreAllMocks();
  });

  it('seals name and contact notes under the active key, bound to the row, and opens them', () => {
    const cipher = new SourceCipher(DataKeyring.parse(`${K2},${K1}`));
    const sealed = cipher.seal(ID, { name: 'Informant Zed', contactNotes: 'Café du Lac' });
    expect(sealed.keyId).toBe('k2');
    const row = {
      id: ID,
      key_id: sealed.keyId,
      name_enc: sealed.nameEnc,
      contact_notes_enc: sealed.contactNotesEnc,
    };
    expect(cipher.open(row)).toEqual({ name: 'Informant Zed', contactNotes: 'Café du Lac' });
    // The two values are not interchangeable: each is bound to its column.
    const swapped = { ...row, name_enc: row.contact_notes_enc, contact_notes_enc: row.name_enc };
    expect(cipher.open(swapped)).toBeNull();
  });

  it('reports an unreadable identity as null and logs the source id and key id only', () => {
    const error = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const sealed = new SourceCipher(DataKeyring.parse(K1)).seal(ID, {
      name: 'Informant Zed',
      contactNotes: 'Phone via cousin',
    });
    const corrupted = Buffer.from(sealed.nameEnc);
    corrupted[corrupted.length - 1] = (corrupted[corrupted.length - 1] ?? 0) ^ 0xff;
    const cipher = new SourceCipher(DataKeyring.parse(`${K2},${K1}`));
    const row = {
      id: ID,
      key_id: 'k1',
      name_enc: corrupted,
      contact_notes_enc: sealed.contactNotesEnc,
    };
    expect(cipher.open(row)).toBeNull();
    expect(cipher.openName(row)).toBeNull();
    expect(error).toHaveBeenCalledTimes(2);
    const logged = JSON.stringify(error.mock.calls);
    expect(logged).toContain(ID);
    expect(logged).toContain("key 'k1'");
    expect(logged).not.toContain('Informant');
    expect(logged).not.toContain('cousin');
    expect(logged).not.toContain(corrupted.toString('hex').slice(0, 16));
  });

  it('gives one list of search tokens per configured key, and none for a query without words', () => {
    const cipher = new SourceCipher(DataKeyring.parse(`${K2},${K1}`));
    const tokens = cipher.searchTokens('Goma office');
    expect(tokens).toHaveLength(2);
    expect(tokens?.[0]).toHaveLength(2);
    expect(tokens?.[0]).not.toEqual(tokens?.[1]);
    expect(cipher.searchTokens('  -- ')).toBeNull();
  });
});
