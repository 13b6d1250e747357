import { useState } from 'react';
import { ApiError } from '../../../lib/api-client';
import { useFormSubmit, type FieldErrors } from '../../../lib/use-form-submit';
import {
  fieldSentence,
  validateItemForm,
  type ItemFormValues,
} from '../components/item-form-values';

/** Field messages of a refusal, keyed by top-level field, as sentences. */
export function serverFieldErrors(error: ApiError): FieldErrors {
  return Object.fromEntries(
    Object.entries(error.fieldErrors()).map(([field, message]) => [field, fieldSentence(message)]),
  );
}

/** Form values whose errors the API reports under another name. */
const ERROR_FIELD: Partial<Record<keyof ItemFormValues, string>> = {
  source: 'sourceId',
  cases: 'caseIds',
};

interface ItemFormActions {
  /** Sends valid values; rejects with the server's refusal. */
  onSave: (values: ItemFormValues) => Promise<void>;
  /** For edits: fetches the newest version and answers its form values. */
  onReload?: () => Promise<ItemFormValues | undefined>;
}

/**
 * State of the item form: values, the submit cycle (field messages beside their fields, the
 * form-level alert) and, for edits, a conflict with someone else's save.
 */
export function useItemForm(initial: () => ItemFormValues, { onSave, onReload }: ItemFormActions) {
  const [values, setValues] = useState<ItemFormValues>(initial);
  const [conflict, setConflict] = useState(false);
  const form = useFormSubmit(
    () => {
      setConflict(false);
      return onSave(values);
    },
    {
      validate: () => validateItemForm(values),
      toFieldErrors: serverFieldErrors,
      onError: (error) => {
        const stale =
          onReload !== undefined && error instanceof ApiError && error.statusCode === 409;
        if (stale) setConflict(true);
        return stale;
      },
    },
  );

  const set = <K extends keyof ItemFormValues>(key: K, value: ItemFormValues[K]) => {
    setValues((current) => ({ ...current, [key]: value }));
    // A field's message goes once it is changed (the next check may bring it back).
    form.clearFieldError(ERROR_FIELD[key] ?? key);
  };

  /** Replaces the values with the newest saved version (the user was told their edits go). */
  const reload = async () => {
    if (!onReload) return;
    const fresh = await onReload();
    if (fresh) setValues(fresh);
    setConflict(false);
  };

  return { values, set, form, conflict, reload };
}
