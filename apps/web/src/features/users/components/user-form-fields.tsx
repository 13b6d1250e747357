import { useId } from 'react';
import { SelectField } from '../../../components/select-field';
import { FieldError, TextField } from '../../../components/text-field';
import { errorMessage } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/format';
import {
  CLEARANCES,
  CLEARANCE_LABELS,
  ROLES,
  type OrganisationSummary,
  type Role,
} from '../../../lib/api-types';
import { useOrganisationOptions } from '../../organisations/hooks/use-organisation-options';
import {
  MIN_PASSWORD_LENGTH,
  sortRoles,
  type UserFormMode,
  type UserFormValues,
} from './user-form-values';

interface UserFormFieldsProps {
  mode: UserFormMode;
  values: UserFormValues;
  errors: Record<string, string>;
  onChange: <K extends keyof UserFormValues>(key: K, value: UserFormValues[K]) => void;
  /** The user's current organisation, kept selectable even if it is not in the first 100. */
  currentOrganisation?: OrganisationSummary;
  /** Set while the user's sign-in is locked (edit): offers to lift the lock. */
  lockedUntil?: string | null;
  /** Why roles, clearance and organisation cannot be changed here (one's own account). */
  accessLockedReason?: string;
}

/** The inputs shared by the create and edit user forms. */
export function UserFormFields({
  mode,
  values,
  errors,
  onChange,
  currentOrganisation,
  lockedUntil,
  accessLockedReason,
}: UserFormFieldsProps) {
  const rolesErrorId = useId();
  const rolesHintId = useId();
  const activeHintId = useId();
  const unlockHintId = useId();
  const locked = accessLockedReason !== undefined;
  const signInLocked = Boolean(lockedUntil && new Date(lockedUntil).getTime() > Date.now());
  const organisations = useOrganisationOptions();
  const options: OrganisationSummary[] = [...(organisations.data ?? [])];
  if (currentOrganisation && !options.some((o) => o.id === currentOrganisation.id))
    options.unshift(currentOrganisation);

  const toggleRole = (role: Role, checked: boolean) => {
    const next = checked ? [...values.roles, role] : values.roles.filter((r) => r !== role);
    onChange('roles', sortRoles(next));
  };

  const organisationError =
    errors['organisationId'] ??
    (organisations.isError
      ? `Organisations could not be loaded: ${errorMessage(organisations.error)}`
      : undefined);

  return (
    <>
      <TextField
        label="Display name"
        name="displayName"
        autoComplete="off"
        required
        value={values.displayName}
        onChange={(e) => onChange('displayName', e.target.value)}
        error={errors['displayName']}
      />
      {mode === 'create' ? (
        <TextField
          label="E-mail"
          name="email"
          type="email"
          autoComplete="off"
          required
          value={values.email}
          onChange={(e) => onChange('email', e.target.value)}
          error={errors['email']}
        />
      ) : null}
      <TextField
        label={mode === 'create' ? 'Initial password' : 'New password'}
        name="password"
        type="password"
        autoComplete="new-password"
        required={mode === 'create'}
        minLength={MIN_PASSWORD_LENGTH}
        hint={
          mode === 'create'
            ? `At least ${MIN_PASSWORD_LENGTH} characters and hard to guess: a few uncommon words work well.`
            : `Optional. Leave blank to keep the current password; otherwise at least ${MIN_PASSWORD_LENGTH} characters and hard to guess.`
        }
        value={values.password}
        onChange={(e) => onChange('password', e.target.value)}
        error={errors['password']}
      />
      <fieldset
        className="field fieldset"
        disabled={locked}
        aria-describedby={[rolesHintId, errors['roles'] ? rolesErrorId : ''].join(' ').trim()}
        aria-invalid={errors['roles'] ? true : undefined}
      >
        <legend className="field__label">Roles</legend>
        <p id={rolesHintId} className="field__hint">
          {accessLockedReason ??
            'Granting adviser or admin, or a higher clearance, waits for another administrator to confirm it.'}
        </p>
        <div className="checkbox-group">
          {ROLES.map((role) => (
            <label key={role} className="checkbox">
              <input
                type="checkbox"
                name="roles"
                value={role}
                checked={values.roles.includes(role)}
                onChange={(e) => toggleRole(role, e.target.checked)}
              />
              {role}
            </label>
          ))}
        </div>
        <FieldError id={rolesErrorId} message={errors['roles']} />
      </fieldset>
      <SelectField
        label="Clearance"
        name="clearance"
        required
        disabled={locked}
        value={values.clearance}
        onChange={(e) => {
          const value = CLEARANCES.find((c) => c === e.target.value);
          onChange('clearance', value ?? '');
        }}
        error={errors['clearance']}
      >
        <option value="">Choose a clearance…</option>
        {CLEARANCES.map((clearance) => (
          <option key={clearance} value={clearance}>
            {CLEARANCE_LABELS[clearance]}
          </option>
        ))}
      </SelectField>
      <SelectField
        label="Organisation"
        name="organisationId"
        required
        disabled={locked}
        value={values.organisationId}
        onChange={(e) => onChange('organisationId', e.target.value)}
        error={organisationError}
        aria-busy={organisations.isPending}
      >
        <option value="">
          {organisations.isPending ? 'Loading organisations…' : 'Choose an organisation…'}
        </option>
        {options.map((organisation) => (
          <option key={organisation.id} value={organisation.id}>
            {organisation.name}
          </option>
        ))}
      </SelectField>
      {mode === 'edit' ? (
        <div className="field">
          <label className="checkbox">
            <input
              type="checkbox"
              name="active"
              aria-describedby={activeHintId}
              checked={values.active}
              onChange={(e) => onChange('active', e.target.checked)}
            />
            Active
          </label>
          <p id={activeHintId} className="field__hint">
            Deactivated users cannot sign in.
          </p>
        </div>
      ) : null}
      {mode === 'edit' && signInLocked && lockedUntil ? (
        <div className="field">
          <label className="checkbox">
            <input
              type="checkbox"
              name="unlock"
              aria-describedby={unlockHintId}
              checked={values.unlock}
              onChange={(e) => onChange('unlock', e.target.checked)}
            />
            Lift the sign-in lock
          </label>
          <p id={unlockHintId} className="field__hint">
            Locked until {formatDateTime(lockedUntil)} after many failed sign-ins from many
            addresses. Lift it once you know the person is who they say.
          </p>
        </div>
      ) : null}
    </>
  );
}
