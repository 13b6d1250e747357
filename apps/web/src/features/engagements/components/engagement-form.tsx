import { useState, type FormEvent } from 'react';
import { ENGAGEMENT_KINDS } from '@vigil/domain';
import { FormAlert } from '../../../components/form-alert';
import { SelectField } from '../../../components/select-field';
import { TextAreaField } from '../../../components/textarea-field';
import { TextField } from '../../../components/text-field';
import { ApiError, errorMessage } from '../../../lib/api-client';
import { useOrganisationOptions } from '../../organisations/hooks/use-organisation-options';
import type { EngagementKind, NewEngagement } from '../api/engagements-api';
import { ENGAGEMENT_KIND_LABELS, todayInput } from './engagement-labels';

interface EngagementFormProps {
  onSubmit: (input: NewEngagement) => Promise<void>;
  onCancel: () => void;
}

/** A new engagement: the partner, how and when, what was said and done, and the follow-up. */
export function EngagementForm({ onSubmit, onCancel }: EngagementFormProps) {
  const organisations = useOrganisationOptions();
  const [organisationId, setOrganisationId] = useState('');
  const [kind, setKind] = useState<EngagementKind>('meeting');
  const [date, setDate] = useState(todayInput);
  const [summary, setSummary] = useState('');
  const [outcome, setOutcome] = useState('');
  const [followUpDue, setFollowUpDue] = useState('');
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const clientErrors: Record<string, string> = {};
    if (!organisationId) clientErrors['organisationId'] = 'Choose the organisation.';
    if (!date) clientErrors['date'] = 'Enter the day it took place.';
    if (!summary.trim()) clientErrors['summary'] = 'Summarise the engagement.';
    setErrors(clientErrors);
    setFormError(null);
    if (Object.keys(clientErrors).length > 0) {
      setFormError('Please correct the highlighted fields.');
      return;
    }
    setBusy(true);
    try {
      await onSubmit({
        organisationId,
        kind,
        date,
        summary: summary.trim(),
        outcome: outcome.trim() || undefined,
        followUpDue: followUpDue || undefined,
      });
    } catch (error) {
      setErrors(error instanceof ApiError ? error.fieldErrors() : {});
      setFormError(errorMessage(error));
      setBusy(false);
    }
  };

  return (
    <form
      className="form inline-form"
      noValidate
      aria-label="New engagement"
      aria-busy={busy}
      onSubmit={(e) => void submit(e)}
    >
      <FormAlert message={formError} />
      <div className="form-grid">
        <SelectField
          label="Organisation"
          required
          value={organisationId}
          error={errors['organisationId']}
          onChange={(e) => setOrganisationId(e.target.value)}
        >
          <option value="">Choose an organisation…</option>
          {(organisations.data ?? []).map((o) => (
            <option key={o.id} value={o.id}>
              {o.acronym ? `${o.acronym} — ${o.name}` : o.name}
            </option>
          ))}
        </SelectField>
        <SelectField
          label="Kind"
          value={kind}
          error={errors['kind']}
          onChange={(e) => setKind(e.target.value as EngagementKind)}
        >
          {ENGAGEMENT_KINDS.map((k) => (
            <option key={k} value={k}>
              {ENGAGEMENT_KIND_LABELS[k]}
            </option>
          ))}
        </SelectField>
        <TextField
          label="Date"
          type="date"
          required
          value={date}
          error={errors['date']}
          onChange={(e) => setDate(e.target.value)}
        />
        <TextField
          label="Follow-up due"
          type="date"
          value={followUpDue}
          error={errors['followUpDue']}
          onChange={(e) => setFollowUpDue(e.target.value)}
        />
      </div>
      <TextAreaField
        label="Summary"
        required
        rows={3}
        maxLength={5000}
        value={summary}
        error={errors['summary']}
        onChange={(e) => setSummary(e.target.value)}
      />
      <TextAreaField
        label="Outcome"
        rows={2}
        maxLength={5000}
        value={outcome}
        error={errors['outcome']}
        onChange={(e) => setOutcome(e.target.value)}
      />
      <div className="form__actions">
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="button button--primary" disabled={busy}>
          Record engagement
        </button>
      </div>
    </form>
  );
}
