// Source grading on the Admiralty scale (docs/domain.md "Source grading (Admiralty scale)"): the
// source's reliability (A–F) and the information's credibility (1–6) are rated independently and
// written together, e.g. "B2".

export const RELIABILITY = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
export type Reliability = (typeof RELIABILITY)[number];

export const RELIABILITY_MEANINGS: Readonly<Record<Reliability, string>> = Object.freeze({
  A: 'completely reliable',
  B: 'usually reliable',
  C: 'fairly reliable',
  D: 'not usually reliable',
  E: 'unreliable',
  F: 'reliability cannot be judged',
});

export const CREDIBILITY = [1, 2, 3, 4, 5, 6] as const;
export type Credibility = (typeof CREDIBILITY)[number];

export const CREDIBILITY_MEANINGS: Readonly<Record<Credibility, string>> = Object.freeze({
  1: 'confirmed by other sources',
  2: 'probably true',
  3: 'possibly true',
  4: 'doubtful',
  5: 'improbable',
  6: 'truth cannot be judged',
});

/** A grade as written: reliability letter then credibility digit, e.g. `'B2'`. */
export type Grade = `${Reliability}${Credibility}`;

/** All 36 grades, A1 … F6. */
export const GRADES: readonly Grade[] = Object.freeze(
  RELIABILITY.flatMap((r) => CREDIBILITY.map((c): Grade => `${r}${c}`)),
);

export function isReliability(value: unknown): value is Reliability {
  return typeof value === 'string' && (RELIABILITY as readonly string[]).includes(value);
}

export function isCredibility(value: unknown): value is Credibility {
  return typeof value === 'number' && (CREDIBILITY as readonly number[]).includes(value);
}

export function isGrade(value: unknown): value is Grade {
  return typeof value === 'string' && (GRADES as readonly string[]).includes(value);
}

/** The written grade: `gradeOf('B', 2)` → `'B2'`. */
export function gradeOf(reliability: Reliability, credibility: Credibility): Grade {
  return `${reliability}${credibility}`;
}

/**
 * The two parts of a written grade, or null when it is not one. Surrounding spaces and a lower-case
 * letter are accepted (`' b2 '`); anything else is not.
 */
export function parseGrade(
  text: string,
): { reliability: Reliability; credibility: Credibility } | null {
  const match = /^([A-Fa-f])([1-6])$/.exec(text.trim());
  if (match === null) return null;
  const reliability = match[1].toUpperCase();
  const credibility = Number(match[2]);
  if (!isReliability(reliability) || !isCredibility(credibility)) return null;
  return { reliability, credibility };
}

/** The source part of a grade in words: "usually reliable source". */
export function describeReliability(reliability: Reliability): string {
  return reliability === 'F'
    ? 'source reliability cannot be judged'
    : `${RELIABILITY_MEANINGS[reliability]} source`;
}

/** The information part of a grade in words: "information probably true". */
export function describeCredibility(credibility: Credibility): string {
  return `information ${CREDIBILITY_MEANINGS[credibility]}`;
}

/**
 * A grade in words: `describeGrade('B2')` → "usually reliable source; information probably true".
 * Throws on a string that is not a grade (see {@link parseGrade} for untrusted input).
 */
export function describeGrade(grade: Grade | string): string {
  const parts = parseGrade(grade);
  if (parts === null) throw new RangeError(`"${grade}" is not a source grade (A1 … F6)`);
  return `${describeReliability(parts.reliability)}; ${describeCredibility(parts.credibility)}`;
}
