import type { InputHTMLAttributes } from 'react';
import { Field } from './field';

export { FieldError } from './field';

interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> {
  label: string;
  error?: string;
  hint?: string;
}

/** Labelled text input with hint and error text wired up via `aria-describedby`. */
export function TextField({ label, error, hint, className, ...inputProps }: TextFieldProps) {
  return (
    <Field label={label} error={error} hint={hint} className={className}>
      {(control) => <input className="input" {...control} {...inputProps} />}
    </Field>
  );
}
