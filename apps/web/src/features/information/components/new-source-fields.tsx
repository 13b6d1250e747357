import { useId, useRef, useState, type KeyboardEvent } from 'react';
import {
  RELIABILITY,
  RELIABILITY_MEANINGS,
  SOURCE_KINDS,
  SOURCE_KIND_LABELS,
  type Reliability,
  type SourceKind,
} from '@vigil/domain';
import { FormAlert } from '../../../components/form-alert';
import { SelectField } from '../../../components/select-field';
import { TextField } from '../../../components/text-field';
import { errorMessage } from '../../../lib/api-client';
import type { Source } from '../api/information-api';
import { useCreateSource } from '../hooks/use-information-actions';
import { focusFirstInvalidIn, serverFieldErrors } from '../hooks/use-item-form';

interface NewSourceFieldsProps {
  initialName: string;
  onCreated: (source: Source) => void;
  onCancel: () => void;
}

/**
 * Inline "new source" inside the item form (not a nested form): name, kind and reliability.
 * Enter in the name adds the source rather than submitting the item.
 */
export function NewSourceFields({ initialName, onCreated, onCancel }: NewSourceFieldsProps) {
  const id = useId();
  const ref = useRef<HTMLDivElement>(null);
  const create = useCreateSource();
  const [name, setName] = useState(initialName);
  const [kind, setKind] = useState<SourceKind | ''>('');
  const [reliability, setReliability] = useState<Reliability | ''>('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);

  const add = async () => {
    if (create.isPending) return;
    const found: Record<string, string> = {};
    if (!name.trim()) found['name'] = 'Enter the name of the source.';
    if (!kind) found['kind'] = 'Choose what kind of source it is.';
    if (!reliability) found['reliability'] = 'Rate how reliable the source is.';
    setErrors(found);
    setFormError(null);
    if (!kind || !reliability || found['name']) {
      focusFirstInvalidIn(ref.current);
      return;
    }
    try {
      onCreated(await create.mutateAsync({ name: name.trim(), kind, reliability }));
    } catch (error) {
      setErrors(serverFieldErrors(error));
      setFormError(errorMessage(error));
      focusFirstInvalidIn(ref.current);
    }
  };
  const onEnter = (event: KeyboardEvent) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      void add();
    }
  };

  return (
    <div
      ref={ref}
      className="inline-form"
      role="group"
      aria-labelledby={`${id}-title`}
      aria-busy={create.isPending}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onCancel();
      }}
    >
      <h4 id={`${id}-title`} className="inline-form__title">
        New source
      </h4>
      <FormAlert message={formError} />
      <TextField
        label="Source name"
        value={name}
        maxLength={200}
        error={errors['name']}
        autoFocus
        onKeyDown={onEnter}
        onChange={(e) => setName(e.target.value)}
      />
      <SelectField
        label="Source kind"
        value={kind}
        error={errors['kind']}
        onChange={(e) => setKind(SOURCE_KINDS.find((k) => k === e.target.value) ?? '')}
      >
        <option value="">Choose a kind…</option>
        {SOURCE_KINDS.map((k) => (
          <option key={k} value={k}>
            {SOURCE_KIND_LABELS[k]}
          </option>
        ))}
      </SelectField>
      <SelectField
        label="Source reliability"
        value={reliability}
        error={errors['reliability']}
        onChange={(e) => setReliability(RELIABILITY.find((r) => r === e.target.value) ?? '')}
      >
        <option value="">Choose A–F…</option>
        {RELIABILITY.map((r) => (
          <option key={r} value={r}>
            {r} — {RELIABILITY_MEANINGS[r]}
          </option>
        ))}
      </SelectField>
      <div className="form__actions form__actions--start">
        <button
          type="button"
          className="button button--primary button--small"
          onClick={() => void add()}
          disabled={create.isPending}
        >
          Add source
        </button>
        <button type="button" className="button button--small" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
