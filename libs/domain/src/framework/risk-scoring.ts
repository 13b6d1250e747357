import {
  findIndicator,
  findRiskFactor,
  isRiskFactorNumber,
  RISK_FACTOR_NUMBERS,
} from './catalogue.js';

// Ratings, the computed risk level and the trend of a risk assessment (docs/architecture.md §9).

/** A factor's rating: 0 absent, 1 low, 2 moderate, 3 high, 4 severe. */
export const RATINGS = [0, 1, 2, 3, 4] as const;
export type Rating = (typeof RATINGS)[number];
export const RATING_LABELS: Readonly<Record<Rating, string>> = Object.freeze({
  0: 'absent',
  1: 'low',
  2: 'moderate',
  3: 'high',
  4: 'severe',
});

/** How sure the analyst is of a rating. */
export const CONFIDENCES = ['low', 'medium', 'high'] as const;
export type Confidence = (typeof CONFIDENCES)[number];

/** The overall risk level of an assessment, lowest first. Order matters: trend compares ranks. */
export const RISK_LEVELS = ['low', 'moderate', 'high', 'very_high'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];
export const RISK_LEVEL_LABELS: Readonly<Record<RiskLevel, string>> = Object.freeze({
  low: 'low',
  moderate: 'moderate',
  high: 'high',
  very_high: 'very high',
});

/** Trend of a situation against its previous finalised assessment. */
export const RISK_TRENDS = ['deteriorated', 'unchanged', 'improved'] as const;
export type RiskTrend = (typeof RISK_TRENDS)[number];

export interface FactorRating {
  /** Risk factor number, 1–14. */
  readonly factor: number;
  readonly rating: Rating;
  readonly confidence: Confidence;
}

export function isRating(value: unknown): value is Rating {
  return typeof value === 'number' && (RATINGS as readonly number[]).includes(value);
}

export function isConfidence(value: unknown): value is Confidence {
  return typeof value === 'string' && (CONFIDENCES as readonly string[]).includes(value);
}

export function isRiskLevel(value: unknown): value is RiskLevel {
  return typeof value === 'string' && (RISK_LEVELS as readonly string[]).includes(value);
}

export function riskLevelRank(level: RiskLevel): number {
  return RISK_LEVELS.indexOf(level);
}

/**
 * The specific signs: the factors that show an atrocity crime under way or being planned rather
 * than a background risk — intent to destroy a group (10), a widespread or systematic attack on
 * civilians (11), a plan or policy to attack them (12), serious threats to those protected by
 * humanitarian law (13). One severe rating on any of them is enough for "very high".
 */
export const SPECIFIC_SIGN_FACTORS: readonly number[] = Object.freeze([10, 11, 12, 13]);

/** The thresholds of the rule in {@link explainRiskLevel}, in one place. */
export const RISK_THRESHOLDS = Object.freeze({
  /** This many severe ratings (on any factors) → very high. */
  severeForVeryHigh: 3,
  /** This many ratings of high or severe → high. */
  highOrSevereForHigh: 3,
  /** A mean rating at or above this → moderate. */
  meanForModerate: 1.5,
});

export interface RiskLevelExplanation {
  readonly level: RiskLevel;
  /** Why, in words: the rules that decided the level, then any caveats. */
  readonly reasons: string[];
  /** Mean rating over the ratings counted, or null when none were. */
  readonly mean: number | null;
  /** How many ratings were counted. */
  readonly counted: number;
}

export interface RiskLevelOptions {
  /**
   * The factors that apply to this assessment (see `applicableFactors`). Ratings on other factors
   * are left out and a reason says so. Applicable factors that were not rated are not assumed
   * absent: the mean is over the factors actually rated.
   */
  readonly applicableFactors?: readonly number[];
}

const name = (factor: number): string => {
  const found = findRiskFactor(factor);
  return found === undefined ? `RF${factor}` : `RF${factor} (${found.shortName})`;
};
const list = (ratings: readonly FactorRating[]): string =>
  ratings.map((r) => `RF${r.factor}`).join(', ');
const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/**
 * The risk level computed from the factor ratings, with the reasons in words.
 *
 * The rule, first match wins (ratings: 0 absent … 4 severe):
 * - **very high**: any factor among the specific signs (10, 11, 12, 13) rated severe, or at least
 *   3 factors rated severe;
 * - **high**: at least 1 factor rated severe, or at least 3 rated high or severe;
 * - **moderate**: at least 1 factor rated high, or a mean rating of at least 1.5;
 * - **low**: otherwise (also when nothing is rated).
 *
 * The peaks decide before the mean: one severe sign must never be averaged away by many calm
 * factors. The mean only lifts a situation with many moderate ratings and no peak to moderate.
 * Confidence does not lower the level — early warning errs on the side of caution — but a rating
 * that decided the level on low confidence is named in the reasons, so the analyst can firm it up.
 *
 * Validate the ratings first ({@link validateRatings}); this function trusts its input.
 */
export function explainRiskLevel(
  ratings: readonly FactorRating[],
  options: RiskLevelOptions = {},
): RiskLevelExplanation {
  const applicable = options.applicableFactors;
  const counted =
    applicable === undefined ? [...ratings] : ratings.filter((r) => applicable.includes(r.factor));
  const ignored = ratings.filter((r) => !counted.includes(r));
  const caveats: string[] = [];
  if (ignored.length > 0) {
    caveats.push(
      `${list(ignored)} ${ignored.length === 1 ? 'does' : 'do'} not apply to this assessment ` +
        `and ${ignored.length === 1 ? 'was' : 'were'} left out`,
    );
  }

  if (counted.length === 0) {
    return { level: 'low', reasons: ['no factor is rated', ...caveats], mean: null, counted: 0 };
  }

  const sum = counted.reduce((total, r) => total + r.rating, 0);
  const mean = sum / counted.length;
  const meanText = `the mean rating is ${mean.toFixed(2)} over ${plural(counted.length, 'rated factor', 'rated factors')}`;
  const severe = counted.filter((r) => r.rating === 4);
  const high = counted.filter((r) => r.rating === 3);
  const highOrSevere = counted.filter((r) => r.rating >= 3);
  const severeSigns = severe.filter((r) => SPECIFIC_SIGN_FACTORS.includes(r.factor));
  const t = RISK_THRESHOLDS;

  const decide = (): { level: RiskLevel; reasons: string[]; decisive: FactorRating[] } => {
    const reasons: string[] = [];
    const decisive: FactorRating[] = [];
    // very high
    for (const r of severeSigns) {
      reasons.push(
        `${name(r.factor)} is rated severe, and it is a specific sign of atrocity crimes`,
      );
      decisive.push(r);
    }
    if (severe.length >= t.severeForVeryHigh) {
      reasons.push(
        `${severe.length} factors are rated severe (${list(severe)}), at least ${t.severeForVeryHigh}`,
      );
      decisive.push(...severe);
    }
    if (reasons.length > 0) return { level: 'very_high', reasons, decisive };
    // high
    if (severe.length === 1) {
      reasons.push(`${name(severe[0].factor)} is rated severe`);
      decisive.push(...severe);
    } else if (severe.length > 1) {
      reasons.push(`${severe.length} factors are rated severe (${list(severe)})`);
      decisive.push(...severe);
    }
    if (highOrSevere.length >= t.highOrSevereForHigh) {
      reasons.push(
        `${highOrSevere.length} factors are rated high or severe (${list(highOrSevere)}), ` +
          `at least ${t.highOrSevereForHigh}`,
      );
      decisive.push(...highOrSevere);
    }
    if (reasons.length > 0) return { level: 'high', reasons, decisive };
    // moderate
    if (high.length === 1) {
      reasons.push(`${name(high[0].factor)} is rated high`);
      decisive.push(...high);
    } else if (high.length > 1) {
      reasons.push(`${high.length} factors are rated high (${list(high)})`);
      decisive.push(...high);
    }
    if (sum >= t.meanForModerate * counted.length) {
      reasons.push(`${meanText}, at least ${t.meanForModerate}`);
    }
    if (reasons.length > 0) return { level: 'moderate', reasons, decisive };
    // low
    return {
      level: 'low',
      reasons: ['no factor is rated high or severe', `${meanText}, below ${t.meanForModerate}`],
      decisive,
    };
  };

  const { level, reasons, decisive } = decide();
  const unsure = [...new Set(decisive)].filter((r) => r.confidence === 'low');
  if (unsure.length > 0) {
    caveats.push(
      `the ${unsure.length === 1 ? 'rating' : 'ratings'} of ${list(unsure)} that decided the ` +
        `level ${unsure.length === 1 ? 'rests' : 'rest'} on low confidence`,
    );
  }
  return { level, reasons: [...reasons, ...caveats], mean, counted: counted.length };
}

/** The risk level computed from the ratings: see {@link explainRiskLevel} for the rule. */
export function computeRiskLevel(
  ratings: readonly FactorRating[],
  options: RiskLevelOptions = {},
): RiskLevel {
  return explainRiskLevel(ratings, options).level;
}

/** Trend against the previous finalised assessment's level; null when there is none. */
export function computeTrend(current: RiskLevel, previous: RiskLevel | null): RiskTrend | null {
  if (previous === null) return null;
  const change = riskLevelRank(current) - riskLevelRank(previous);
  if (change > 0) return 'deteriorated';
  if (change < 0) return 'improved';
  return 'unchanged';
}

/** A rating as it arrives (a request body): shape checked, values not yet. */
export interface RatingInput {
  readonly factor: number;
  readonly rating: number;
  readonly confidence?: string;
  /** Indicators the rating rests on, e.g. `['7.14']`. */
  readonly indicatorIds?: readonly string[];
}

export interface RatingProblem {
  /** Position of the rating in the list, from 0. */
  readonly index: number;
  readonly field: 'factor' | 'rating' | 'confidence' | 'indicatorIds';
  readonly message: string;
}

/**
 * Everything wrong with a list of ratings, in words; an empty list when nothing is. Checks:
 * unknown factor, factor rated twice, factor not applicable, rating not a whole number 0–4,
 * confidence not low/medium/high, unknown indicator id, indicator of another factor.
 * A factor left unrated is not a problem (a draft may be partial): see {@link unratedFactors}.
 */
export function validateRatings(
  ratings: readonly RatingInput[],
  applicableFactors: readonly number[] = RISK_FACTOR_NUMBERS,
): RatingProblem[] {
  const problems: RatingProblem[] = [];
  const seen = new Set<number>();
  ratings.forEach((r, index) => {
    const at = `rating ${index + 1}`;
    const add = (field: RatingProblem['field'], message: string): void => {
      problems.push({ index, field, message: `${at}: ${message}` });
    };
    const known = isRiskFactorNumber(r.factor);
    if (!known) {
      add('factor', `risk factor ${String(r.factor)} does not exist (factors are numbered 1–14)`);
    } else if (seen.has(r.factor)) {
      add('factor', `risk factor ${r.factor} is rated more than once`);
    } else if (!applicableFactors.includes(r.factor)) {
      add('factor', `risk factor ${r.factor} does not apply to this assessment`);
    }
    if (known) seen.add(r.factor);
    if (!isRating(r.rating)) {
      const scale = '0 absent, 1 low, 2 moderate, 3 high, 4 severe';
      add(
        'rating',
        Number.isFinite(r.rating) && r.rating >= 0 && r.rating <= 4
          ? `rating ${String(r.rating)} is not a whole number from 0 to 4 (${scale})`
          : `rating ${String(r.rating)} is outside 0–4 (${scale})`,
      );
    }
    if (r.confidence !== undefined && !isConfidence(r.confidence)) {
      add('confidence', `confidence "${r.confidence}" is not one of ${CONFIDENCES.join(', ')}`);
    }
    for (const id of r.indicatorIds ?? []) {
      const indicator = findIndicator(id);
      if (indicator === undefined) {
        add('indicatorIds', `indicator ${id} is not in the Framework of Analysis`);
      } else if (known && indicator.factor !== r.factor) {
        add(
          'indicatorIds',
          `indicator ${id} belongs to risk factor ${indicator.factor}, not ${r.factor}`,
        );
      }
    }
  });
  return problems;
}

/** The applicable factors that have no rating yet, in catalogue order. */
export function unratedFactors(
  ratings: readonly Pick<RatingInput, 'factor'>[],
  applicableFactors: readonly number[] = RISK_FACTOR_NUMBERS,
): number[] {
  const rated = new Set(ratings.map((r) => r.factor));
  return RISK_FACTOR_NUMBERS.filter((n) => applicableFactors.includes(n) && !rated.has(n));
}
