import { RISK_FACTORS, type RiskFactor } from './catalogue.js';

/** The atrocity crimes and their incitement, as an information item or a case records them. */
export const CRIME_TYPES = [
  'genocide',
  'war_crimes',
  'ethnic_cleansing',
  'crimes_against_humanity',
  'incitement',
] as const;
export type CrimeType = (typeof CRIME_TYPES)[number];

export const CRIME_TYPE_LABELS: Readonly<Record<CrimeType, string>> = Object.freeze({
  genocide: 'Genocide',
  war_crimes: 'War crimes',
  ethnic_cleansing: 'Ethnic cleansing',
  crimes_against_humanity: 'Crimes against humanity',
  incitement: 'Incitement',
});

/** Whether a value names a crime type. */
export function isCrimeType(value: unknown): value is CrimeType {
  return typeof value === 'string' && (CRIME_TYPES as readonly string[]).includes(value);
}

/*
 * Which risk factors apply to which crime types.
 *
 * - Factors 1–8 are common risk factors: they apply whatever the crime.
 * - Genocide: 9–10. Crimes against humanity: 11–12. War crimes: 13–14 (docs/architecture.md §9).
 * - Ethnic cleansing is not a separate crime in international law; it may constitute genocide,
 *   crimes against humanity or war crimes. Which one is not known in advance, so all the specific
 *   factors 9–14 apply.
 * - Incitement: the Framework singles out incitement to genocide (RF10 reads "documents or
 *   statements revealing intent or incitement"; RF9 is the intergroup tension incitement feeds on),
 *   so 9–10 apply on top of the common factors.
 * - No crime type given: nothing narrows the assessment, so all 14 factors apply.
 */
const SPECIFIC_FACTORS: Readonly<Record<CrimeType, readonly number[]>> = Object.freeze({
  genocide: [9, 10],
  crimes_against_humanity: [11, 12],
  war_crimes: [13, 14],
  ethnic_cleansing: [9, 10, 11, 12, 13, 14],
  incitement: [9, 10],
});

/**
 * The numbers of the risk factors that apply to an assessment concerned with `crimeTypes`, in
 * catalogue order. Duplicates in the input do no harm; an empty list means all 14.
 */
export function applicableFactors(crimeTypes: readonly CrimeType[]): number[] {
  if (crimeTypes.length === 0) return RISK_FACTORS.map((f) => f.number);
  const wanted = new Set<number>();
  for (const factor of RISK_FACTORS) if (factor.scope === 'common') wanted.add(factor.number);
  for (const crimeType of crimeTypes) for (const n of SPECIFIC_FACTORS[crimeType]) wanted.add(n);
  return RISK_FACTORS.map((f) => f.number).filter((n) => wanted.has(n));
}

/** Like {@link applicableFactors}, returning the factors themselves. */
export function applicableRiskFactors(crimeTypes: readonly CrimeType[]): RiskFactor[] {
  const numbers = new Set(applicableFactors(crimeTypes));
  return RISK_FACTORS.filter((f) => numbers.has(f.number));
}
