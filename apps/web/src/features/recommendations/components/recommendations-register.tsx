import { useState } from 'react';
import { LoadingIndicator, QueryError } from '../../../components/query-state';
import { StepDialog } from '../../documents/components/step-dialog';
import type { Recommendation, RecommendationAction } from '../api/recommendations-api';
import { useRecommendationActions, useRecommendations } from '../hooks/use-recommendations';
import { RECOMMENDATION_ACTION_DONE, RECOMMENDATION_ACTION_LABELS } from './recommendation-labels';
import { RecommendationForm } from './recommendation-form';
import { RecommendationRow } from './recommendation-row';

interface RecommendationsRegisterProps {
  caseId: string;
  canDraft: boolean;
  canApprove: boolean;
  onDone: (message: string) => void;
}

/** The case's recommendations: addressee, action, text, due day and status; decisions by advisers. */
export function RecommendationsRegister(props: RecommendationsRegisterProps) {
  const { caseId, canDraft, canApprove, onDone } = props;
  const list = useRecommendations(caseId);
  const { create, decide } = useRecommendationActions(caseId);
  const [adding, setAdding] = useState(false);
  const [deciding, setDeciding] = useState<{
    item: Recommendation;
    action: RecommendationAction;
  } | null>(null);

  return (
    <section className="card" aria-labelledby="recommendations-title">
      <div className="card__header">
        <h2 id="recommendations-title" className="card__title">
          Recommendations
        </h2>
        {canDraft && !adding ? (
          <div className="card__actions">
            <button
              type="button"
              className="button button--small button--primary"
              onClick={() => setAdding(true)}
            >
              New recommendation
            </button>
          </div>
        ) : null}
      </div>
      {adding ? (
        <RecommendationForm
          caseId={caseId}
          onCancel={() => setAdding(false)}
          onSubmit={async (input) => {
            await create.mutateAsync(input);
            setAdding(false);
            onDone('Recommendation added as a draft.');
          }}
        />
      ) : null}
      {list.isPending ? (
        <LoadingIndicator label="Loading recommendations…" />
      ) : list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.length === 0 ? (
        <p className="muted">No recommendation yet.</p>
      ) : (
        <div className="table-wrap">
          <table className="table table--dense">
            <caption className="visually-hidden">Recommendations register</caption>
            <thead>
              <tr>
                <th scope="col">Addressee</th>
                <th scope="col">Action</th>
                <th scope="col">Text</th>
                <th scope="col">Due</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {list.data.map((item) => (
                <RecommendationRow
                  key={item.id}
                  item={item}
                  canDecide={canApprove}
                  onDecide={(r, action) => setDeciding({ item: r, action })}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {deciding ? (
        <StepDialog
          title={`${RECOMMENDATION_ACTION_LABELS[deciding.action]}: ${deciding.item.addresseeName}`}
          description={deciding.item.text}
          confirmLabel={RECOMMENDATION_ACTION_LABELS[deciding.action]}
          noteLabel="Note (optional)"
          onClose={() => setDeciding(null)}
          onConfirm={async ({ note }) => {
            await decide.mutateAsync({ id: deciding.item.id, action: deciding.action, note });
            setDeciding(null);
            onDone(
              `Recommendation to ${deciding.item.addresseeName}: ${RECOMMENDATION_ACTION_DONE[deciding.action]}.`,
            );
          }}
        />
      ) : null}
    </section>
  );
}
