import { useState } from 'react';
import { LoadingIndicator, QueryError } from '../../../components/query-state';
import { errorMessage } from '../../../lib/api-client';
import type { Engagement } from '../api/engagements-api';
import { useEngagementActions, useEngagements } from '../hooks/use-engagements';
import { EngagementForm } from './engagement-form';
import { EngagementRow } from './engagement-row';

interface EngagementsLogProps {
  caseId: string;
  canDraft: boolean;
  onDone: (message: string) => void;
}

/** Mobilisation: who was engaged, how and when, the outcome and the follow-up. */
export function EngagementsLog({ caseId, canDraft, onDone }: EngagementsLogProps) {
  const list = useEngagements(caseId);
  const { create, update } = useEngagementActions(caseId);
  const [adding, setAdding] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const markDone = async (item: Engagement) => {
    setError(null);
    try {
      await update.mutateAsync({
        id: item.id,
        change: { version: item.version, followUpDone: true },
      });
      onDone(`Follow-up with ${item.organisation.acronym || item.organisation.name} marked done.`);
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  return (
    <section className="card" aria-labelledby="engagements-title">
      <div className="card__header">
        <h2 id="engagements-title" className="card__title">
          Engagements
        </h2>
        {canDraft && !adding ? (
          <div className="card__actions">
            <button
              type="button"
              className="button button--small button--primary"
              onClick={() => setAdding(true)}
            >
              New engagement
            </button>
          </div>
        ) : null}
      </div>
      {adding ? (
        <EngagementForm
          onCancel={() => setAdding(false)}
          onSubmit={async (input) => {
            await create.mutateAsync(input);
            setAdding(false);
            onDone('Engagement recorded.');
          }}
        />
      ) : null}
      {error ? (
        <p role="alert" className="alert alert--error">
          {error}
        </p>
      ) : null}
      {list.isPending ? (
        <LoadingIndicator label="Loading engagements…" />
      ) : list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.length === 0 ? (
        <p className="muted">No engagement recorded yet.</p>
      ) : (
        <div className="table-wrap">
          <table className="table table--dense">
            <caption className="visually-hidden">Engagements with partners, newest first</caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Organisation</th>
                <th scope="col">Summary</th>
                <th scope="col">Follow-up due</th>
              </tr>
            </thead>
            <tbody>
              {list.data.map((item) => (
                <EngagementRow
                  key={item.id}
                  item={item}
                  canUpdate={canDraft}
                  busy={update.isPending}
                  onFollowUpDone={(e) => void markDone(e)}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
