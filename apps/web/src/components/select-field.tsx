import { useId, type ReactNode, type SelectHTMLAttributes } from 'react';
import { FieldError } from './text-field';

interface SelectFieldProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'> {
  label: string;
  error?: string;
  children: ReactNode;
}

/** Labelled `<select>` with error text wired up via `aria-describedby`. */
export function SelectField({
  label,
  error,
  children,
  className,
  ...selectProps
}: SelectFieldProps) {
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <div className={['field', className].filter(Boolean).join(' ')}>
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <select
        id={id}
        className="input select"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        {...selectProps}
      >
        {children}
      </select>
      <FieldError id={errorId} message={error} />
    </div>
  );
}
