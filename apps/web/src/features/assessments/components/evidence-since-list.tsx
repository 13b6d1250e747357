import { Link } from 'react-router';
import { LoadingIndicator, QueryError } from '../../../components/query-state';
import { plural } from '../../../lib/format';
import { formatDate } from '../../situations/components/stage';
import { useEvidenceSince } from '../hooks/use-assessments';

/** Per factor, information linked to the case since its latest finalised assessment. */
export function EvidenceSinceList({ caseId }: { caseId: string }) {
  const evidence = useEvidenceSince(caseId);
  if (evidence.isPending) return <LoadingIndicator label="Looking for new evidence…" />;
  if (evidence.isError)
    return <QueryError error={evidence.error} onRetry={() => void evidence.refetch()} />;
  const { since, items } = evidence.data;
  const found = items.filter((f) => f.newItems > 0);
  return (
    <div className="evidence-since">
      <h3 className="evidence-since__title">
        {since
          ? `New evidence since the last assessment (finalised ${formatDate(since)})`
          : 'Evidence so far (no finalised assessment yet)'}
      </h3>
      {found.length === 0 ? (
        <p className="muted">
          No information tagged with a risk factor’s indicators{' '}
          {since ? 'has arrived since.' : 'is linked to this situation yet.'}{' '}
          <Link to={`/information?caseId=${caseId}`}>Information on this situation</Link>
        </p>
      ) : (
        <ul className="plain-list evidence-since__list">
          {found.map((f) => (
            <li key={f.factor}>
              <strong>
                RF{f.factor} {f.shortName}
              </strong>
              : {plural(f.newItems, 'new item')}
              {f.latestItemAt ? (
                <span className="muted"> (latest {formatDate(f.latestItemAt)})</span>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
