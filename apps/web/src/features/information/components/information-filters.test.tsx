import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { Country } from '../../situations/api/cases-api';
import { EMPTY_ITEM_FILTERS, type FrameworkFactor, type ItemFilters } from '../api/information-api';
import { InformationFilters } from './information-filters';

const countries = [
  { code: 'SD', name: 'Sudan' },
  { code: 'MM', name: 'Myanmar' },
] as Country[];
const cases = [
  { id: 'case-1', reference: 'SIT-2026-0001', title: 'Darfur' },
  { id: 'case-2', reference: 'SIT-2026-0002', title: 'Rakhine\u202E' },
];
const factors = [
  {
    number: 7,
    shortName: 'Intent to destroy',
    indicators: [{ id: '7.1', label: 'Official documents' }],
  },
] as unknown as FrameworkFactor[];

/** The filters as the information page holds them: every change applies at once. */
function show(
  initial: Partial<ItemFilters> = {},
  props: { hasFilters?: boolean; rangeError?: string } = {},
) {
  const changes = vi.fn<(values: ItemFilters) => void>();
  const onClear = vi.fn();
  function Page() {
    const [values, setValues] = useState<ItemFilters>({ ...EMPTY_ITEM_FILTERS, ...initial });
    return (
      <InformationFilters
        values={values}
        onChange={(next) => {
          setValues(next);
          changes(next);
        }}
        countries={countries}
        cases={cases}
        factors={factors}
        hasFilters={props.hasFilters ?? false}
        onClear={onClear}
        rangeError={props.rangeError}
      />
    );
  }
  render(<Page />);
  const latest = () => changes.mock.lastCall?.[0];
  return { user: userEvent.setup({ delay: null }), latest, onClear };
}

describe('InformationFilters', () => {
  it('applies the words typed, keeping the other filters', async () => {
    const { user, latest } = show({ country: 'SD' });
    await user.type(screen.getByLabelText('Search'), 'attack');
    expect(latest()).toEqual({ ...EMPTY_ITEM_FILTERS, country: 'SD', q: 'attack' });
  });

  it('keeps the kinds ticked in the order they are listed, and unticks them', async () => {
    const { user, latest } = show();
    const kinds = within(screen.getByRole('group', { name: 'Kind' }));
    await user.click(kinds.getByLabelText('Report'));
    await user.click(kinds.getByLabelText('Incident'));
    expect(latest()?.kinds).toEqual(['incident', 'report']);
    await user.click(kinds.getByLabelText('Report'));
    expect(latest()?.kinds).toEqual(['incident']);
  });

  it('filters by the grade of the source and of the information', async () => {
    const { user, latest } = show();
    await user.click(screen.getByLabelText('B usually reliable'));
    const credibility = within(screen.getByRole('group', { name: 'Information credibility' }));
    await user.click(credibility.getAllByRole('checkbox')[1] as HTMLElement);
    expect(latest()).toMatchObject({ reliability: ['B'], credibility: [2] });
  });

  it('chooses a crime type and a sort order, and goes back to any crime type', async () => {
    const { user, latest } = show();
    await user.selectOptions(screen.getByLabelText('Crime type'), 'genocide');
    await user.selectOptions(screen.getByLabelText('Sort by'), 'Relevance (when searching)');
    expect(latest()).toMatchObject({ crimeType: 'genocide', sort: 'relevance' });
    await user.selectOptions(screen.getByLabelText('Crime type'), 'Any crime type');
    expect(latest()?.crimeType).toBe('');
  });

  it('lists situations by reference with hidden characters written out', () => {
    show();
    const situation = screen.getByLabelText('Situation') as HTMLSelectElement;
    expect([...situation.options].map((o) => o.textContent)).toEqual([
      'Any situation',
      'SIT-2026-0001: Darfur',
      'SIT-2026-0002: Rakhine⟨U+202E⟩',
    ]);
  });

  it('keeps a situation opened from a link selected even when it is not in the list', () => {
    show({ caseId: 'case-from-link' });
    const situation = screen.getByLabelText('Situation') as HTMLSelectElement;
    expect(situation.value).toBe('case-from-link');
    expect(situation.selectedOptions[0]?.textContent).toBe('The chosen situation');
  });

  it('groups indicators under their risk factor', () => {
    show();
    const group = screen.getByRole('group', { name: 'RF7 Intent to destroy' });
    expect(within(group).getByRole('option').textContent).toBe('7.1 Official documents');
  });

  it('shows a date range error beside "Event to", which cannot be before "Event from"', () => {
    show(
      { from: '2026-03-10', to: '2026-03-01' },
      { rangeError: 'The end date is before the start date.' },
    );
    const to = screen.getByLabelText('Event to');
    expect(to.getAttribute('min')).toBe('2026-03-10');
    expect(to.getAttribute('aria-invalid')).toBe('true');
    const describedBy = to.getAttribute('aria-describedby') ?? '';
    expect(document.getElementById(describedBy)?.textContent).toBe(
      'The end date is before the start date.',
    );
  });

  it('offers "Clear filters" only when something is filtered', () => {
    show();
    expect(screen.queryByRole('button', { name: 'Clear filters' })).toBeNull();
    render(
      <InformationFilters
        values={EMPTY_ITEM_FILTERS}
        onChange={() => undefined}
        countries={[]}
        cases={[]}
        factors={[]}
        hasFilters
        onClear={() => undefined}
      />,
    );
    expect(screen.getByRole('button', { name: 'Clear filters' })).toBeTruthy();
  });

  it('clears the filters when asked', async () => {
    const { user, onClear } = show({ q: 'attack' }, { hasFilters: true });
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(onClear).toHaveBeenCalledTimes(1);
  });
});
