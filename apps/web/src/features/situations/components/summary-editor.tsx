import { useState } from 'react';
import { FormAlert } from '../../../components/form-alert';
import { TextAreaField } from '../../../components/textarea-field';
import { ApiError, errorMessage } from '../../../lib/api-client';
import type { Case } from '../api/cases-api';
import { useUpdateCase } from '../hooks/use-case-actions';

export const CONFLICT_MESSAGE =
  'Someone else changed this situation since you opened it. Reload to see their version.';

interface SummaryEditorProps {
  item: Case;
  canEdit: boolean;
  /** Refetches the case and resolves with the newest version. */
  onReload: () => Promise<Case | undefined>;
  onSaved: (message: string) => void;
}

/**
 * The case summary with Edit → Save. Saves send the version read when editing began; on 409 the
 * user's text is kept, and "Reload" fetches the other version so they can compare and save again.
 */
export function SummaryEditor({ item, canEdit, onReload, onSaved }: SummaryEditorProps) {
  const update = useUpdateCase(item.id);
  const [draft, setDraft] = useState<string | null>(null);
  const [baseVersion, setBaseVersion] = useState(item.version);
  const [conflict, setConflict] = useState(false);
  const [reloaded, setReloaded] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const editing = draft !== null;

  const startEditing = () => {
    setDraft(item.summary);
    setBaseVersion(item.version);
    setConflict(false);
    setReloaded(false);
    setError(null);
  };
  const stopEditing = () => {
    setDraft(null);
    setConflict(false);
    setReloaded(false);
    setError(null);
  };

  const save = async () => {
    if (draft === null || update.isPending) return;
    setError(null);
    try {
      await update.mutateAsync({ version: baseVersion, summary: draft });
      stopEditing();
      onSaved('Summary saved.');
    } catch (caught) {
      if (caught instanceof ApiError && caught.statusCode === 409) {
        setConflict(true);
        setReloaded(false);
      } else {
        setError(errorMessage(caught));
      }
    }
  };

  const reload = async () => {
    const fresh = await onReload();
    // The newest version becomes the base: saving again replaces it on purpose.
    if (fresh) setBaseVersion(fresh.version);
    setConflict(false);
    setReloaded(true);
  };

  return (
    <section className="card" aria-labelledby="summary-title">
      <div className="card__header">
        <h2 id="summary-title" className="card__title">
          Summary
        </h2>
        {canEdit && !editing ? (
          <button type="button" className="button button--small" onClick={startEditing}>
            Edit summary
          </button>
        ) : null}
      </div>
      {editing ? (
        <form
          className="form"
          onSubmit={(event) => {
            event.preventDefault();
            void save();
          }}
          aria-busy={update.isPending}
        >
          {conflict ? (
            <div role="alert" className="alert alert--error">
              <span>{CONFLICT_MESSAGE}</span>
              <button type="button" className="button button--small" onClick={() => void reload()}>
                Reload
              </button>
            </div>
          ) : null}
          <FormAlert message={error} />
          {reloaded ? (
            <div className="conflict-view">
              <p role="status">
                Their version is shown below. Your text is kept in the editor; saving replaces their
                version.
              </p>
              <h3>Current saved summary</h3>
              <blockquote className="summary summary--theirs">
                {item.summary || '(empty)'}
              </blockquote>
            </div>
          ) : null}
          <TextAreaField
            label="Summary text"
            rows={10}
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            autoFocus
          />
          <div className="form__actions">
            <button type="button" className="button" onClick={stopEditing}>
              Cancel
            </button>
            <button type="submit" className="button button--primary" disabled={update.isPending}>
              Save summary
            </button>
          </div>
        </form>
      ) : item.summary ? (
        <p className="summary">{item.summary}</p>
      ) : (
        <p className="muted">No summary yet.</p>
      )}
    </section>
  );
}
