import { Dialog } from '../../../components/dialog';
import { FormAlert } from '../../../components/form-alert';
import type { User } from '../../../lib/api-types';
import type { UpdateUserInput, UserChange } from '../api/users-api';
import { useCurrentUser } from '../../auth/hooks/current-user-context';
import { useUpdateUser } from '../hooks/use-save-user';
import { UserFormFields } from './user-form-fields';
import { useUserForm } from '../hooks/use-user-form';
import { userToForm, type UserFormValues } from './user-form-values';

interface EditUserDialogProps {
  user: User;
  onClose: () => void;
  onSaved: (user: UserChange) => void;
}

/** Only the fields that differ from `user` (roles compared as sets). */
function changedFields(user: User, values: UserFormValues): UpdateUserInput {
  const patch: UpdateUserInput = {};
  const displayName = values.displayName.trim();
  if (displayName !== user.displayName) patch.displayName = displayName;
  const sameRoles =
    values.roles.length === user.roles.length && values.roles.every((r) => user.roles.includes(r));
  if (!sameRoles) patch.roles = values.roles;
  if (values.clearance && values.clearance !== user.clearance) patch.clearance = values.clearance;
  if (values.organisationId !== user.organisationId) patch.organisationId = values.organisationId;
  if (values.active !== user.active) patch.active = values.active;
  if (values.password) patch.password = values.password;
  if (values.unlock) patch.unlock = true;
  return patch;
}

/** "Edit" dialog for a user: `PATCH /api/users/:id` with changed fields only. */
export function EditUserDialog({ user, onClose, onSaved }: EditUserDialogProps) {
  const update = useUpdateUser();
  const self = useCurrentUser().id === user.id;
  const { values, onChange, form } = useUserForm(
    () => userToForm(user),
    'edit',
    async (values) => {
      const patch = changedFields(user, values);
      if (Object.keys(patch).length === 0) return onClose();
      onSaved(await update.mutateAsync({ id: user.id, input: patch }));
    },
  );

  return (
    <Dialog title={`Edit ${user.displayName}`} description={user.email} onClose={onClose}>
      <form
        className="form"
        onSubmit={(event) => void form.submit(event)}
        noValidate
        aria-busy={form.busy}
      >
        <FormAlert message={form.formError} />
        <UserFormFields
          mode="edit"
          values={values}
          errors={form.errors}
          onChange={onChange}
          currentOrganisation={user.organisation}
          lockedUntil={user.lockedUntil}
          accessLockedReason={
            self
              ? 'You cannot change your own roles, clearance or organisation: another administrator must do it.'
              : undefined
          }
        />
        <div className="form__actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={form.busy}>
            Save changes
          </button>
        </div>
      </form>
    </Dialog>
  );
}
