import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ApiSchemas } from '@vigil/client';
import { SelectField } from '../../../components/select-field';
import { api, errorMessage, unwrap } from '../../../lib/api-client';
import { meQueryKey, useMe } from '../../auth/hooks/use-me';

export type EmailPreference = ApiSchemas['UpdatePreferencesDto']['emailNotifications'];

const OPTIONS: Record<EmailPreference, string> = {
  off: 'No e-mail',
  immediate: 'An e-mail for each notification',
  daily_digest: 'One e-mail a day (digest)',
};

function isPreference(value: string): value is EmailPreference {
  return Object.hasOwn(OPTIONS, value);
}

/** The signed-in user's choice of e-mail for notifications. */
export function EmailPreferenceField() {
  const me = useMe();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState('');
  const save = useMutation({
    mutationFn: (emailNotifications: EmailPreference) =>
      unwrap(api.PATCH('/api/auth/me/preferences', { body: { emailNotifications } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meQueryKey }),
  });
  const current = save.isPending ? save.variables : me.data?.emailNotifications;
  if (!current) return null;

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
