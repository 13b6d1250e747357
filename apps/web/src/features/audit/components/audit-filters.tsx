import type { FormEvent } from 'react';
import { TextField } from '../../../components/text-field';

/** Raw filter inputs (dates as `YYYY-MM-DD`). */
export interface AuditFilterValues {
  action: string;
  from: string;
  to: string;
}

export const EMPTY_AUDIT_FILTERS: AuditFilterValues = { action: '', from: '', to: '' };

interface AuditFiltersProps {
  values: AuditFilterValues;
  onChange: (values: AuditFilterValues) => void;
  /** Apply now (Enter / "Apply filters") instead of waiting for the debounce. */
  onApply: () => void;
  rangeError?: string;
}

/** Action text and from/to date filters. Changes apply automatically; Enter applies at once. */
export function AuditFilters({ values, onChange, onApply, rangeError }: AuditFiltersProps) {
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onApply();
  };
  const hasFilters = values.action !== '' || values.from !== '' || values.to !== '';
  return (
    <form className="toolbar" role="search" aria-label="Filter audit log" onSubmit={onSubmit}>
      <TextField
        label="Action"
        name="action"
        type="search"
        placeholder="e.g. user.create"
        className="field--inline"
        value={values.action}
        onChange={(e) => onChange({ ...values, action: e.target.value })}
      />
      <TextField
        label="From"
        name="from"
        type="date"
        className="field--inline"
        value={values.from}
        onChange={(e) => onChange({ ...values, from: e.target.value })}
      />
      <TextField
        label="To"
        name="to"
        type="date"
        className="field--inline"
        value={values.to}
        min={values.from || undefined}
        onChange={(e) => onChange({ ...values, to: e.target.value })}
        error={rangeError}
      />
      <div className="toolbar__buttons">
        <button type="submit" className="button">
          Apply filters
        </button>
        {hasFilters ? (
          <button
            type="button"
            className="button button--ghost"
            onClick={() => onChange(EMPTY_AUDIT_FILTERS)}
          >
            Clear filters
          </button>
        ) : null}
      </div>
    </form>
  );
}
