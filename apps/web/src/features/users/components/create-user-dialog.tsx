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
  const { values, onChange, form } = useUserForm(emptyUserForm, 'create', async (values) => {
    // The check requires a clearance; this only narrows its type.
    if (!values.clearance) return;
    const user = await create.mutateAsync({
      email: values.email.trim(),
      displayName: values.displayName.trim(),
      password: values.password,
      roles: values.roles,
      clearance: values.clearance,
      organisationId: values.organisationId,
    });
    onCreated(user);
  });

  return (
    <Dialog title="New user" onClose={onClose}>
      <form
        className="form"
        onSubmit={(event) => void form.submit(event)}
        noValidate
        aria-busy={form.busy}
      >
        <FormAlert message={form.formError} />
        <UserFormFields mode="create" values={values} errors={form.errors} onChange={onChange} />
        <div className="form__actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={form.busy}>
            Create user
          </button>
        </div>
      </form>
    </Dialog>
  );
}
