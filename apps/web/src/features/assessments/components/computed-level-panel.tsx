import { explainRiskLevel } from '@vigil/domain';
import { applicable, factorRatings, type AssessmentFormValues } from './assessment-form-values';
import { levelLabel } from './assessment-labels';

/** The level the Framework rule gives for the ratings so far, with its reasons; live. */
export function ComputedLevelPanel({ values }: { values: AssessmentFormValues }) {
  const factors = applicable(values);
  const result = explainRiskLevel(factorRatings(values), { applicableFactors: factors });
  return (
    <section className="computed-level" aria-labelledby="computed-level-title">
      <h3 id="computed-level-title" className="computed-level__title">
        Computed level
      </h3>
      <p className="computed-level__level" aria-live="polite" data-testid="computed-level">
        <span className={`level-badge level-badge--${result.level}`}>
          {levelLabel(result.level)}
        </span>{' '}
        <span className="muted">
          from {result.counted} of {factors.length} applicable factors rated
        </span>
      </p>
      <ul className="computed-level__reasons" aria-label="Why">
        {result.reasons.map((reason) => (
          <li key={reason}>{reason}</li>
        ))}
      </ul>
    </section>
  );
}
