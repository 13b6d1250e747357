import { Link } from 'react-router';
import { CRIME_TYPE_LABELS, findRiskFactor } from '@vigil/domain';
import { formatDateTime } from '../../../lib/format';
import { useItem } from '../../information/hooks/use-information';
import type { Assessment } from '../api/assessments-api';
import {
  CONFIDENCE_LABELS,
  FLAG_LABELS,
  levelLabel,
  ratingLabel,
  trendLabel,
} from './assessment-labels';
import { VisibleText } from '../../../components/visible-text';

/** A finalised or superseded assessment (or a draft the user may not edit), read-only. */
export function AssessmentView({ assessment }: { assessment: Assessment }) {
  const a = assessment;
  return (
    <>
      <section className="card" aria-labelledby="levels-title">
        <h2 id="levels-title" className="card__title">
          Risk level
        </h2>
        <dl className="details">
          <dt>Overall level</dt>
          <dd data-testid="overall-level">
            {a.overallLevel ? (
              <span className={`level-badge level-badge--${a.overallLevel}`}>
                {levelLabel(a.overallLevel)}
              </span>
            ) : (
              'Not chosen'
            )}
          </dd>
          <dt>Computed level</dt>
          <dd>
            <span className={`level-badge level-badge--${a.computedLevel}`}>
              {levelLabel(a.computedLevel)}
            </span>
            <ul className="computed-level__reasons">
              {a.computedReasons.map((reason) => (
                <li key={reason}>{reason}</li>
              ))}
            </ul>
          </dd>
          <dt>Trend</dt>
          <dd>{a.status === 'draft' ? 'Set when finalised' : trendLabel(a.trend)}</dd>
          <dt>Crime types</dt>
          <dd>
            {a.crimeTypes.length
              ? a.crimeTypes.map((c) => CRIME_TYPE_LABELS[c]).join(', ')
              : 'All (none chosen)'}
          </dd>
          <dt>Flags</dt>
          <dd>{a.flags.length ? a.flags.map((f) => FLAG_LABELS[f]).join(', ') : 'None'}</dd>
          <dt>Drafted by</dt>
          <dd>
            {a.createdBy.displayName}, {formatDateTime(a.createdAt)}
          </dd>
          {a.finalisedBy && a.finalisedAt ? (
            <>
              <dt>Finalised by</dt>
              <dd>
                {a.finalisedBy.displayName}, {formatDateTime(a.finalisedAt)}
              </dd>
            </>
          ) : null}
          {a.supersedesId ? (
            <>
              <dt>Revises</dt>
              <dd>
                <Link to={`/assessments/${a.supersedesId}`}>the earlier assessment</Link>
              </dd>
            </>
          ) : null}
        </dl>
        {a.summary ? <p className="prewrap summary">{a.summary}</p> : null}
      </section>
      <section className="card" aria-labelledby="ratings-title">
        <h2 id="ratings-title" className="card__title">
          Ratings
        </h2>
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">Rating of each applicable risk factor</caption>
            <thead>
              <tr>
                <th scope="col">Risk factor</th>
                <th scope="col">Rating</th>
                <th scope="col">Confidence</th>
                <th scope="col">Rationale and evidence</th>
              </tr>
            </thead>
            <tbody>
              {a.applicableFactors.map((factor) => {
                const r = a.ratings.find((x) => x.factor === factor);
                return (
                  <tr key={factor}>
                    <th scope="row" className="table__wrap">
                      RF{factor} {findRiskFactor(factor)?.shortName}
                    </th>
                    <td className="table__nowrap">{r ? ratingLabel(r.rating) : 'Not rated'}</td>
                    <td>{r ? CONFIDENCE_LABELS[r.confidence] : ''}</td>
                    <td className="table__wrap">
                      {r?.rationale ? <p className="prewrap">{r.rationale}</p> : null}
                      {r && r.evidenceItemIds.length > 0 ? (
                        <ul className="plain-list">
                          {r.evidenceItemIds.map((id) => (
                            <EvidenceLink key={id} id={id} />
                          ))}
                        </ul>
                      ) : null}
                      {r && r.indicatorIds.length > 0 ? (
                        <p className="muted">Indicators {r.indicatorIds.join(', ')}</p>
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}

/** A cited information item, by title and grade. */
function EvidenceLink({ id }: { id: string }) {
  const item = useItem(id);
  return (
    <li>
      <Link to={`/information/${id}`}>
        {item.data ? <VisibleText text={item.data.title} /> : 'Cited information'}
      </Link>
      {item.data ? <span className="muted"> ({item.data.grade})</span> : null}
    </li>
  );
}
