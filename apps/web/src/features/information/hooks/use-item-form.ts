import { useState } from 'react';
import { ApiError, errorMessage } from '../../../lib/api-client';
import {
  fieldSentence,
  validateItemForm,
  type ItemFormValues,
} from '../components/item-form-values';

/** Focuses the first invalid control inside `container` once React has rendered the errors. */
export function focusFirstInvalidIn(container: Element | null): void {
  window.setTimeout(
    () => container?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(),
    0,
  );
}

/** Field messages of a refusal, keyed by top-level field, as sentences. */
export function serverFieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  return Object.fromEntries(
    Object.entries(error.fieldErrors()).map(([field, message]) => [field, fieldSentence(message)]),
  );
}

/** Form values whose errors the API reports under another name. */
const ERROR_FIELD: Partial<Record<keyof ItemFormValues, string>> = {
  source: 'sourceId',
  cases: 'caseIds',
};

/** State of the item form: values, field errors beside their fields, the form-level alert. */
export function useItemForm(initial: () => ItemFormValues) {
  const [values, setValues] = useState<ItemFormValues>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);

  const set = <K extends keyof ItemFormValues>(key: K, value: ItemFormValues[K]) => {
    setValues((current) => ({ ...current, [key]: value }));
    // A field's message goes once it is changed (the next check may bring it back).
    const field = ERROR_FIELD[key] ?? key;
    setErrors((current) => {
      if (!(field in current)) return current;
      const rest = { ...current };
      delete rest[field];
      return rest;
    });
  };

  /** Checks before sending; on problems shows them, focuses the first and answers false. */
  const validate = (form: HTMLFormElement): boolean => {
    const found = validateItemForm(values);
    setErrors(found);
    setFormError(null);
    if (Object.keys(found).length === 0) return true;
    setFormError('Please correct the highlighted fields.');
    focusFirstInvalidIn(form);
    return false;
  };

  /** A refusal from the server: its field messages beside the fields, its message above. */
  const showServerError = (form: HTMLFormElement, error: unknown) => {
    setErrors(serverFieldErrors(error));
    setFormError(errorMessage(error));
    focusFirstInvalidIn(form);
  };

  return { values, setValues, set, errors, formError, validate, showServerError };
}
