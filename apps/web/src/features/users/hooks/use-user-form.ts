import { useState } from 'react';
import { useFormSubmit } from '../../../lib/use-form-submit';
import { validateUserForm, type UserFormValues } from '../components/user-form-values';

/**
 * Form state shared by the "New user" and "Edit" dialogs: the values, and the submit cycle that
 * checks them, sends them with `save` and shows the messages.
 */
export function useUserForm(
  initial: () => UserFormValues,
  mode: 'create' | 'edit',
  save: (values: UserFormValues) => Promise<unknown>,
) {
  const [values, setValues] = useState<UserFormValues>(initial);
  const form = useFormSubmit(() => save(values), {
    validate: () => validateUserForm(values, mode),
  });

  const onChange = <K extends keyof UserFormValues>(key: K, value: UserFormValues[K]) =>
    setValues((current) => ({ ...current, [key]: value }));

  return { values, onChange, form };
}
