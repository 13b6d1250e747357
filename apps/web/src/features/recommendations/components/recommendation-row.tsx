import { recommendationFourEyesRefusal } from '@vigil/domain';
import { Fragment, useState } from 'react';
import { useCurrentUser } from '../../auth/hooks/current-user-context';
import type { Recommendation, RecommendationAction } from '../api/recommendations-api';
import {
  ACTION_TYPE_LABELS,
  ADDRESSEE_KIND_LABELS,
  RECOMMENDATION_ACTION_LABELS,
  RECOMMENDATION_STATUS_LABELS,
} from './recommendation-labels';
import { RecommendationHistory } from './recommendation-history';

interface RecommendationRowProps {
  item: Recommendation;
  canDecide: boolean;
  onDecide: (item: Recommendation, action: RecommendationAction) => void;
}

/** "the Secretary-General" needs no "Secretary-General" under it. */
function sameName(item: Recommendation): boolean {
  const kind = ADDRESSEE_KIND_LABELS[item.addresseeKind].toLowerCase();
  return item.addresseeName.toLowerCase().includes(kind);
}

/** One row of the register, with its decisions and, expanded, the history of its status. */
export function RecommendationRow({ item, canDecide, onDecide }: RecommendationRowProps) {
  const me = useCurrentUser();
  const [open, setOpen] = useState(false);
  const historyId = `recommendation-history-${item.id}`;
  return (
    <Fragment>
      <tr>
        <td>
          <span className="table__primary">{item.addresseeName}</span>
          {sameName(item) ? null : (
            <>
              <br />
              <span className="muted">{ADDRESSEE_KIND_LABELS[item.addresseeKind]}</span>
            </>
          )}
        </td>
        <td>{ACTION_TYPE_LABELS[item.actionType]}</td>
        <td className="table__wrap prewrap">{item.text}</td>
        <td className="table__nowrap">{item.dueDate ?? '—'}</td>
        <td>
          <span className={`rec-status rec-status--${item.status}`}>
            {RECOMMENDATION_STATUS_LABELS[item.status]}
          </span>
          <div className="cell-actions">
            {canDecide
              ? item.nextActions.map((action) => {
                  // Four eyes: what its author drafted, another adviser approves and transmits.
                  const refusal = recommendationFourEyesRefusal(action, me.id, item.createdBy.id);
                  const why = `four-eyes-${item.id}-${action}`;
                  return (
                    <Fragment key={action}>
                      <button
                        type="button"
                        className="button button--small"
                        disabled={refusal !== null}
                        aria-describedby={refusal ? why : undefined}
                        onClick={() => onDecide(item, action)}
                      >
                        {RECOMMENDATION_ACTION_LABELS[action]}
                        <span className="visually-hidden"> — {item.addresseeName}</span>
                      </button>
                      {refusal ? (
                        <span id={why} className="cell-actions__why">
                          {refusal}
                        </span>
                      ) : null}
                    </Fragment>
                  );
                })
              : null}
            <button
              type="button"
              className="button button--small button--ghost"
              aria-expanded={open}
              aria-controls={historyId}
              onClick={() => setOpen((o) => !o)}
            >
              History<span className="visually-hidden"> — {item.addresseeName}</span>
            </button>
          </div>
        </td>
      </tr>
      {open ? (
        <tr id={historyId}>
          <td colSpan={5}>
            <RecommendationHistory caseId={item.caseId} id={item.id} />
          </td>
        </tr>
      ) : null}
    </Fragment>
  );
}
