import { useState, type FormEvent } from 'react';
import { Dialog } from '../../../components/dialog';
import { FormAlert } from '../../../components/form-alert';
import { ApiError, errorMessage } from '../../../lib/api-client';
import type { User } from '../../../lib/api-types';
import { useCreateUser } from '../hooks/use-save-user';
import { UserFormFields } from './user-form-fields';
import {
  emptyUserForm,
  focusFirstError,
  validateUserForm,
  type UserFormValues,
} from './user-form-values';

interface CreateUserDialogProps {
  onClose: () => void;
  onCreated: (user: User) => void;
}

/** "New user" dialog: validates client-side, then `POST /api/users`. */
export function CreateUserDialog({ onClose, onCreated }: CreateUserDialogProps) {
  const create = useCreateUser();
  const [values, setValues] = useState<UserFormValues>(emptyUserForm);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);

  const onChange = <K extends keyof UserFormValues>(key: K, value: UserFormValues[K]) =>
    setValues((current) => ({ ...current, [key]: value }));

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (create.isPending) return;
    const form = event.currentTarget;
    const clientErrors = validateUserForm(values, 'create');
    setErrors(clientErrors);
    setFormError(null);
    if (Object.keys(clientErrors).length > 0 || !values.clearance) {
      setFormError('Please correct the highlighted fields.');
      focusFirstError(form, clientErrors);
      return;
    }
    try {
      const user = await create.mutateAsync({
        email: values.email.trim(),
        displayName: values.displayName.trim(),
        password: values.password,
        roles: values.roles,
        clearance: values.clearance,
        organisationId: values.organisationId,
      });
      onCreated(user);
    } catch (error) {
      const serverErrors = error instanceof ApiError ? error.fieldErrors() : {};
      setErrors(serverErrors);
      setFormError(errorMessage(error));
      focusFirstError(form, serverErrors);
    }
  };

  return (
    <Dialog title="New user" onClose={onClose}>
      <form
        className="form"
        onSubmit={(event) => void onSubmit(event)}
        noValidate
        aria-busy={create.isPending}
      >
        <FormAlert message={formError} />
        <UserFormFields mode="create" values={values} errors={errors} onChange={onChange} />
        <div className="form__actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={create.isPending}>
            Create user
          </button>
        </div>
      </form>
    </Dialog>
  );
}
