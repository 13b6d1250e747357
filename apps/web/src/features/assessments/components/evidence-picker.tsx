import { useId, useMemo, useState } from 'react';
import { HighlightedText } from '../../../components/highlighted-text';
import { LoadingIndicator, QueryError } from '../../../components/query-state';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { EMPTY_ITEM_FILTERS, type ItemFilters } from '../../information/api/information-api';
import { useItem, useItemList } from '../../information/hooks/use-information';
import { visibleText } from '../../../components/visible-text';

interface EvidencePickerProps {
  caseId: string;
  country: string;
  countryName: string;
  /** Cited information item ids. */
  values: string[];
  onChange: (values: string[]) => void;
  /** Names the factor in labels, e.g. "RF7". */
  factorLabel: string;
  error?: string;
}

type Scope = 'case' | 'country';

/** Cite information for one factor: search this situation's items (or its country's) and pick. */
export function EvidencePicker({
  caseId,
  country,
  countryName,
  values,
  onChange,
  factorLabel,
  error,
}: EvidencePickerProps) {
  const id = useId();
  const [search, setSearch] = useState('');
  const [scope, setScope] = useState<Scope>('case');
  const q = useDebouncedValue(search.trim(), 300);
  const filters: ItemFilters = useMemo(
    () => ({
      ...EMPTY_ITEM_FILTERS,
      q,
      caseId: scope === 'case' ? caseId : '',
      country: scope === 'country' ? country : '',
      sort: q ? 'relevance' : 'eventDate',
    }),
    [q, scope, caseId, country],
  );
  const list = useItemList(filters, { limit: 10 });
  const results = list.data?.pages.flatMap((page) => page.items) ?? [];
  const toggle = (itemId: string) =>
    onChange(values.includes(itemId) ? values.filter((v) => v !== itemId) : [...values, itemId]);

  return (
    <div className="evidence-picker" role="group" aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`} className="field__label">
        Evidence for {factorLabel}
      </h4>
      {values.length === 0 ? (
        <p className="muted">No information cited yet.</p>
      ) : (
        <ul className="chips chips--stacked" aria-label={`Information cited for ${factorLabel}`}>
          {values.map((itemId) => (
            <CitedItem key={itemId} id={itemId} onRemove={() => toggle(itemId)} />
          ))}
        </ul>
      )}
      {error ? (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      <fieldset className="fieldset">
        <legend className="field__hint">Search in</legend>
        <div className="checkbox-group">
          <label className="checkbox">
            <input
              type="radio"
              name={`${id}-scope`}
              checked={scope === 'case'}
              onChange={() => setScope('case')}
            />
            Information linked to this situation
          </label>
          <label className="checkbox">
            <input
              type="radio"
              name={`${id}-scope`}
              checked={scope === 'country'}
              onChange={() => setScope('country')}
            />
            All information on {countryName}
          </label>
        </div>
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-search`} className="field__label">
          Find information<span className="visually-hidden"> for {factorLabel}</span>
        </label>
        <input
          id={`${id}-search`}
          className="input"
          type="search"
          autoComplete="off"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') event.preventDefault();
          }}
        />
      </div>
      {list.isPending ? (
        <LoadingIndicator label="Searching…" />
      ) : list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : results.length === 0 ? (
        <p className="muted" aria-live="polite">
          {q ? `No information matches “${q}”.` : 'No information here yet.'}
        </p>
      ) : (
        <ul className="candidates" aria-label={`Information found for ${factorLabel}`}>
          {results.map((item) => (
            <li key={item.id}>
              <button
                type="button"
                className="button button--small button--ghost candidate evidence-candidate"
                aria-pressed={values.includes(item.id)}
                onClick={() => toggle(item.id)}
              >
                <span>
                  <HighlightedText segments={item.titleHighlight} />
                </span>
                <span className="muted">
                  {item.grade} · {item.eventDate}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** One cited item, named by its title (fetched), with a button to stop citing it. */
function CitedItem({ id, onRemove }: { id: string; onRemove: () => void }) {
  const item = useItem(id);
  const title = item.data
    ? visibleText(item.data.title)
    : item.isError
      ? 'Information you cannot open'
      : 'Loading…';
  return (
    <li className="chip">
      <span>
        {title}
        {item.data ? <span className="muted"> · {item.data.grade}</span> : null}
      </span>
      <button type="button" className="button button--small button--ghost" onClick={onRemove}>
        Remove<span className="visually-hidden"> {title}</span>
      </button>
    </li>
  );
}
