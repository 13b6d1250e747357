import { useId, useState, type FormEvent } from 'react';
import {
  RABAT_PARTS,
  RABAT_PART_LABELS,
  SPEECH_HALLMARKS,
  SPEECH_HALLMARK_LABELS,
  type RabatPart,
} from '@vigil/domain';
import { CheckboxGroupField } from '../../../components/checkbox-group-field';
import { ConflictAlert } from '../../../components/conflict-alert';
import { FormAlert } from '../../../components/form-alert';
import { TextField } from '../../../components/text-field';
import { ApiError } from '../../../lib/api-client';
import { useFormSubmit } from '../../../lib/use-form-submit';
import type { InformationItem } from '../api/information-api';
import { useSaveSpeechAssessment } from '../hooks/use-information-actions';
import { serverFieldErrors } from '../hooks/use-item-form';
import { RabatResult } from './rabat-result';
import {
  metParts,
  speechToForm,
  toSpeechBody,
  validateSpeechForm,
  type SpeechFormValues,
} from './speech-form-values';

const HALLMARK_OPTIONS = SPEECH_HALLMARKS.map((value) => ({
  value,
  label: SPEECH_HALLMARK_LABELS[value],
}));

interface SpeechAssessmentFormProps {
  item: InformationItem;
  onSaved: () => void;
  onCancel: () => void;
  onReload: () => Promise<InformationItem | undefined>;
}

/** The Rabat threshold test of a speech: six parts (met + note), who spoke to whom, hallmarks. */
export function SpeechAssessmentForm({
  item,
  onSaved,
  onCancel,
  onReload,
}: SpeechAssessmentFormProps) {
  const id = useId();
  const save = useSaveSpeechAssessment(item.id);
  const [values, setValues] = useState<SpeechFormValues>(() => speechToForm(item.speechAssessment));
  const [version, setVersion] = useState(item.speechAssessment?.version);
  const [conflict, setConflict] = useState(false);
  const set = <K extends keyof SpeechFormValues>(key: K, value: SpeechFormValues[K]) =>
    setValues((current) => ({ ...current, [key]: value }));
  const setPart = (part: RabatPart, change: Partial<{ met: boolean; note: string }>) =>
    setValues((current) => ({
      ...current,
      parts: { ...current.parts, [part]: { ...current.parts[part], ...change } },
    }));

  const form = useFormSubmit(
    async () => {
      await save.mutateAsync(toSpeechBody(values, version));
      onSaved();
    },
    {
      validate: () => validateSpeechForm(values),
      toFieldErrors: serverFieldErrors,
      onError: (error) => {
        const stale = error instanceof ApiError && error.statusCode === 409;
        if (stale) setConflict(true);
        return stale;
      },
    },
  );
  const submit = (event: FormEvent<HTMLFormElement>) => {
    setConflict(false);
    void form.submit(event);
  };

  const reload = async () => {
    const fresh = await onReload();
    setValues(speechToForm(fresh?.speechAssessment ?? null));
    setVersion(fresh?.speechAssessment?.version);
    setConflict(false);
  };

  const text = (
    key: 'speaker' | 'speakerStatus' | 'audience' | 'targetGroup' | 'medium' | 'reach',
    label: string,
    required = false,
  ) => (
    <TextField
      label={label}
      name={key}
      required={required}
      value={values[key]}
      error={form.fieldError(key)}
      onChange={(e) => set(key, e.target.value)}
    />
  );

  return (
    <form
      className="form"
      noValidate
      aria-busy={form.busy}
      aria-labelledby={`${id}-title`}
      onSubmit={submit}
    >
      <h3 id={`${id}-title`}>Rabat threshold test</h3>
      {conflict ? (
        <ConflictAlert
          message="Someone else changed this assessment since you opened it. Reload to see their version (your changes here will be replaced)."
          onReload={() => void reload()}
        />
      ) : null}
      <FormAlert message={form.formError} />
      <div className="form-grid">
        {text('speaker', 'Speaker', true)}
        {text('speakerStatus', 'Speaker’s status or influence')}
        {text('audience', 'Audience')}
        {text('targetGroup', 'Target group', true)}
        {text('medium', 'Medium')}
        {text('reach', 'Reach')}
      </div>
      <CheckboxGroupField
        legend="Hallmarks of dangerous speech"
        name="hallmarks"
        options={HALLMARK_OPTIONS}
        values={values.hallmarks}
        error={form.fieldError('hallmarks')}
        onChange={(hallmarks) => set('hallmarks', hallmarks)}
      />
      <fieldset className="fieldset rabat-parts">
        <legend className="field__label">The six parts (all six are needed for incitement)</legend>
        {RABAT_PARTS.map((part, index) => (
          <div
            key={part}
            className="rabat-part"
            role="group"
            aria-labelledby={`${id}-part-${index}`}
          >
            <p id={`${id}-part-${index}`} className="rabat-part__title">
              {index + 1}. {RABAT_PART_LABELS[part]}
            </p>
            <label className="checkbox">
              <input
                type="checkbox"
                checked={values.parts[part].met}
                aria-label={`Met: ${RABAT_PART_LABELS[part]}`}
                onChange={(e) => setPart(part, { met: e.target.checked })}
              />
              Met
            </label>
            <label className="field__label rabat-part__note-label" htmlFor={`${id}-note-${index}`}>
              Note<span className="visually-hidden"> on {RABAT_PART_LABELS[part]}</span>
            </label>
            <textarea
              id={`${id}-note-${index}`}
              className="input textarea"
              rows={2}
              maxLength={2000}
              value={values.parts[part].note}
              onChange={(e) => setPart(part, { note: e.target.value })}
            />
          </div>
        ))}
      </fieldset>
      <RabatResult parts={metParts(values)} />
      <div className="form__actions">
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="button button--primary" disabled={form.busy}>
          Save speech assessment
        </button>
      </div>
    </form>
  );
}
