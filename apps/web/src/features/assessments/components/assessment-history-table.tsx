import { Link } from 'react-router';
import type { Assessment } from '../api/assessments-api';
import { STATUS_LABELS, levelLabel, trendLabel } from './assessment-labels';

/** A case's assessments, newest month first, with levels and trend. */
export function AssessmentHistoryTable({ assessments }: { assessments: Assessment[] }) {
  return (
    <div className="table-wrap">
      <table className="table table--dense">
        <caption className="visually-hidden">Risk assessments of this situation</caption>
        <thead>
          <tr>
            <th scope="col">Month</th>
            <th scope="col">Status</th>
            <th scope="col">Overall level</th>
            <th scope="col">Computed</th>
            <th scope="col">Trend</th>
          </tr>
        </thead>
        <tbody>
          {assessments.map((a) => (
            <tr key={a.id}>
              <th scope="row">
                <Link to={`/assessments/${a.id}`}>
                  {a.period}
                  <span className="visually-hidden"> ({STATUS_LABELS[a.status]})</span>
                </Link>
              </th>
              <td>{STATUS_LABELS[a.status]}</td>
              <td>
                {a.overallLevel ? (
                  <span className={`level-badge level-badge--${a.overallLevel}`}>
                    {levelLabel(a.overallLevel)}
                  </span>
                ) : (
                  <span className="muted">Not chosen</span>
                )}
              </td>
              <td>{levelLabel(a.computedLevel)}</td>
              <td>
                {a.status === 'draft' ? <span className="muted">—</span> : trendLabel(a.trend)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
