import { useState } from 'react';
import { ApiError, errorMessage } from '../../../lib/api-client';
import {
  focusFirstError,
  validateUserForm,
  type UserFormValues,
} from '../components/user-form-values';

/** Form state shared by the "New user" and "Edit" dialogs: values, field errors, the form alert. */
export function useUserForm(initial: () => UserFormValues, mode: 'create' | 'edit') {
  const [values, setValues] = useState<UserFormValues>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);

  const onChange = <K extends keyof UserFormValues>(key: K, value: UserFormValues[K]) =>
    setValues((current) => ({ ...current, [key]: value }));

  /** Checks the values before sending; on problems shows them, focuses the first, answers false. */
  const validate = (form: HTMLFormElement): boolean => {
    const clientErrors = validateUserForm(values, mode);
    setErrors(clientErrors);
    setFormError(null);
    if (Object.keys(clientErrors).length === 0) return true;
    setFormError('Please correct the highlighted fields.');
    focusFirstError(form, clientErrors);
    return false;
  };

  /** Shows a refusal from the server: field messages beside their fields, the message above. */
  const showServerError = (form: HTMLFormElement, error: unknown) => {
    const serverErrors = error instanceof ApiError ? error.fieldErrors() : {};
    setErrors(serverErrors);
    setFormError(errorMessage(error));
    focusFirstError(form, serverErrors);
  };

  return { values, errors, formError, onChange, validate, showServerError };
}
