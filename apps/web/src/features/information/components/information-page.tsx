import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { LoadMoreButton } from '../../../components/load-more-button';
import { LoadingIndicator, QueryError } from '../../../components/query-state';
import { useAbility } from '../../../lib/ability';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useCountries } from '../../situations/hooks/use-cases';
import { EMPTY_ITEM_FILTERS, type ItemCount, type ItemFilters } from '../api/information-api';
import { useCaseOptions, useFramework, useItemCount, useItemList } from '../hooks/use-information';
import { ExportCsvButton } from './export-csv-button';
import { InformationFilters } from './information-filters';
import { ItemResult } from './item-result';

/** "1 item", "234 items", "1,000+ items". */
export function countText(count: ItemCount): string {
  const n = count.total.toLocaleString('en');
  if (count.capped) return `${n}+ items`;
  return `${n} ${count.total === 1 ? 'item' : 'items'}`;
}

/** `/information`: search the precursor database, filter, page by keyset, export as CSV. */
export function InformationPage() {
  useDocumentTitle('Information');
  const ability = useAbility();
  const [searchParams] = useSearchParams();
  // A link may open the page on one situation or country (`?caseId=…`, `?country=…`).
  const [values, setValues] = useState<ItemFilters>(() => ({
    ...EMPTY_ITEM_FILTERS,
    caseId: searchParams.get('caseId') ?? '',
    country: searchParams.get('country') ?? '',
  }));
  const [announcement, setAnnouncement] = useState('');
  const q = useDebouncedValue(values.q.trim(), 300);
  const rangeError =
    values.from && values.to && values.to < values.from
      ? 'The end date is before the start date.'
      : undefined;

  const filters: ItemFilters = useMemo(
    () => ({ ...values, q, to: rangeError ? '' : values.to }),
    [values, q, rangeError],
  );
  const list = useItemList(filters);
  const count = useItemCount(filters);
  const countries = useCountries();
  const cases = useCaseOptions('');
  const framework = useFramework();
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  const hasFilters =
    JSON.stringify({ ...values, sort: 'eventDate' }) !== JSON.stringify(EMPTY_ITEM_FILTERS);

  return (
    <section className="page page--wide" aria-labelledby="information-title">
      <div className="page__header">
        <h1 id="information-title">Information</h1>
        <div className="page__actions">
          <ExportCsvButton filters={filters} onDone={setAnnouncement} />
          {ability.can('create', 'InformationItem') ? (
            <Link
              to={values.caseId ? `/information/new?caseId=${values.caseId}` : '/information/new'}
              className="button button--primary"
            >
              Record information
            </Link>
          ) : null}
        </div>
      </div>
      <p role="status" className="page__status">
        {announcement}
      </p>

      <InformationFilters
        values={values}
        onChange={setValues}
        countries={countries.data ?? []}
        cases={cases.data ?? []}
        factors={framework.data?.factors ?? []}
        hasFilters={hasFilters}
        onClear={() => setValues(EMPTY_ITEM_FILTERS)}
        rangeError={rangeError}
      />

      <section aria-labelledby="results-title">
        <h2 id="results-title" className="visually-hidden">
          Results
        </h2>
        {list.isPending ? (
          <LoadingIndicator label="Searching…" />
        ) : list.isError ? (
          <QueryError error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <>
            <p
              role="status"
              className={items.length === 0 ? 'empty-state' : 'result-count'}
              aria-busy={list.isFetching || count.isFetching}
            >
              {items.length === 0
                ? hasFilters
                  ? 'No information matches these filters.'
                  : 'No information recorded yet.'
                : count.data
                  ? `${countText(count.data)} found`
                  : `${items.length} shown`}
            </p>
            {items.length > 0 ? (
              <ol className="results" aria-label="Information found">
                {items.map((item) => (
                  <ItemResult key={item.id} item={item} />
                ))}
              </ol>
            ) : null}
            <LoadMoreButton
              hasMore={list.hasNextPage}
              loading={list.isFetchingNextPage}
              onLoadMore={() => void list.fetchNextPage()}
            />
          </>
        )}
      </section>
    </section>
  );
}
