import { useState, type FormEvent } from 'react';
import { FormAlert } from '../../../components/form-alert';
import { TextAreaField } from '../../../components/textarea-field';
import { errorMessage } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/format';
import type { PrioritySituation } from '../api/priority-situations-api';
import { useEndorsement } from '../hooks/use-priority-situations';

const MAX_NOTE = 2_000;

/** The user's endorsement of a priority situation: give it with a note, change it, withdraw it. */
export function EndorsementForm({ situation }: { situation: PrioritySituation }) {
  const mine = situation.myEndorsement;
  const { save, withdraw } = useEndorsement(situation.id);
  const [note, setNote] = useState(mine?.note ?? '');
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const busy = save.isPending || withdraw.isPending;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    if (!note.trim()) return setError('Write a short note to endorse the situation.');
    if (note.trim().length > MAX_NOTE)
      return setError(`Keep the note under ${MAX_NOTE} characters.`);
    setError(null);
    save.mutate(note.trim(), {
      onSuccess: () =>
        setStatus(mine ? 'Your endorsement was updated.' : 'You endorsed the situation.'),
      onError: (caught) => setError(errorMessage(caught)),
    });
  };

  const onWithdraw = () => {
    setError(null);
    withdraw.mutate(undefined, {
      onSuccess: () => {
        setNote('');
        setStatus('Your endorsement was withdrawn.');
      },
      onError: (caught) => setError(errorMessage(caught)),
    });
  };

  return (
    <section className="card" aria-labelledby="endorse-title">
      <h2 id="endorse-title" className="card__title">
        Your endorsement
      </h2>
      {mine ? (
        <p className="endorsement-mine">
          You endorsed on <time dateTime={mine.updatedAt}>{formatDateTime(mine.updatedAt)}</time>.
        </p>
      ) : (
        <p className="muted">Endorse this situation on behalf of your entity, with a note.</p>
      )}
      <p role="status" className="page__status">
        {status}
      </p>
      <FormAlert message={error} />
      <form className="form" onSubmit={onSubmit} noValidate aria-busy={busy}>
        <TextAreaField
          label="Note"
          name="note"
          rows={3}
          value={note}
          onChange={(event) => setNote(event.target.value)}
          required
          hint="Required: what your entity supports or will do."
        />
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {mine ? 'Update endorsement' : 'Endorse'}
          </button>
          {mine ? (
            <button type="button" className="button" disabled={busy} onClick={onWithdraw}>
              Withdraw endorsement
            </button>
          ) : null}
        </div>
      </form>
    </section>
  );
}
