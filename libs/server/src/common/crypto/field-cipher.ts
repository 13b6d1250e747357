import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { DATA_KEY_ID, type DataKey } from './data-keys.js';

/**
 * Encryption of one field value at rest: AES-256-GCM with a fresh 96-bit nonce per value.
 *
 *   byte 0         format version (1)
 *   byte 1         length n of the key id (1–32)
 *   bytes 2…n+1    key id (ASCII), so each value says which key encrypted it
 *   12 bytes       nonce
 *   …              ciphertext (as long as the UTF-8 plaintext)
 *   16 bytes       GCM authentication tag
 *
 * The associated data is the header followed by the value's context (table, column and record
 * id), so a value copied to another row or column, or given another header, fails to decrypt.
 */
export const FIELD_FORMAT_V1 = 1;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;

/** Why a value could not be decrypted. Never carries the value or the key. */
export type FieldCipherFailure = 'malformed' | 'unknown_key' | 'unauthenticated';

export class FieldCipherError extends Error {
  override readonly name = 'FieldCipherError';

  constructor(
    readonly reason: FieldCipherFailure,
    /** The key id the value names, when its header could be read. */
    readonly keyId: string | null,
  ) {
    super(
      reason === 'malformed'
        ? 'the stored value is not an encrypted value Vigil wrote'
        : reason === 'unknown_key'
          ? `the value is encrypted under key '${keyId}', which is not configured`
          : `the value does not authenticate under key '${keyId}' (wrong key, or altered)`,
    );
  }
}

/** The header of a stored value. */
export interface FieldHeader {
  version: number;
  keyId: string;
  /** Bytes the header takes (version, length, id). */
  length: number;
}

/** Where a value belongs: bound into its authentication. */
export function fieldContext(table: string, column: string, recordId: string): string {
  return `${table}.${column}:${recordId}`;
}

/** Encrypts `plaintext` under `key` for `context`. */
export function sealField(key: DataKey, plaintext: string, context: string): Buffer {
  const header = encodeHeader(key.id);
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key.encryptionKey, nonce, {
    authTagLength: TAG_BYTES,
  });
  cipher.setAAD(associatedData(header, context));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return Buffer.concat([header, nonce, body, cipher.getAuthTag()]);
}

/** Reads the header of a stored value; throws FieldCipherError('malformed') if it has none. */
export function readFieldHeader(value: Uint8Array): FieldHeader {
  const version = value[0];
  const idLength = value[1];
  if (version !== FIELD_FORMAT_V1 || idLength === undefined || idLength < 1 || idLength > 32)
    throw new FieldCipherError('malformed', null);
  const length = 2 + idLength;
  if (value.length < length + NONCE_BYTES + TAG_BYTES)
    throw new FieldCipherError('malformed', null);
  const keyId = Buffer.from(value.subarray(2, length)).toString('latin1');
  if (!DATA_KEY_ID.test(keyId)) throw new FieldCipherError('malformed', null);
  return { version, keyId, length };
}

/** Decrypts a stored value with whichever configured key its header names. */
export function openField(
  keys: { get(id: string): DataKey | undefined },
  value: Uint8Array,
  context: string,
): string {
  const stored = Buffer.from(value);
  const header = readFieldHeader(stored);
  const key = keys.get(header.keyId);
  if (!key) throw new FieldCipherError('unknown_key', header.keyId);
  const nonce = stored.subarray(header.length, header.length + NONCE_BYTES);
  const body = stored.subarray(header.length + NONCE_BYTES, stored.length - TAG_BYTES);
  const tag = stored.subarray(stored.length - TAG_BYTES);
  const decipher = createDecipheriv('aes-256-gcm', key.encryptionKey, nonce, {
    authTagLength: TAG_BYTES,
  });
  decipher.setAAD(associatedData(stored.subarray(0, header.length), context));
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
  } catch {
    throw new FieldCipherError('unauthenticated', header.keyId);
  }
}

function encodeHeader(keyId: string): Buffer {
  if (!DATA_KEY_ID.test(keyId)) throw new Error('invalid key id');
  const id = Buffer.from(keyId, 'latin1');
  return Buffer.concat([Buffer.from([FIELD_FORMAT_V1, id.length]), id]);
}

function associatedData(header: Uint8Array, context: string): Buffer {
  return Buffer.concat([header, Buffer.from([0]), Buffer.from(context, 'utf8')]);
}
