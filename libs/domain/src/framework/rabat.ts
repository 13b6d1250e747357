// The Rabat threshold test for incitement (docs/domain.md "Incitement: the Rabat threshold test",
// docs/architecture.md §8): six parts, all needed before speech counts as incitement, and three
// tiers of response.

export const RABAT_PARTS = [
  'context',
  'speaker',
  'intent',
  'content_and_form',
  'extent',
  'likelihood_imminence',
] as const;
export type RabatPart = (typeof RABAT_PARTS)[number];

export const RABAT_PART_LABELS: Readonly<Record<RabatPart, string>> = Object.freeze({
  context: 'Social and political context',
  speaker: 'Status of the speaker',
  intent: 'Intent to incite against a target group (negligence is not enough)',
  content_and_form: 'Content and form',
  extent: 'Extent of dissemination',
  likelihood_imminence: 'Likelihood of harm, including imminence',
});

/** Lowest first. */
export const RABAT_LEVELS = ['of_concern', 'civil_or_administrative', 'incitement'] as const;
export type RabatLevel = (typeof RABAT_LEVELS)[number];

export const RABAT_LEVEL_LABELS: Readonly<Record<RabatLevel, string>> = Object.freeze({
  of_concern: 'Of concern',
  civil_or_administrative: 'May warrant civil or administrative action',
  incitement: 'Incitement (all six parts met)',
});

/** Which parts an analyst found met; a part left out counts as not met. */
export type RabatParts = Partial<Readonly<Record<RabatPart, boolean>>>;

/** Parts needed for the middle tier when not all six are met. */
export const RABAT_CIVIL_THRESHOLD = 4;

export function isRabatPart(value: unknown): value is RabatPart {
  return typeof value === 'string' && (RABAT_PARTS as readonly string[]).includes(value);
}

export function isRabatLevel(value: unknown): value is RabatLevel {
  return typeof value === 'string' && (RABAT_LEVELS as readonly string[]).includes(value);
}

export interface RabatExplanation {
  readonly level: RabatLevel;
  readonly met: RabatPart[];
  readonly missing: RabatPart[];
  readonly reasons: string[];
}

/**
 * The tier of a speech assessment, with the reasons.
 *
 * - **incitement**: all six parts met — the Rabat threshold for a criminal offence.
 * - **civil_or_administrative**: not all six, but at least 4 met. The criminal threshold is not
 *   reached (most often because intent is not established: negligence is not enough for a crime),
 *   but the speech is close enough to it to justify a civil or administrative response.
 * - **of_concern**: 3 or fewer parts met — worth monitoring, no more.
 */
export function explainRabat(parts: RabatParts): RabatExplanation {
  const met = RABAT_PARTS.filter((p) => parts[p] === true);
  const missing = RABAT_PARTS.filter((p) => parts[p] !== true);
  const names = (ps: readonly RabatPart[]): string =>
    ps.map((p) => RABAT_PART_LABELS[p].toLowerCase()).join('; ');
  if (missing.length === 0) {
    return {
      level: 'incitement',
      met,
      missing,
      reasons: ['all six parts of the Rabat test are met'],
    };
  }
  const reasons = [`${met.length} of 6 parts met; not met: ${names(missing)}`];
  if (missing.includes('intent')) {
    reasons.push('intent to incite is not established, so the speech is not a criminal offence');
  }
  if (met.length >= RABAT_CIVIL_THRESHOLD) {
    reasons.push(
      `at least ${RABAT_CIVIL_THRESHOLD} parts met: civil or administrative action may be warranted`,
    );
    return { level: 'civil_or_administrative', met, missing, reasons };
  }
  reasons.push(`fewer than ${RABAT_CIVIL_THRESHOLD} parts met: of concern only`);
  return { level: 'of_concern', met, missing, reasons };
}

/** The tier only: see {@link explainRabat} for the rule. */
export function rabatLevel(parts: RabatParts): RabatLevel {
  return explainRabat(parts).level;
}
