import { hkdfSync, randomBytes } from 'node:crypto';

/** A key id: 1–32 of a-z, 0-9, _ and -. It is written into every value the key encrypts. */
export const DATA_KEY_ID = /^[a-z0-9_-]{1,32}$/;

/** Bytes of a data key (AES-256). */
export const DATA_KEY_BYTES = 32;

/** What VIGIL_DATA_KEY must look like, and how to get one. */
export const DATA_KEY_FORMAT =
  'must be id:base64key[,id:base64key…] with 32-byte keys; generate one with `npm run vigil -- keys:generate`';

/** A key as configured: its id and its 32 secret bytes. */
export interface DataKeyEntry {
  id: string;
  secret: Buffer;
}

/** A key ready for use: the two sub-keys derived from it, never the key itself. */
export interface DataKey {
  id: string;
  /** AES-256-GCM key of the field cipher. */
  encryptionKey: Buffer;
  /** HMAC-SHA256 key of the blind index. */
  indexKey: Buffer;
}

/** A missing, malformed, wrong or unknown data key: the process must not start. */
export class DataKeyError extends Error {
  override readonly name = 'DataKeyError';
}

const BASE64 = /^[A-Za-z0-9+/_-]+={0,2}$/;

/**
 * Parses a comma-separated list of `id:base64key` entries (first = active). Returns the problem in
 * words otherwise; a problem names an entry by its position and its id only when that is a valid id
 * (a key pasted where the id goes must not be echoed into a log).
 */
export function parseDataKeyList(text: string): { entries: DataKeyEntry[] } | { problem: string } {
  const parts = text
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');
  if (parts.length === 0) return { problem: 'is empty' };
  const entries: DataKeyEntry[] = [];
  for (const [index, part] of parts.entries()) {
    const at = `entry ${index + 1}`;
    const colon = part.indexOf(':');
    if (colon < 0) return { problem: `${at} is not id:base64key` };
    const id = part.slice(0, colon);
    const encoded = part.slice(colon + 1);
    if (!DATA_KEY_ID.test(id))
      return { problem: `${at}: the id must be 1–32 of a-z, 0-9, _ and -` };
    if (!BASE64.test(encoded)) return { problem: `key '${id}' is not base64` };
    const secret = Buffer.from(encoded, 'base64');
    if (secret.length !== DATA_KEY_BYTES)
      return { problem: `key '${id}' is ${secret.length} bytes, not ${DATA_KEY_BYTES}` };
    if (entries.some((e) => e.id === id)) return { problem: `key id '${id}' appears twice` };
    entries.push({ id, secret });
  }
  return { entries };
}

/** One entry as VIGIL_DATA_KEY and `.vigil/data-keys` hold it. */
export function formatDataKeyEntry(entry: DataKeyEntry): string {
  return `${entry.id}:${entry.secret.toString('base64')}`;
}

/** A new random key with an id that says when it was made (`k20261207-3fa9`). */
export function generateDataKeyEntry(now = new Date()): DataKeyEntry {
  const day = now.toISOString().slice(0, 10).replaceAll('-', '');
  return { id: `k${day}-${randomBytes(2).toString('hex')}`, secret: randomBytes(DATA_KEY_BYTES) };
}

// HKDF (RFC 5869) separates the two uses of one configured key: the cipher and the blind index
// never share key material, and neither is the configured key itself.
const HKDF_SALT = Buffer.from('vigil data key v1');

/** Derives the sub-keys of one configured key. */
export function deriveDataKey(entry: DataKeyEntry): DataKey {
  const derive = (info: string) =>
    Buffer.from(hkdfSync('sha256', entry.secret, HKDF_SALT, info, 32));
  return {
    id: entry.id,
    encryptionKey: derive('vigil/field-encryption/aes-256-gcm'),
    indexKey: derive('vigil/blind-index/hmac-sha256'),
  };
}

/** The configured keys: the first encrypts new values, every one decrypts. */
export class DataKeyring {
  private readonly byId: ReadonlyMap<string, DataKey>;

  constructor(
    readonly keys: readonly DataKey[],
    /** Where the keys came from, for messages: the variable or the file. */
    readonly origin = 'VIGIL_DATA_KEY',
  ) {
    if (keys.length === 0) throw new DataKeyError(`${origin}: no key configured`);
    this.byId = new Map(keys.map((k) => [k.id, k]));
  }

  /** A keyring from the text of VIGIL_DATA_KEY (or `.vigil/data-keys`). */
  static parse(text: string | undefined, name = 'VIGIL_DATA_KEY'): DataKeyring {
    if (text === undefined || text.trim() === '')
      throw new DataKeyError(`${name}: is required: ${DATA_KEY_FORMAT}`);
    const parsed = parseDataKeyList(text);
    if ('problem' in parsed)
      throw new DataKeyError(`${name}: ${DATA_KEY_FORMAT} (${parsed.problem})`);
    return new DataKeyring(parsed.entries.map(deriveDataKey), name);
  }

  /** The key new values are encrypted under. */
  get active(): DataKey {
    return this.keys[0] as DataKey;
  }

  get ids(): string[] {
    return this.keys.map((k) => k.id);
  }

  get(id: string): DataKey | undefined {
    return this.byId.get(id);
  }
}
