import { useId, useState } from 'react';
import { RELIABILITY_MEANINGS, SOURCE_KIND_LABELS } from '@vigil/domain';
import { FieldError } from '../../../components/field';
import { QueryError } from '../../../components/query-state';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import type { Source } from '../api/information-api';
import { useSourceSearch } from '../hooks/use-information';
import type { SourceChoice } from './item-form-values';
import { NewSourceFields } from './new-source-fields';

interface SourcePickerProps {
  value: SourceChoice | null;
  onChange: (source: SourceChoice) => void;
  error?: string;
}

const toChoice = (s: Source): SourceChoice => ({
  id: s.id,
  name: s.name,
  kind: s.kind,
  reliability: s.reliability,
});

/** Choose who the information came from: find a known source by name, or record a new one. */
export function SourcePicker({ value, onChange, error }: SourcePickerProps) {
  const id = useId();
  const [search, setSearch] = useState('');
  const [creating, setCreating] = useState(false);
  const q = useDebouncedValue(search.trim(), 250);
  const sources = useSourceSearch(q, q !== '');
  const results = q && sources.data ? sources.data : [];

  return (
    <div className="source-picker" role="group" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="field__label source-picker__title">
        Source
      </h3>
      <div className="field">
        <label htmlFor={`${id}-search`} className="field__label">
          Find a source
        </label>
        <p id={`${id}-hint`} className="field__hint">
          Sources you may know, by words of their name or their first three letters (“gom” finds
          Goma).
        </p>
        <input
          id={`${id}-search`}
          name="sourceId"
          className="input"
          type="search"
          autoComplete="off"
          aria-invalid={error ? true : undefined}
          aria-describedby={[`${id}-hint`, error ? `${id}-error` : ''].join(' ').trim()}
          aria-controls={`${id}-results`}
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          onKeyDown={(event) => {
            const only = results.length === 1 ? results[0] : undefined;
            if (event.key === 'Enter') {
              // Enter picks the only match instead of submitting the whole form.
              event.preventDefault();
              if (only && !only.unreadable) onChange(toChoice(only));
            }
          }}
        />
        <FieldError id={`${id}-error`} message={error} />
      </div>
      <p className="muted" aria-live="polite">
        {!q || sources.isError
          ? ''
          : sources.isFetching && results.length === 0
            ? 'Searching…'
            : results.length === 0
              ? `No source matches “${q}”.`
              : `${results.length} ${results.length === 1 ? 'source' : 'sources'} found.`}
      </p>
      <div id={`${id}-results`}>
        {q && sources.isError ? (
          <QueryError error={sources.error} onRetry={() => void sources.refetch()} />
        ) : results.length > 0 ? (
          <ul className="candidates" aria-label="Sources found">
            {results.map((source) => (
              <li key={source.id}>
                <button
                  type="button"
                  className="button button--small button--ghost candidate"
                  aria-pressed={value?.id === source.id}
                  disabled={source.unreadable}
                  onClick={() => onChange(toChoice(source))}
                >
                  <span>{source.name}</span>
                  <span className="muted">
                    {SOURCE_KIND_LABELS[source.kind]} · {source.reliability}{' '}
                    {source.reliabilityMeaning}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      <p className="muted" aria-live="polite">
        {value ? (
          <>
            Source: <strong>{value.name}</strong>
            {value.kind ? ` (${SOURCE_KIND_LABELS[value.kind]})` : ''}, reliability{' '}
            {value.reliability} ({RELIABILITY_MEANINGS[value.reliability]})
          </>
        ) : (
          'No source chosen yet.'
        )}
      </p>
      {creating ? (
        <NewSourceFields
          initialName={search.trim()}
          onCreated={(source) => {
            onChange(toChoice(source));
            setCreating(false);
          }}
          onCancel={() => setCreating(false)}
        />
      ) : (
        <button type="button" className="button button--small" onClick={() => setCreating(true)}>
          Record a new source
        </button>
      )}
    </div>
  );
}
