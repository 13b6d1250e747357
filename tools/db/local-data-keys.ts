import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  DataKeyError,
  DataKeyring,
  formatDataKeyEntry,
  generateDataKeyEntry,
  parseDataKeyList,
} from '@vigil/server';
import { VIGIL_DIR } from './local-database.js';

/** The data keys of a local checkout (git-ignored), beside `.vigil/jwt-secret`. */
export const DATA_KEYS_FILE = resolve(VIGIL_DIR, 'data-keys');
const FILE_LABEL = '.vigil/data-keys';

/** The configured data keys: VIGIL_DATA_KEY if set, else `.vigil/data-keys`, else none. */
export function localDataKeys(): { text: string; origin: string; fromFile: boolean } | null {
  const env = process.env.VIGIL_DATA_KEY;
  if (env !== undefined && env.trim() !== '')
    return { text: env, origin: 'VIGIL_DATA_KEY', fromFile: false };
  if (!existsSync(DATA_KEYS_FILE)) return null;
  return { text: readKeysFile(), origin: FILE_LABEL, fromFile: true };
}

/** The keyring of localDataKeys(); a clear refusal when there is none or it is malformed. */
export function localKeyring(): DataKeyring {
  const keys = localDataKeys();
  if (!keys) {
    throw new DataKeyError(
      'No data key: set VIGIL_DATA_KEY, or start Vigil once with `npm start` (it creates ' +
        '.vigil/data-keys); `npm run vigil -- keys:generate` makes a new key.',
    );
  }
  return DataKeyring.parse(keys.text, keys.origin);
}

/**
 * Sets VIGIL_DATA_KEY from `.vigil/data-keys` when it is not set, so migrations (which encrypt
 * existing sources) and Nest services in this process see the same keys. Returns the origin.
 */
export function exportLocalDataKeys(): string | null {
  const keys = localDataKeys();
  if (keys) process.env.VIGIL_DATA_KEY = keys.text;
  return keys?.origin ?? null;
}

/**
 * For `npm start`: the keys of `.vigil/data-keys`, generated on first start (mode 0600, one
 * `id:base64` entry). Returns the text and whether it was just made.
 */
export function ensureLocalDataKeys(): { text: string; created: boolean } {
  if (existsSync(DATA_KEYS_FILE)) return { text: readKeysFile(), created: false };
  mkdirSync(VIGIL_DIR, { recursive: true });
  const text = formatDataKeyEntry(generateDataKeyEntry());
  writeKeysFile(text);
  return { text, created: true };
}

/** Puts `entry` first in `.vigil/data-keys` (it becomes the active key). */
export function prependLocalDataKey(entry: string): void {
  const current = existsSync(DATA_KEYS_FILE) ? entries(readKeysFile()) : [];
  writeKeysFile([entry, ...current].join(','));
}

/** Removes key `id` from `.vigil/data-keys`; false if it was not there or is the only key. */
export function removeLocalDataKey(id: string): boolean {
  if (!existsSync(DATA_KEYS_FILE)) return false;
  const current = entries(readKeysFile());
  const kept = current.filter((e) => !e.startsWith(`${id}:`));
  if (kept.length === current.length || kept.length === 0) return false;
  writeKeysFile(kept.join(','));
  return true;
}

function readKeysFile(): string {
  const text = readFileSync(DATA_KEYS_FILE, 'utf8').trim();
  const parsed = parseDataKeyList(text);
  if ('problem' in parsed) throw new DataKeyError(`${FILE_LABEL}: malformed (${parsed.problem})`);
  return text;
}

function entries(text: string): string[] {
  return text
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
}

function writeKeysFile(text: string): void {
  writeFileSync(DATA_KEYS_FILE, `${text}\n`, { mode: 0o600 });
  chmodSync(DATA_KEYS_FILE, 0o600);
}
