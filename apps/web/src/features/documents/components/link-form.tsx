import { useEffect, useId, useRef, useState, type FormEvent } from 'react';

interface LinkFormProps {
  initial: string;
  /** An empty address removes the link. */
  onApply: (href: string) => void;
  onCancel: () => void;
}

/** Only web and mail addresses: a `javascript:` link is never stored. */
function normalise(value: string): string | null {
  const trimmed = value.trim();
  if (!trimmed) return '';
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(trimmed) ? trimmed : `https://${trimmed}`;
  try {
    const url = new URL(withScheme);
    return ['http:', 'https:', 'mailto:'].includes(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

/** The address of a link on the selected text; Escape cancels. */
export function LinkForm({ initial, onApply, onCancel }: LinkFormProps) {
  const [value, setValue] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const id = useId();

  useEffect(() => input.current?.focus(), []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const href = normalise(value);
    if (href === null) {
      setError('Enter a web (https://…) or e-mail (mailto:…) address.');
      return;
    }
    onApply(href);
  };

  return (
    <form
      className="doc-link-form"
      // Our own check: "un.org" is fine (https:// is added); the browser's would refuse it.
      noValidate
      onSubmit={submit}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          onCancel();
        }
      }}
    >
      <label htmlFor={id}>Link address</label>
      <input
        ref={input}
        id={id}
        className="input"
        type="url"
        placeholder="https://"
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(event) => setValue(event.target.value)}
      />
      <button type="submit" className="button button--small button--primary">
        {value.trim() ? 'Apply link' : 'Remove link'}
      </button>
      <button type="button" className="button button--small" onClick={onCancel}>
        Cancel
      </button>
      {error ? (
        <p id={`${id}-error`} className="field__error">
          {error}
        </p>
      ) : null}
    </form>
  );
}
