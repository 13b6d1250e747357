import { useId } from 'react';
import { FieldError } from './field';

/** One choice of a checkbox group. */
export interface CheckboxOption<T extends string | number> {
  value: T;
  label: string;
}

interface CheckboxGroupFieldProps<T extends string | number> {
  legend: string;
  /** Shared by every checkbox, so the first one can be focused by name after an error. */
  name: string;
  options: readonly CheckboxOption<T>[];
  values: readonly T[];
  onChange: (values: T[]) => void;
  error?: string;
  hint?: string;
  className?: string;
}

/**
 * A labelled group of checkboxes (a `<fieldset>` with a `<legend>`) for a multiple choice, with
 * hint and error text tied to the group. Values keep the order of `options`.
 */
export function CheckboxGroupField<T extends string | number>({
  legend,
  name,
  options,
  values,
  onChange,
  error,
  hint,
  className,
}: CheckboxGroupFieldProps<T>) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ');
  const toggle = (value: T, on: boolean) => {
    const next = new Set(values);
    if (on) next.add(value);
    else next.delete(value);
    onChange(options.map((o) => o.value).filter((v) => next.has(v)));
  };
  return (
    <fieldset
      className={['fieldset field', className].filter(Boolean).join(' ')}
      aria-describedby={describedBy || undefined}
    >
      <legend className="field__label">{legend}</legend>
      {hint ? (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      ) : null}
      <div className="checkbox-group">
        {options.map((option) => (
          <label key={String(option.value)} className="checkbox">
            <input
              type="checkbox"
              name={name}
              value={String(option.value)}
              checked={values.includes(option.value)}
              aria-invalid={error ? true : undefined}
              onChange={(event) => toggle(option.value, event.target.checked)}
            />
            {option.label}
          </label>
        ))}
      </div>
      <FieldError id={errorId} message={error} />
    </fieldset>
  );
}
