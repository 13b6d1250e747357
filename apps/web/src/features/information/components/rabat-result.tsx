import { RABAT_LEVEL_LABELS, explainRabat, type RabatParts } from '@vigil/domain';

/** The Rabat level the parts lead to, and why; recomputed as the analyst ticks the parts. */
export function RabatResult({ parts }: { parts: RabatParts }) {
  const result = explainRabat(parts);
  return (
    <div className={`computed-level rabat-result rabat-result--${result.level}`} aria-live="polite">
      <p className="computed-level__level">
        Level: <strong>{RABAT_LEVEL_LABELS[result.level]}</strong>
      </p>
      <ul className="computed-level__reasons">
        {result.reasons.map((reason) => (
          <li key={reason}>{reason}</li>
        ))}
      </ul>
    </div>
  );
}
