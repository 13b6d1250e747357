import type { FormEvent } from 'react';
import {
  CREDIBILITY,
  CREDIBILITY_MEANINGS,
  CRIME_TYPES,
  CRIME_TYPE_LABELS,
  ITEM_KINDS,
  ITEM_KIND_LABELS,
  RELIABILITY,
  RELIABILITY_MEANINGS,
  type CrimeType,
} from '@vigil/domain';
import { CheckboxGroupField } from '../../../components/checkbox-group-field';
import { SelectField } from '../../../components/select-field';
import { TextField } from '../../../components/text-field';
import type { Country } from '../../situations/api/cases-api';
import type { CaseOption, FrameworkFactor, ItemFilters, ItemSort } from '../api/information-api';
import { CountryOptions } from '../../../components/country-options';
import { visibleText } from '../../../components/visible-text';

const KIND_OPTIONS = ITEM_KINDS.map((value) => ({ value, label: ITEM_KIND_LABELS[value] }));
const RELIABILITY_OPTIONS = RELIABILITY.map((value) => ({
  value,
  label: `${value} ${RELIABILITY_MEANINGS[value]}`,
}));
const CREDIBILITY_OPTIONS = CREDIBILITY.map((value) => ({
  value,
  label: `${value} ${CREDIBILITY_MEANINGS[value]}`,
}));

interface InformationFiltersProps {
  values: ItemFilters;
  onChange: (values: ItemFilters) => void;
  countries: Country[];
  cases: CaseOption[];
  factors: FrameworkFactor[];
  hasFilters: boolean;
  onClear: () => void;
  /** Shown under "To" when it is before "From". */
  rangeError?: string;
}

/** Words, country, situation, crime type, indicator, dates, kind and grade; apply as they change. */
export function InformationFilters({
  values,
  onChange,
  countries,
  cases,
  factors,
  hasFilters,
  onClear,
  rangeError,
}: InformationFiltersProps) {
  const set = <K extends keyof ItemFilters>(key: K, value: ItemFilters[K]) =>
    onChange({ ...values, [key]: value });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => event.preventDefault();
  const caseKnown = values.caseId === '' || cases.some((c) => c.id === values.caseId);
  return (
    <form className="toolbar" role="search" aria-label="Filter information" onSubmit={onSubmit}>
      <TextField
        label="Search"
        type="search"
        name="q"
        placeholder="Words in title or description"
        className="field--inline field--wide"
        value={values.q}
        onChange={(e) => set('q', e.target.value)}
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
        label="Situation"
        className="field--inline"
        value={values.caseId}
        onChange={(e) => set('caseId', e.target.value)}
      >
        <option value="">Any situation</option>
        {caseKnown ? null : <option value={values.caseId}>The chosen situation</option>}
        {cases.map((c) => (
          <option key={c.id} value={c.id}>
            {c.reference}: {visibleText(c.title)}
          </option>
        ))}
      </SelectField>
      <SelectField
        label="Crime type"
        className="field--inline"
        value={values.crimeType}
        onChange={(e) => set('crimeType', CRIME_TYPES.find((c) => c === e.target.value) ?? '')}
      >
        <option value="">Any crime type</option>
        {CRIME_TYPES.map((c: CrimeType) => (
          <option key={c} value={c}>
            {CRIME_TYPE_LABELS[c]}
          </option>
        ))}
      </SelectField>
      <SelectField
        label="Indicator"
        className="field--inline"
        value={values.indicatorId}
        onChange={(e) => set('indicatorId', e.target.value)}
      >
        <option value="">Any indicator</option>
        {factors.map((factor) => (
          <optgroup key={factor.number} label={`RF${factor.number} ${factor.shortName}`}>
            {factor.indicators.map((indicator) => (
              <option key={indicator.id} value={indicator.id}>
                {indicator.id} {indicator.label}
              </option>
            ))}
          </optgroup>
        ))}
      </SelectField>
      <TextField
        label="Event from"
        type="date"
        name="from"
        className="field--inline"
        value={values.from}
        onChange={(e) => set('from', e.target.value)}
      />
      <TextField
        label="Event to"
        type="date"
        name="to"
        className="field--inline"
        value={values.to}
        min={values.from || undefined}
        error={rangeError}
        onChange={(e) => set('to', e.target.value)}
      />
      <SelectField
        label="Sort by"
        className="field--inline"
        value={values.sort}
        onChange={(e) => set('sort', e.target.value === 'relevance' ? 'relevance' : 'eventDate')}
      >
        <option value={'eventDate' satisfies ItemSort}>Event date, newest first</option>
        <option value={'relevance' satisfies ItemSort}>Relevance (when searching)</option>
      </SelectField>
      <div className="toolbar__groups">
        <CheckboxGroupField
          legend="Kind"
          name="kind"
          options={KIND_OPTIONS}
          values={values.kinds}
          onChange={(kinds) => set('kinds', kinds)}
        />
        <CheckboxGroupField
          legend="Source reliability"
          name="reliability"
          options={RELIABILITY_OPTIONS}
          values={values.reliability}
          onChange={(reliability) => set('reliability', reliability)}
        />
        <CheckboxGroupField
          legend="Information credibility"
          name="credibility"
          options={CREDIBILITY_OPTIONS}
          values={values.credibility}
          onChange={(credibility) => set('credibility', credibility)}
        />
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
