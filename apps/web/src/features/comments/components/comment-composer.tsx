import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { FormAlert } from '../../../components/form-alert';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { useFormSubmit, type FieldErrors } from '../../../lib/use-form-submit';
import { useCurrentUser } from '../../auth/hooks/current-user-context';
import type { CommentAuthor, Thread } from '../api/comments-api';
import { useMentionable } from '../hooks/use-comments';
import { useMentionText } from '../hooks/use-mention-query';
import { MentionOptions } from './mention-options';

const MAX_LENGTH = 10_000;

/** Lower case without accents, so "herr" finds "Herrera" and "tomas" finds "Tomás". */
function fold(value: string): string {
  return value.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

interface CommentComposerProps {
  caseId: string;
  thread: Thread;
  label: string;
  submitLabel: string;
  initialBody?: string;
  initialMentions?: CommentAuthor[];
  autoFocus?: boolean;
  /** Sends the comment; a rejection's message is shown under the field. */
  onSubmit: (body: string, mentions: string[]) => Promise<void>;
  onCancel?: () => void;
}

/** A markdown textarea with an `@` picker of people who may read the thread; Ctrl+Enter sends. */
export function CommentComposer(props: CommentComposerProps) {
  const { caseId, thread, label, submitLabel, onSubmit, onCancel } = props;
  const user = useCurrentUser();
  const text = useMentionText(props.initialBody ?? '', props.initialMentions);
  const [active, setActive] = useState(0);
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const fieldId = useId();
  const listId = useId();
  const hintId = useId();
  const errorId = useId();
  const q = useDebouncedValue(text.query?.text ?? '', 150);
  const candidates = useMentionable(caseId, thread, q, text.query !== null);
  // The server's answer may be for fewer letters than typed: narrow it to what is typed now.
  const typed = fold(text.query?.text ?? '');
  const options = text.query
    ? (candidates.data ?? [])
        .filter((p) => p.id !== user.id && fold(p.displayName).includes(typed))
        .slice(0, 8)
    : [];
  const open = text.query !== null;
  const activeOption = options[Math.min(active, options.length - 1)];

  const form = useFormSubmit(
    async () => {
      await onSubmit(text.value.trim(), text.mentions);
      text.reset();
    },
    {
      validate: (): FieldErrors => {
        const body = text.value.trim();
        if (!body) return { body: 'Write something before sending.' };
        if (body.length > MAX_LENGTH) return { body: `Keep it under ${MAX_LENGTH} characters.` };
        return {};
      },
      invalidMessage: null,
      // A refusal (not a check) puts the writer back in the text.
      onError: () => {
        textareaRef.current?.focus();
        return false;
      },
      focus: 'none',
    },
  );
  // One message, under the field: the server's about the mentions or text first.
  const error = form.fieldError('mentions') ?? form.fieldError('body') ?? form.formError;

  const pick = (person: CommentAuthor) => {
    const caret = text.pick(person);
    setActive(0);
    window.setTimeout(() => {
      const el = textareaRef.current;
      if (el && caret !== null) {
        el.focus();
        el.setSelectionRange(caret, caret);
      }
    }, 0);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void form.submit();
      return;
    }
    if (!open) {
      if (event.key === 'Escape' && onCancel) onCancel();
      return;
    }
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => (options.length === 0 ? 0 : (i + step + options.length) % options.length));
    } else if ((event.key === 'Enter' || event.key === 'Tab') && activeOption) {
      event.preventDefault();
      pick(activeOption);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      text.closeQuery();
    }
  };

  return (
    <form
      className="composer"
      onSubmit={(event) => void form.submit(event)}
      noValidate
      aria-busy={form.busy}
    >
      <label htmlFor={fieldId} className="field__label">
        {label}
      </label>
      <p id={hintId} className="field__hint">
        Markdown is supported. Type @ to mention someone who can read this thread. Ctrl+Enter sends.
      </p>
      <div className="composer__field">
        <textarea
          ref={textareaRef}
          id={fieldId}
          className="input textarea composer__textarea"
          rows={3}
          value={text.value}
          autoFocus={props.autoFocus}
          aria-autocomplete="list"
          aria-controls={open ? listId : undefined}
          aria-activedescendant={open && activeOption ? `${listId}-${activeOption.id}` : undefined}
          aria-describedby={error ? `${errorId} ${hintId}` : hintId}
          aria-invalid={error ? true : undefined}
          onChange={(event) => {
            text.update(event.target.value, event.target.selectionStart);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => window.setTimeout(text.closeQuery, 150)}
        />
        {open ? (
          <MentionOptions
            id={listId}
            options={options}
            active={Math.min(active, Math.max(options.length - 1, 0))}
            loading={candidates.isFetching}
            onPick={pick}
          />
        ) : null}
      </div>
      <div id={errorId}>
        <FormAlert message={error} />
      </div>
      <div className="form__actions">
        <button type="submit" className="button button--primary button--small" disabled={form.busy}>
          {submitLabel}
        </button>
        {onCancel ? (
          <button type="button" className="button button--small" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  );
}
