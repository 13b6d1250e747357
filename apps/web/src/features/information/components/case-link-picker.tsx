import { useId, useState } from 'react';
import { FieldError } from '../../../components/field';
import { QueryError } from '../../../components/query-state';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import type { CaseOption } from '../api/information-api';
import { useCaseOptions } from '../hooks/use-information';
import { VisibleText, visibleText } from '../../../components/visible-text';

interface CaseLinkPickerProps {
  values: CaseOption[];
  onChange: (values: CaseOption[]) => void;
  error?: string;
}

/** Situations the item is linked to: find readable ones by words of their title, add, remove. */
export function CaseLinkPicker({ values, onChange, error }: CaseLinkPickerProps) {
  const id = useId();
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim(), 250);
  const options = useCaseOptions(q, q !== '');
  const results = q && options.data ? options.data : [];
  const linked = (caseId: string) => values.some((v) => v.id === caseId);
  const add = (option: CaseOption) => {
    if (!linked(option.id)) onChange([...values, option]);
  };

  return (
    <fieldset className="fieldset form-section">
      <legend className="form-section__title">Situations</legend>
      {values.length === 0 ? (
        <p className="muted">Not linked to any situation.</p>
      ) : (
        <ul className="chips" aria-label="Linked situations">
          {values.map((option) => (
            <li key={option.id} className="chip">
              <span>
                {option.reference}
                {option.title ? `: ${visibleText(option.title)}` : ''}
              </span>
              <button
                type="button"
                className="button button--small button--ghost"
                onClick={() => onChange(values.filter((v) => v.id !== option.id))}
              >
                Unlink<span className="visually-hidden"> {option.reference}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="field">
        <label htmlFor={`${id}-search`} className="field__label">
          Find a situation
        </label>
        <p id={`${id}-hint`} className="field__hint">
          Situations you may read, by words of their title or summary.
        </p>
        <input
          id={`${id}-search`}
          name="caseIds"
          className="input"
          type="search"
          autoComplete="off"
          aria-invalid={error ? true : undefined}
          aria-describedby={[`${id}-hint`, error ? `${id}-error` : ''].join(' ').trim()}
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          onKeyDown={(event) => {
            if (event.key !== 'Enter') return;
            event.preventDefault();
            const only = results.length === 1 ? results[0] : undefined;
            if (only) add(only);
          }}
        />
        <FieldError id={`${id}-error`} message={error} />
      </div>
      <p className="muted" aria-live="polite">
        {!q || options.isError
          ? ''
          : options.isFetching && results.length === 0
            ? 'Searching…'
            : results.length === 0
              ? `No situation matches “${q}”.`
              : `${results.length} ${results.length === 1 ? 'situation' : 'situations'} found.`}
      </p>
      {q && options.isError ? (
        <QueryError error={options.error} onRetry={() => void options.refetch()} />
      ) : results.length > 0 ? (
        <ul className="candidates" aria-label="Situations found">
          {results.map((option) => (
            <li key={option.id}>
              <button
                type="button"
                className="button button--small button--ghost candidate"
                aria-pressed={linked(option.id)}
                onClick={() =>
                  linked(option.id)
                    ? onChange(values.filter((v) => v.id !== option.id))
                    : add(option)
                }
              >
                <span>{option.reference}</span>
                <span className="muted">
                  <VisibleText text={option.title} />
                </span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </fieldset>
  );
}
