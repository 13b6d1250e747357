import { createHmac } from 'node:crypto';

/**
 * A keyed blind index: what lets a person find a source by a word of its name while the database
 * holds neither the name nor anything it could be recomputed from without the key.
 *
 * A name becomes its normalised words (NFKD, diacritics dropped, lower case, split on anything that
 * is not a letter or digit) plus every prefix of at least MIN_PREFIX characters of each word; each
 * term is an HMAC-SHA256 under the index sub-key, truncated to TOKEN_HEX hex characters. A typed
 * word matches a name that has it as a word or as the start of a word ("gom" finds "Goma").
 *
 * What it gives away (docs/security.md): which sources share a word or a prefix, and how many
 * terms a name has; not the words themselves.
 */
export const MIN_PREFIX = 3;
/** 64 bits: collisions between the terms of a few thousand names stay negligible. */
export const TOKEN_HEX = 16;

/** The words of `text` as the index sees them. */
export function normaliseWords(text: string): string[] {
  const words = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '');
  return [...new Set(words)];
}

/** Every term a name is found by: its words and their prefixes of MIN_PREFIX characters or more. */
export function indexTerms(text: string): string[] {
  const terms = new Set<string>();
  for (const word of normaliseWords(text)) {
    const chars = Array.from(word);
    terms.add(word);
    for (let n = MIN_PREFIX; n < chars.length; n += 1) terms.add(chars.slice(0, n).join(''));
  }
  return [...terms];
}

/** The token of one term under an index key, for the field `domain` (e.g. "sources.name"). */
export function blindToken(indexKey: Buffer, domain: string, term: string): string {
  return createHmac('sha256', indexKey)
    .update(`${domain}\u0000${term}`, 'utf8')
    .digest('hex')
    .slice(0, TOKEN_HEX);
}

/** The stored index of a value: one token per term, sorted (the order reveals nothing). */
export function blindIndex(indexKey: Buffer, domain: string, text: string): string[] {
  return indexTerms(text)
    .map((term) => blindToken(indexKey, domain, term))
    .sort();
}

/**
 * The tokens a search for `query` needs under one index key: one per typed word, each of which a
 * matching row's index must contain. Null when the query has no word at all.
 */
export function blindSearchTokens(
  indexKey: Buffer,
  domain: string,
  query: string,
): string[] | null {
  const words = normaliseWords(query);
  if (words.length === 0) return null;
  return words.map((word) => blindToken(indexKey, domain, word));
}
