import type { ReactNode } from 'react';
import { StageBadge, riskText } from '../../situations/components/stage';
import type { PrioritySituation } from '../api/priority-situations-api';
import { CountryName } from './country-name';
import { VisibleText } from '../../../components/visible-text';

/** The words of an approved recommendation, whatever its shape. */
function recommendationText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && value !== null) {
    for (const key of ['text', 'title', 'summary', 'body']) {
      const field: unknown = (value as Record<string, unknown>)[key];
      if (typeof field === 'string' && field) return field;
    }
  }
  return 'A recommendation';
}

/** The fields of the Framework Team's restricted view (docs/architecture.md §5). */
export function RestrictedView({
  situation,
  children,
}: {
  situation: PrioritySituation;
  /** Shown at the top of the header (who is viewing). */
  children?: ReactNode;
}) {
  return (
    <>
      <header className="case-header">
        {children}
        <p className="case-header__reference">{situation.reference}</p>
        <h1 id="situation-title">
          <VisibleText text={situation.title} />
        </h1>
        <dl className="details case-header__facts">
          <dt>Country</dt>
          <dd>
            <CountryName code={situation.country} />
          </dd>
          <dt>Stage</dt>
          <dd data-testid="case-stage">
            <StageBadge stage={situation.stage} />
          </dd>
          <dt>Risk</dt>
          <dd>{riskText(situation)}</dd>
        </dl>
      </header>
      <section className="card" aria-labelledby="summary-title">
        <h2 id="summary-title" className="card__title">
          Summary
        </h2>
        <p className="prewrap">{situation.summary || 'No summary yet.'}</p>
      </section>
      <section className="card" aria-labelledby="recommendations-title">
        <h2 id="recommendations-title" className="card__title">
          Approved recommendations
        </h2>
        {situation.approvedRecommendations.length === 0 ? (
          <p className="muted">No recommendations have been approved yet.</p>
        ) : (
          <ul>
            {situation.approvedRecommendations.map((item, index) => (
              <li key={index}>{recommendationText(item)}</li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
