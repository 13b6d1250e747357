import type { ReactNode, SelectHTMLAttributes } from 'react';
import { Field } from './field';

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
  return (
    <Field label={label} error={error} className={className}>
      {(control) => (
        <select className="input select" {...control} {...selectProps}>
          {children}
        </select>
      )}
    </Field>
  );
}
