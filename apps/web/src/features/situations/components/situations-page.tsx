import { lazy, Suspense, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import type { Stage } from '@vigil/domain';
import { LoadMoreButton } from '../../../components/load-more-button';
import { LoadingIndicator, QueryError } from '../../../components/query-state';
import { useAbility } from '../../../lib/ability';
import { plural } from '../../../lib/format';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useCurrentUser } from '../../auth/hooks/current-user-context';
import type { CaseFilters, CaseListParams } from '../api/cases-api';
import { useCaseList, useCaseStats, useCountries } from '../hooks/use-cases';
import { NewSituationDialog } from './new-situation-dialog';
import { SituationFilters, type FilterValues } from './situation-filters';
import { SituationsTable } from './situations-table';
import { StageCounts } from './stage-counts';

const WorldMap = lazy(() => import('./world-map').then((m) => ({ default: m.WorldMap })));

const EMPTY_FILTERS: FilterValues = {
  country: '',
  leadAnalystId: '',
  overdue: false,
  priority: false,
  search: '',
  sort: 'updatedAt',
  order: 'desc',
};

/** `/situations`: counts per stage, a world map, filters and the keyset-paged list. */
export function SituationsPage() {
  useDocumentTitle('Situations');
  const ability = useAbility();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const [values, setValues] = useState<FilterValues>(EMPTY_FILTERS);
  const [stages, setStages] = useState<Stage[]>([]);
  const [creating, setCreating] = useState(false);
  const q = useDebouncedValue(values.search.trim(), 300);

  const filters: CaseFilters = useMemo(
    () => ({
      stages,
      country: values.country,
      leadAnalystId: values.leadAnalystId,
      overdue: values.overdue,
      priority: values.priority,
      q,
    }),
    [stages, values.country, values.leadAnalystId, values.overdue, values.priority, q],
  );
  const params: CaseListParams = useMemo(
    () => ({ ...filters, sort: values.sort, order: values.order }),
    [filters, values.sort, values.order],
  );
  const list = useCaseList(params);
  const stats = useCaseStats(filters);
  const countries = useCountries();
  const cases = list.data?.pages.flatMap((page) => page.items) ?? [];

  const leads = useMemo(() => {
    const byId = new Map<string, string>();
    if (user.roles.includes('analyst')) byId.set(user.id, `${user.displayName} (me)`);
    for (const item of cases) {
      if (item.leadAnalyst && !byId.has(item.leadAnalyst.id))
        byId.set(item.leadAnalyst.id, item.leadAnalyst.displayName);
    }
    return [...byId].map(([id, displayName]) => ({ id, displayName }));
  }, [cases, user]);

  const hasFilters =
    stages.length > 0 ||
    values.country !== '' ||
    values.leadAnalystId !== '' ||
    values.overdue ||
    values.priority ||
    values.search.trim() !== '';
  const countryName = countries.data?.find((c) => c.code === values.country)?.name;

  return (
    <section className="page page--wide" aria-labelledby="situations-title">
      <div className="page__header">
        <h1 id="situations-title">Situations</h1>
        {ability.can('create', 'Case') ? (
          <button
            type="button"
            className="button button--primary"
            onClick={() => setCreating(true)}
          >
            New situation
          </button>
        ) : null}
      </div>

      <StageCounts
        stats={stats.data}
        selected={stages}
        onToggle={(stage) =>
          setStages((current) =>
            current.includes(stage) ? current.filter((s) => s !== stage) : [...current, stage],
          )
        }
      />

      <section className="card" aria-labelledby="map-title">
        <h2 id="map-title" className="card__title">
          Map
        </h2>
        <p className="muted">
          Countries are shaded by the highest stage of their open situations. Choose a country to
          filter the list{countryName ? ` (now showing ${countryName})` : ''}.
        </p>
        <Suspense fallback={<LoadingIndicator label="Loading map…" />}>
          <WorldMap
            byCountry={stats.data?.byCountry ?? []}
            selectedCountry={values.country}
            onSelectCountry={(code) => setValues((v) => ({ ...v, country: code }))}
          />
        </Suspense>
      </section>

      <SituationFilters
        values={values}
        onChange={setValues}
        countries={countries.data ?? []}
        leads={leads}
        hasFilters={hasFilters}
        onClear={() => {
          setValues((v) => ({ ...EMPTY_FILTERS, sort: v.sort, order: v.order }));
          setStages([]);
        }}
      />

      <section aria-labelledby="list-title" id="situations-list">
        <h2 id="list-title" className="visually-hidden">
          List
        </h2>
        {list.isPending ? (
          <LoadingIndicator label="Loading situations…" />
        ) : list.isError ? (
          <QueryError error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <>
            <p
              role="status"
              className={cases.length === 0 ? 'empty-state' : 'muted'}
              aria-busy={list.isFetching}
            >
              {cases.length > 0
                ? `${plural(cases.length, 'situation')} shown${list.hasNextPage ? ' (more available)' : ''}`
                : 'No situations match these filters'}
            </p>
            {cases.length > 0 ? <SituationsTable cases={cases} /> : null}
            <LoadMoreButton
              hasMore={list.hasNextPage}
              loading={list.isFetchingNextPage}
              onLoadMore={() => void list.fetchNextPage()}
            />
          </>
        )}
      </section>

      {creating ? (
        <NewSituationDialog
          countries={countries.data ?? []}
          onClose={() => setCreating(false)}
          onCreated={(created) => {
            setCreating(false);
            void navigate(`/situations/${created.id}`, {
              state: { announcement: `Situation ${created.reference} created.` },
            });
          }}
        />
      ) : null}
    </section>
  );
}
