import { useId, useState } from 'react';
import type { FrameworkFactor } from '../api/information-api';

interface IndicatorPickerProps {
  factors: FrameworkFactor[];
  values: string[];
  onChange: (values: string[]) => void;
  error?: string;
}

/** Framework indicators the item bears on, grouped by risk factor (each group folds away). */
export function IndicatorPicker({ factors, values, onChange, error }: IndicatorPickerProps) {
  const id = useId();
  return (
    <fieldset className="fieldset form-section" aria-describedby={`${id}-chosen`}>
      <legend className="form-section__title">Framework of Analysis indicators</legend>
      <p id={`${id}-chosen`} className="field__hint">
        {values.length === 0
          ? 'None chosen. Open a risk factor to choose the indicators this information bears on.'
          : `Chosen: ${values.join(', ')}`}
      </p>
      {error ? <p className="field__error">{error}</p> : null}
      <div className="factor-groups">
        {factors.map((factor) => (
          <FactorGroup
            key={factor.number}
            factor={factor}
            values={values}
            onChange={onChange}
            invalid={Boolean(error)}
          />
        ))}
      </div>
    </fieldset>
  );
}

interface FactorGroupProps {
  factor: FrameworkFactor;
  values: string[];
  onChange: (values: string[]) => void;
  invalid: boolean;
}

/** One risk factor's indicators; open at first when some are already chosen. */
function FactorGroup({ factor, values, onChange, invalid }: FactorGroupProps) {
  const chosen = factor.indicators.filter((i) => values.includes(i.id)).length;
  const [open, setOpen] = useState(chosen > 0);
  const toggle = (indicatorId: string, on: boolean) =>
    onChange(on ? [...values, indicatorId] : values.filter((v) => v !== indicatorId));
  return (
    <details
      className="factor-group"
      open={open}
      onToggle={(event) => setOpen(event.currentTarget.open)}
    >
      <summary>
        RF{factor.number} {factor.shortName}
        {chosen > 0 ? <span className="muted"> ({chosen} chosen)</span> : null}
      </summary>
      <ul className="checkbox-list">
        {factor.indicators.map((indicator) => (
          <li key={indicator.id}>
            <label className="checkbox">
              <input
                type="checkbox"
                name="indicatorIds"
                value={indicator.id}
                checked={values.includes(indicator.id)}
                aria-invalid={invalid ? true : undefined}
                onChange={(e) => toggle(indicator.id, e.target.checked)}
              />
              {indicator.id} {indicator.label}
            </label>
          </li>
        ))}
      </ul>
    </details>
  );
}
