import { Link } from 'react-router';
import { RATING_LABELS, isRating } from '@vigil/domain';
import { levelLabel, trendLabel } from '../../assessments/components/assessment-labels';
import type { HeatMap } from '../api/risk-api';
import { VisibleText } from '../../../components/visible-text';

/** The rating of one cell: the digit, its word for assistive technology, colour as a second cue. */
function RatingCell({ rating }: { rating: number | undefined }) {
  if (rating === undefined || !isRating(rating)) {
    return (
      <td className="heat-cell heat-cell--none">
        <span aria-hidden="true">–</span>
        <span className="visually-hidden">not rated</span>
      </td>
    );
  }
  return (
    <td className={`heat-cell heat-cell--${rating}`} title={`${rating} ${RATING_LABELS[rating]}`}>
      {rating}
      <span className="visually-hidden"> {RATING_LABELS[rating]}</span>
    </td>
  );
}

/** Situations × the 14 risk factors, as a real table with row and column headers. */
export function HeatMapTable({ heatMap }: { heatMap: HeatMap }) {
  return (
    <div className="table-wrap">
      <table className="table heat-map">
        <caption>
          Rating of each risk factor in the latest finalised assessment of each situation, highest
          level first. Ratings: 0 absent, 1 low, 2 moderate, 3 high, 4 severe; – not rated.
        </caption>
        <thead>
          <tr>
            <th scope="col">Situation</th>
            <th scope="col">Level</th>
            <th scope="col">Trend</th>
            <th scope="col">Month</th>
            {heatMap.factors.map((f) => (
              <th key={f.factor} scope="col" className="heat-map__factor">
                <abbr title={f.shortName}>RF{f.factor}</abbr>
                <span className="visually-hidden"> {f.shortName}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {heatMap.items.map((row) => (
            <tr key={row.caseId}>
              <th scope="row" className="table__wrap heat-map__situation">
                <Link to={`/situations/${row.caseId}`}>{row.reference}</Link>
                <span className="heat-map__title">
                  <VisibleText text={row.title} /> · {row.countryName}
                </span>
              </th>
              <td>
                <Link
                  to={`/assessments/${row.assessmentId}`}
                  className={`level-badge level-badge--${row.overallLevel}`}
                >
                  {levelLabel(row.overallLevel)}
                  <span className="visually-hidden"> (open the assessment)</span>
                </Link>
              </td>
              <td className="table__nowrap">{trendLabel(row.trend)}</td>
              <td className="table__nowrap">{row.period}</td>
              {heatMap.factors.map((f) => (
                <RatingCell key={f.factor} rating={row.ratings[String(f.factor)]} />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
