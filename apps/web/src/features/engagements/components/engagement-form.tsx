import { useState } from 'react';
import { ENGAGEMENT_KINDS } from '@vigil/domain';
import { FormAlert } from '../../../components/form-alert';
import { SelectField } from '../../../components/select-field';
import { TextAreaField } from '../../../components/textarea-field';
import { TextField } from '../../../components/text-field';
import { useFormSubmit, type FieldErrors } from '../../../lib/use-form-submit';
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
  const form = useFormSubmit(
    () =>
      onSubmit({
        organisationId,
        kind,
        date,
        summary: summary.trim(),
        outcome: outcome.trim() || undefined,
        followUpDue: followUpDue || undefined,
      }),
    {
      validate: () => {
        const errors: FieldErrors = {};
        if (!organisationId) errors['organisationId'] = 'Choose the organisation.';
        if (!date) errors['date'] = 'Enter the day it took place.';
        if (!summary.trim()) errors['summary'] = 'Summarise the engagement.';
        return errors;
      },
      focus: 'none',
    },
  );

  return (
    <form
      className="form inline-form"
      noValidate
      aria-label="New engagement"
      aria-busy={form.busy}
      onSubmit={(e) => void form.submit(e)}
    >
      <FormAlert message={form.formError} />
      <div className="form-grid">
        <SelectField
          label="Organisation"
          required
          value={organisationId}
          error={form.fieldError('organisationId')}
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
          error={form.fieldError('kind')}
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
          error={form.fieldError('date')}
          onChange={(e) => setDate(e.target.value)}
        />
        <TextField
          label="Follow-up due"
          type="date"
          value={followUpDue}
          error={form.fieldError('followUpDue')}
          onChange={(e) => setFollowUpDue(e.target.value)}
        />
      </div>
      <TextAreaField
        label="Summary"
        required
        rows={3}
        maxLength={5000}
        value={summary}
        error={form.fieldError('summary')}
        onChange={(e) => setSummary(e.target.value)}
      />
      <TextAreaField
        label="Outcome"
        rows={2}
        maxLength={5000}
        value={outcome}
        error={form.fieldError('outcome')}
        onChange={(e) => setOutcome(e.target.value)}
      />
      <div className="form__actions">
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="button button--primary" disabled={form.busy}>
          Record engagement
        </button>
      </div>
    </form>
  );
}
