import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { SelectField } from '../../../components/select-field';
import { errorMessage, requestJson } from '../../../lib/api-client';
import { useCurrentUser } from '../../auth/hooks/current-user-context';
import { meQueryKey } from '../../auth/hooks/use-me';

export type EmailPreference = 'off' | 'immediate' | 'daily_digest';

const OPTIONS: Record<EmailPreference, string> = {
  off: 'No e-mail',
  immediate: 'An e-mail for each notification',
  daily_digest: 'One e-mail a day (digest)',
};

function isPreference(value: unknown): value is EmailPreference {
  return value === 'off' || value === 'immediate' || value === 'daily_digest';
}

/** The e-mail preference of the signed-in user; shown once the api reports one. */
export function EmailPreferenceField() {
  const user: object = useCurrentUser();
  const current = 'emailNotifications' in user ? user.emailNotifications : undefined;
  const queryClient = useQueryClient();
  const [status, setStatus] = useState('');
  const save = useMutation({
    mutationFn: (emailNotifications: EmailPreference) =>
      requestJson('PATCH', '/api/auth/me/preferences', { body: { emailNotifications } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meQueryKey }),
  });
  if (!isPreference(current)) return null;

  return (
    <div className="card">
      <SelectField
        label="E-mail me about notifications"
        value={current}
        disabled={save.isPending}
        error={save.isError ? errorMessage(save.error) : undefined}
        onChange={(event) => {
          const next = event.target.value;
          if (!isPreference(next)) return;
          setStatus('');
          save.mutate(next, { onSuccess: () => setStatus('E-mail preference saved.') });
        }}
      >
        {Object.entries(OPTIONS).map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </SelectField>
      <p role="status" className="page__status">
        {status}
      </p>
    </div>
  );
}
