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
import { useFormSubmit, type FieldErrors } from '../../../lib/use-form-submit';
import type { Source } from '../api/information-api';
import { useCreateSource } from '../hooks/use-information-actions';
import { serverFieldErrors } from '../hooks/use-item-form';

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
  const form = useFormSubmit(
    async () => {
      // The check requires both; this only narrows their types.
      if (!kind || !reliability) return;
      onCreated(await create.mutateAsync({ name: name.trim(), kind, reliability }));
    },
    {
      validate: () => {
        const found: FieldErrors = {};
        if (!name.trim()) found['name'] = 'Enter the name of the source.';
        if (!kind) found['kind'] = 'Choose what kind of source it is.';
        if (!reliability) found['reliability'] = 'Rate how reliable the source is.';
        return found;
      },
      invalidMessage: null,
      toFieldErrors: serverFieldErrors,
    },
  );
  const onEnter = (event: KeyboardEvent) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      void form.submit(ref.current);
    }
  };

  return (
    <div
      ref={ref}
      className="inline-form"
      role="group"
      aria-labelledby={`${id}-title`}
      aria-busy={form.busy}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onCancel();
      }}
    >
      <h4 id={`${id}-title`} className="inline-form__title">
        New source
      </h4>
      <FormAlert message={form.formError} />
      <TextField
        label="Source name"
        value={name}
        maxLength={200}
        error={form.fieldError('name')}
        autoFocus
        onKeyDown={onEnter}
        onChange={(e) => setName(e.target.value)}
      />
      <SelectField
        label="Source kind"
        value={kind}
        error={form.fieldError('kind')}
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
        error={form.fieldError('reliability')}
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
          onClick={() => void form.submit(ref.current)}
          disabled={form.busy}
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
