import { LoadingIndicator, QueryError } from '../../../components/query-state';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useHeatMap } from '../hooks/use-heat-map';
import { HeatMapTable } from './heat-map-table';

const LEGEND = [0, 1, 2, 3, 4] as const;
const LEGEND_LABELS = ['absent', 'low', 'moderate', 'high', 'severe'];

/** `/risk`: the heat map of situations against the Framework's 14 risk factors. */
export function HeatMapPage() {
  useDocumentTitle('Risk heat map');
  const heatMap = useHeatMap();
  return (
    <section className="page page--wide" aria-labelledby="risk-title">
      <h1 id="risk-title">Risk heat map</h1>
      <p className="muted">
        Each situation’s latest finalised risk assessment. The number in each cell is the rating;
        the colour repeats it.
      </p>
      <ul className="heat-legend" aria-label="Legend">
        {LEGEND.map((rating) => (
          <li key={rating} className="heat-legend__item">
            <span className={`heat-cell heat-cell--${rating} heat-legend__swatch`}>{rating}</span>{' '}
            {LEGEND_LABELS[rating]}
          </li>
        ))}
      </ul>
      {heatMap.isPending ? (
        <LoadingIndicator label="Loading the heat map…" />
      ) : heatMap.isError ? (
        <QueryError error={heatMap.error} onRetry={() => void heatMap.refetch()} />
      ) : heatMap.data.items.length === 0 ? (
        <p className="empty-state">No situation has a finalised risk assessment yet.</p>
      ) : (
        <HeatMapTable heatMap={heatMap.data} />
      )}
    </section>
  );
}
