import { Link } from 'react-router';
import { LoadMoreButton } from '../../../components/load-more-button';
import { LoadingIndicator, QueryError } from '../../../components/query-state';
import { formatDateTime } from '../../../lib/format';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { StageBadge, riskText } from '../../situations/components/stage';
import { usePrioritySituations } from '../hooks/use-priority-situations';
import { CountryName } from './country-name';
import { VisibleText } from '../../../components/visible-text';

/** `/framework-team`: the priority situations shared with the Framework Team. */
export function PrioritySituationsPage() {
  useDocumentTitle('Priority situations');
  const query = usePrioritySituations();
  const items = query.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <section className="page" aria-labelledby="priority-title">
      <div className="page__header">
        <h1 id="priority-title">Priority situations</h1>
      </div>
      <p className="muted">
        Situations the Office shares with the Framework Team. Open one to read its summary, discuss
        it in the Framework Team thread and endorse it.
      </p>
      {query.isPending ? (
        <LoadingIndicator label="Loading priority situations…" />
      ) : query.isError ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : items.length === 0 ? (
        <p className="empty-state">
          No situations are shared with the Framework Team at the moment. They appear here as soon
          as the Office shares one.
        </p>
      ) : (
        <>
          <div className="table-wrap">
            <table className="table">
              <caption className="visually-hidden">Priority situations</caption>
              <thead>
                <tr>
                  <th scope="col">Reference</th>
                  <th scope="col">Situation</th>
                  <th scope="col">Country</th>
                  <th scope="col">Stage</th>
                  <th scope="col">Risk</th>
                  <th scope="col">Updated</th>
                </tr>
              </thead>
              <tbody>
                {items.map((item) => (
                  <tr key={item.id}>
                    <td className="table__nowrap">{item.reference}</td>
                    <td className="table__primary">
                      <Link to={`/framework-team/${item.id}`}>
                        <VisibleText text={item.title} />
                      </Link>
                    </td>
                    <td>
                      <CountryName code={item.country} />
                    </td>
                    <td>
                      <StageBadge stage={item.stage} />
                    </td>
                    <td>{riskText(item)}</td>
                    <td className="table__nowrap">
                      <time dateTime={item.updatedAt}>{formatDateTime(item.updatedAt)}</time>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <LoadMoreButton
            hasMore={query.hasNextPage}
            loading={query.isFetchingNextPage}
            onLoadMore={() => void query.fetchNextPage()}
          />
        </>
      )}
    </section>
  );
}
