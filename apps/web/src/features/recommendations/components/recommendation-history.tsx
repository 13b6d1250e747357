import { LoadingIndicator, QueryError } from '../../../components/query-state';
import { formatDateTime } from '../../../lib/format';
import { useRecommendationDetail } from '../hooks/use-recommendations';
import { RECOMMENDATION_STATUS_LABELS } from './recommendation-labels';

/** The status changes of one recommendation, oldest first. */
export function RecommendationHistory({ caseId, id }: { caseId: string; id: string }) {
  const detail = useRecommendationDetail(caseId, id, true);
  if (detail.isPending) return <LoadingIndicator label="Loading the history…" />;
  if (detail.isError)
    return <QueryError error={detail.error} onRetry={() => void detail.refetch()} />;
  if (detail.data.history.length === 0) return <p className="muted">No status change yet.</p>;
  return (
    <ol className="timeline" aria-label="Status history">
      {detail.data.history.map((change, index) => (
        <li key={`${change.at}-${index}`} className="timeline__item">
          <span className="timeline__when">{formatDateTime(change.at)}</span>{' '}
          <span className="timeline__what">
            {change.fromStatus
              ? `${RECOMMENDATION_STATUS_LABELS[change.fromStatus]} → ${RECOMMENDATION_STATUS_LABELS[change.toStatus]}`
              : RECOMMENDATION_STATUS_LABELS[change.toStatus]}
            {change.actor ? ` by ${change.actor.displayName}` : ''}
          </span>
          {change.note ? <p className="timeline__note">{change.note}</p> : null}
        </li>
      ))}
    </ol>
  );
}
