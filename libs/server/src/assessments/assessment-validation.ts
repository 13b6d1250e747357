import {
  applicableFactors,
  DomainError,
  validateRatings,
  type Confidence,
  type CrimeType,
  type FieldProblem,
  type Rating,
} from '@vigil/domain';
import type { EntityManager } from 'typeorm';
import type { RequestContext } from '../common/request-context.js';
import { indicatorFactors, readableItemIds, type RatingValues } from './assessment.store.js';
import type { RatingInputDto } from './dto/assessment-input.dto.js';

/**
 * Checks ratings as sent, against the Framework (domain rules), the indicator catalogue as it now
 * stands in the database (the Office re-keys indicators there), and the evidence the caller may
 * read. Throws one 400 listing every problem; returns the ratings to write.
 *
 * `stored` are the ratings being replaced: evidence already cited on a factor stays valid even if
 * the caller cannot read it, and is kept though they never saw it (only what they can read is
 * shown to them, so their edit cannot knowingly remove it).
 */
export async function checkRatings(
  m: EntityManager,
  context: RequestContext,
  input: readonly RatingInputDto[],
  crimeTypes: readonly CrimeType[],
  stored: readonly RatingValues[] = [],
): Promise<RatingValues[]> {
  const problems: FieldProblem[] = validateRatings(
    input.map(({ factor, rating, confidence }) => ({ factor, rating, confidence })),
    applicableFactors(crimeTypes),
  ).map((p) => ({ field: `ratings.${p.index}.${p.field}`, message: p.message }));

  const indicators = await indicatorFactors(
    m,
    input.flatMap((r) => r.indicatorIds ?? []),
  );
  input.forEach((r, index) => {
    for (const id of r.indicatorIds ?? []) {
      const factor = indicators.get(id);
      const message =
        factor === undefined
          ? `indicator ${id} is not in the Framework of Analysis`
          : factor !== r.factor
            ? `indicator ${id} belongs to risk factor ${factor}, not ${r.factor}`
            : null;
      if (message) {
        problems.push({
          field: `ratings.${index}.indicatorIds`,
          message: `rating ${index + 1}: ${message}`,
        });
      }
    }
  });

  const storedEvidence = new Map(stored.map((r) => [r.factor, r.evidenceItemIds]));
  const readable = await readableItemIds(m, context, [
    ...input.flatMap((r) => r.evidenceItemIds ?? []),
    ...stored.flatMap((r) => r.evidenceItemIds),
  ]);
  const ratings = input.map((r, index): RatingValues => {
    const given = r.evidenceItemIds ?? [];
    const before = storedEvidence.get(r.factor) ?? [];
    for (const id of given) {
      if (!readable.has(id) && !before.includes(id)) {
        // One message whether the item is missing or hidden: citing must not reveal existence.
        problems.push({
          field: `ratings.${index}.evidenceItemIds`,
          message: `rating ${index + 1}: evidence item ${id} does not exist or you may not read it`,
        });
      }
    }
    const hiddenKept = before.filter((id) => !readable.has(id) && !given.includes(id));
    return {
      factor: r.factor,
      rating: r.rating as Rating,
      confidence: r.confidence as Confidence,
      rationale: r.rationale ?? '',
      evidenceItemIds: [...given, ...hiddenKept],
      indicatorIds: r.indicatorIds ?? [],
    };
  });
  refuseIfAny(problems);
  return ratings.sort((a, b) => a.factor - b.factor);
}

/** When only the crime types change, the ratings kept must still apply to them. */
export function checkStillApplicable(
  stored: readonly RatingValues[],
  crimeTypes: readonly CrimeType[],
): void {
  const applicable = applicableFactors(crimeTypes);
  const stranded = stored.filter((r) => !applicable.includes(r.factor)).map((r) => r.factor);
  if (stranded.length === 0) return;
  const list = stranded.map((f) => `risk factor ${f}`).join(', ');
  refuseIfAny([
    {
      field: 'crimeTypes',
      message: `${list} ${stranded.length === 1 ? 'is' : 'are'} rated but would no longer apply; remove ${stranded.length === 1 ? 'its rating' : 'their ratings'} in the same change`,
    },
  ]);
}

function refuseIfAny(problems: FieldProblem[]): void {
  if (problems.length === 0) return;
  throw new DomainError(
    'validation_failed',
    `Invalid assessment: ${problems.map((p) => p.message).join('; ')}.`,
    problems,
  );
}
