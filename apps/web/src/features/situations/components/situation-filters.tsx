import type { FormEvent } from 'react';
import { SelectField } from '../../../components/select-field';
import { TextField } from '../../../components/text-field';
import type { CaseSort, Country, SortOrder } from '../api/cases-api';
import { CountryOptions } from '../../../components/country-options';

export interface FilterValues {
  country: string;
  leadAnalystId: string;
  overdue: boolean;
  priority: boolean;
  search: string;
  sort: CaseSort;
  order: SortOrder;
}

export const SORT_LABELS: Record<CaseSort, string> = {
  updatedAt: 'Last updated',
  reference: 'Reference',
  title: 'Title',
  nextReviewDue: 'Next review',
};

interface SituationFiltersProps {
  values: FilterValues;
  onChange: (values: FilterValues) => void;
  countries: Country[];
  leads: { id: string; displayName: string }[];
  onClear: () => void;
  hasFilters: boolean;
}

/** Country, lead analyst, overdue, priority, search and sort controls (apply as they change). */
export function SituationFilters({
  values,
  onChange,
  countries,
  leads,
  onClear,
  hasFilters,
}: SituationFiltersProps) {
  const set = <K extends keyof FilterValues>(key: K, value: FilterValues[K]) =>
    onChange({ ...values, [key]: value });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => event.preventDefault();
  return (
    <form className="toolbar" role="search" aria-label="Filter situations" onSubmit={onSubmit}>
      <TextField
        label="Search"
        type="search"
        name="q"
        placeholder="Words in title or summary"
        className="field--inline"
        value={values.search}
        onChange={(e) => set('search', e.target.value)}
      />
      <SelectField
        label="Country"
        className="field--inline"
        value={values.country}
        onChange={(e) => set('country', e.target.value)}
      >
        <CountryOptions countries={countries} emptyLabel="All countries" />
      </SelectField>
      <SelectField
        label="Lead analyst"
        className="field--inline"
        value={values.leadAnalystId}
        onChange={(e) => set('leadAnalystId', e.target.value)}
      >
        <option value="">Anyone</option>
        {leads.map((lead) => (
          <option key={lead.id} value={lead.id}>
            {lead.displayName}
          </option>
        ))}
      </SelectField>
      <SelectField
        label="Sort by"
        className="field--inline"
        value={values.sort}
        onChange={(e) => set('sort', e.target.value as CaseSort)}
      >
        {(Object.keys(SORT_LABELS) as CaseSort[]).map((key) => (
          <option key={key} value={key}>
            {SORT_LABELS[key]}
          </option>
        ))}
      </SelectField>
      <SelectField
        label="Order"
        className="field--inline"
        value={values.order}
        onChange={(e) => set('order', e.target.value as SortOrder)}
      >
        <option value="asc">Ascending</option>
        <option value="desc">Descending</option>
      </SelectField>
      <div className="toolbar__checks">
        <label className="checkbox">
          <input
            type="checkbox"
            checked={values.overdue}
            onChange={(e) => set('overdue', e.target.checked)}
          />
          Overdue only
        </label>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={values.priority}
            onChange={(e) => set('priority', e.target.checked)}
          />
          Priority situations only
        </label>
      </div>
      {hasFilters ? (
        <div className="toolbar__buttons">
          <button type="button" className="button button--ghost" onClick={onClear}>
            Clear filters
          </button>
        </div>
      ) : null}
    </form>
  );
}
