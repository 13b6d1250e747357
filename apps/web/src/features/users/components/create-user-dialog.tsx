import type { FormEvent } from 'react';
import { Dialog } from '../../../components/dialog';
import { FormAlert } from '../../../components/form-alert';
import type { UserChange } from '../api/users-api';
import { useCreateUser } from '../hooks/use-save-user';
import { UserFormFields } from './user-form-fields';
import { useUserForm } from '../hooks/use-user-form';
import { emptyUserForm } from './user-form-values';

interface CreateUserDialogProps {
  onClose: () => void;
  onCreated: (user: UserChange) => void;
}

/** "New user" dialog: validates client-side, then `POST /api/users`. */
export function CreateUserDialog({ onClose, onCreated }: CreateUserDialogProps) {
  const create = useCreateUser();
  const { values, errors, formError, onChange, validate, showServerError } = useUserForm(
    emptyUserForm,
    'create',
  );

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (create.isPending) return;
    const form = event.currentTarget;
    // Validation requires a clearance; the second test only narrows its type.
    if (!validate(form) || !values.clearance) return;
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
      showServerError(form, error);
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
