import { createHash } from 'node:crypto';
import { testPool } from './factories.js';

// Large frozen versions written straight into document_versions: what the diff and PDF routes
// read, without freezing thousands of paragraphs through the api first.

const WORDS = [
  'risk',
  'situation',
  'violence',
  'armed',
  'group',
  'civilians',
  'displacement',
  'report',
  'hate',
  'speech',
  'militia',
  'border',
  'election',
  'tension',
  'village',
  'market',
];

/** A deterministic stream of words (the same text every run). */
export function wordSource(seed: number): (count: number) => string {
  let state = seed;
  return (count) =>
    Array.from({ length: count }, () => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return WORDS[Math.floor((state / 2147483648) * WORDS.length)];
    }).join(' ');
}

/** `paragraphs` paragraphs of `words` words each. */
export function paragraphs(count: number, words: number, seed = 1): string[] {
  const next = wordSource(seed);
  return Array.from({ length: count }, () => next(words));
}

/** The same paragraphs with every other one rewritten: a diff with many changes everywhere. */
export function rewriteHalf(source: readonly string[], words: number, seed = 2): string[] {
  const next = wordSource(seed);
  return source.map((p, i) => (i % 2 === 1 ? next(words) : p));
}

/** Writes a frozen version of `documentId` with this text (and paragraphs as HTML). */
export async function insertVersion(
  documentId: string,
  number: number,
  blocks: readonly string[],
  userId: string,
): Promise<void> {
  const text = blocks.join('\n\n');
  const html = blocks.map((b) => `<p>${b}</p>`).join('');
  await testPool().query(
    `INSERT INTO document_versions (document_id, number, reason, status, text, html, sha256, created_by)
     VALUES ($1, $2, 'saved', 'drafting', $3, $4, $5, $6)`,
    [documentId, number, text, html, createHash('sha256').update(text).digest('hex'), userId],
  );
}
