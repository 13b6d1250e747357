import {
  applicableFactors,
  isRating,
  unratedFactors,
  type Confidence,
  type CrimeType,
  type FactorRating,
  type Rating,
  type RiskLevel,
} from '@vigil/domain';
import type {
  Assessment,
  AssessmentFlag,
  CreateAssessmentInput,
  RatingInput,
  UpdateAssessmentInput,
} from '../api/assessments-api';
import { thisMonth } from './assessment-labels';

/** One factor as edited; kept for all 14 so unticking a crime type loses nothing. */
export interface FactorValues {
  rating: Rating | '';
  confidence: Confidence;
  rationale: string;
  evidenceItemIds: string[];
  indicatorIds: string[];
}

export interface AssessmentFormValues {
  period: string;
  crimeTypes: CrimeType[];
  factors: Record<number, FactorValues>;
  overallLevel: RiskLevel | '';
  flags: AssessmentFlag[];
  summary: string;
}

const FACTOR_NUMBERS = Array.from({ length: 14 }, (_, i) => i + 1);

export function emptyFactor(): FactorValues {
  return { rating: '', confidence: 'medium', rationale: '', evidenceItemIds: [], indicatorIds: [] };
}

export function emptyAssessmentForm(): AssessmentFormValues {
  return {
    period: thisMonth(),
    crimeTypes: [],
    factors: Object.fromEntries(FACTOR_NUMBERS.map((n) => [n, emptyFactor()])),
    overallLevel: '',
    flags: [],
    summary: '',
  };
}

export function assessmentToForm(assessment: Assessment): AssessmentFormValues {
  const values = emptyAssessmentForm();
  for (const r of assessment.ratings) {
    values.factors[r.factor] = {
      rating: isRating(r.rating) ? r.rating : '',
      confidence: r.confidence,
      rationale: r.rationale,
      evidenceItemIds: [...r.evidenceItemIds],
      indicatorIds: [...r.indicatorIds],
    };
  }
  return {
    ...values,
    period: assessment.period,
    crimeTypes: [...assessment.crimeTypes],
    overallLevel: assessment.overallLevel ?? '',
    flags: [...assessment.flags],
    summary: assessment.summary,
  };
}

/** The factors that apply to the chosen crime types (all 14 when none is chosen). */
export function applicable(values: AssessmentFormValues): number[] {
  return applicableFactors(values.crimeTypes);
}

/** Rated factors that would not apply any more: their ratings are not sent. */
export function strandedFactors(values: AssessmentFormValues): number[] {
  const apply = applicable(values);
  return FACTOR_NUMBERS.filter((n) => !apply.includes(n) && values.factors[n]?.rating !== '');
}

/** The ratings to send: applicable factors that have a rating, in factor order. */
export function toRatings(values: AssessmentFormValues): RatingInput[] {
  return applicable(values).flatMap((factor) => {
    const f = values.factors[factor];
    if (!f || f.rating === '') return [];
    return [
      {
        factor,
        rating: f.rating,
        confidence: f.confidence,
        rationale: f.rationale.trim(),
        evidenceItemIds: f.evidenceItemIds,
        indicatorIds: f.indicatorIds,
      },
    ];
  });
}

/** The ratings as the level rule takes them (applicable and rated only). */
export function factorRatings(values: AssessmentFormValues): FactorRating[] {
  return toRatings(values).flatMap((r) =>
    isRating(r.rating) ? [{ factor: r.factor, rating: r.rating, confidence: r.confidence }] : [],
  );
}

export function toCreateBody(values: AssessmentFormValues): CreateAssessmentInput {
  return {
    period: values.period,
    crimeTypes: values.crimeTypes,
    ratings: toRatings(values),
    overallLevel: values.overallLevel || undefined,
    flags: values.flags,
    summary: values.summary,
  };
}

export function toUpdateBody(values: AssessmentFormValues, version: number): UpdateAssessmentInput {
  return {
    version,
    crimeTypes: values.crimeTypes,
    ratings: toRatings(values),
    overallLevel: values.overallLevel || null,
    flags: values.flags,
    summary: values.summary,
  };
}

/** Checks before saving a draft (a draft may leave factors unrated). */
export function validateDraft(values: AssessmentFormValues): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(values.period))
    errors['period'] = 'Choose the month the assessment is for.';
  else if (values.period > thisMonth()) errors['period'] = 'The month cannot be in the future.';
  for (const factor of applicable(values)) {
    const f = values.factors[factor];
    if (f && f.rating === '' && hasContent(f))
      errors[`rf${factor}.rating`] =
        'Choose a rating: without one, the rationale, evidence and indicators of this factor are not saved.';
  }
  return errors;
}

/** What finalising needs: an overall level and every applicable factor rated. */
export function validateFinal(values: AssessmentFormValues): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const factor of unratedFactors(toRatings(values), applicable(values)))
    errors[`rf${factor}.rating`] = 'Rate this factor before finalising.';
  if (!values.overallLevel) errors['overallLevel'] = 'Choose the overall level before finalising.';
  return errors;
}

/**
 * Server field messages keyed for the form: `ratings.3.rating` becomes `rf7.rating` when the
 * fourth rating sent was for factor 7.
 */
export function formFieldErrors(
  fieldErrors: Record<string, string>,
  sent: readonly RatingInput[],
): Record<string, string> {
  const result: Record<string, string> = {};
  let placed = false;
  for (const [field, message] of Object.entries(fieldErrors)) {
    const match = /^ratings\.(\d+)\.(\w+)$/.exec(field);
    const factor = match ? sent[Number(match[1])]?.factor : undefined;
    if (match && factor !== undefined) {
      result[`rf${factor}.${match[2]}`] ??= message;
      placed = true;
    } else if (!field.startsWith('ratings')) {
      result[field] ??= message;
    }
  }
  // A problem with the ratings as a whole, not placed beside one factor.
  if (!placed && fieldErrors['ratings']) result['ratings'] = fieldErrors['ratings'];
  return result;
}

function hasContent(f: FactorValues): boolean {
  return f.rationale.trim() !== '' || f.evidenceItemIds.length > 0 || f.indicatorIds.length > 0;
}

/** Same content, whatever the order of ids. */
export function sameValues(a: AssessmentFormValues, b: AssessmentFormValues): boolean {
  const normal = (v: AssessmentFormValues) =>
    JSON.stringify({
      ...v,
      period: '',
      crimeTypes: [...v.crimeTypes].sort(),
      flags: [...v.flags].sort(),
      factors: FACTOR_NUMBERS.map((n) => {
        const f = v.factors[n] ?? emptyFactor();
        // An unrated factor with nothing in it is not saved, whatever its confidence says.
        if (f.rating === '' && !hasContent(f)) return emptyFactor();
        return {
          ...f,
          rationale: f.rationale.trim(),
          evidenceItemIds: [...f.evidenceItemIds].sort(),
          indicatorIds: [...f.indicatorIds].sort(),
        };
      }),
    });
  return normal(a) === normal(b);
}
