import { useMemo, useState } from 'react';
import { LoadMoreButton } from '../../../components/load-more-button';
import { LoadingIndicator, QueryError } from '../../../components/query-state';
import { dateInputToIso, plural } from '../../../lib/format';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { useDocumentTitle } from '../../../lib/use-document-title';
import type { AuditFilters as AuditQueryFilters } from '../api/audit-api';
import { useAuditLog } from '../hooks/use-audit-log';
import { AuditFilters, EMPTY_AUDIT_FILTERS, type AuditFilterValues } from './audit-filters';
import { AuditTable } from './audit-table';
import { VerifyChainPanel } from './verify-chain-panel';

/** `/admin/audit`: filterable, paginated audit log plus chain verification. */
export function AuditPage() {
  useDocumentTitle('Audit log');
  const [values, setValues] = useState<AuditFilterValues>(EMPTY_AUDIT_FILTERS);
  const [appliedAction, setAppliedAction] = useState<string | null>(null);
  const debouncedAction = useDebouncedValue(values.action.trim(), 400);
  // An explicit submit wins over the debounce until the text changes again.
  const action = appliedAction ?? debouncedAction;

  const rangeError =
    values.from && values.to && values.from > values.to
      ? '“To” must be on or after “From”.'
      : undefined;
  const filters = useMemo<AuditQueryFilters>(
    () => ({
      action: action || undefined,
      from: dateInputToIso(values.from, 'start'),
      to: dateInputToIso(values.to, 'end'),
    }),
    [action, values.from, values.to],
  );
  const query = useAuditLog(filters, !rangeError);
  const entries = query.data?.pages.flatMap((page) => page.items) ?? [];
  const filtered = Boolean(filters.action || filters.from || filters.to);

  return (
    <section className="page" aria-labelledby="audit-title">
      <div className="page__header">
        <h1 id="audit-title">Audit log</h1>
        <VerifyChainPanel />
      </div>
      <AuditFilters
        values={values}
        rangeError={rangeError}
        onChange={(next) => {
          if (next.action !== values.action) setAppliedAction(null);
          setValues(next);
        }}
        onApply={() => setAppliedAction(values.action.trim())}
      />
      {rangeError ? null : query.isPending ? (
        <LoadingIndicator label="Loading audit entries…" />
      ) : query.isError ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <>
          <p className={entries.length === 0 ? 'empty-state' : 'muted'} aria-live="polite">
            {entries.length > 0
              ? `${plural(entries.length, 'entry', 'entries')} shown`
              : filtered
                ? 'No audit entries match these filters.'
                : 'The audit log is empty.'}
          </p>
          {entries.length > 0 ? <AuditTable entries={entries} /> : null}
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
