import { formatDateTime } from '../../../lib/format';
import type { Engagement } from '../api/engagements-api';
import { ENGAGEMENT_KIND_LABELS } from './engagement-labels';

interface EngagementRowProps {
  item: Engagement;
  canUpdate: boolean;
  busy: boolean;
  onFollowUpDone: (item: Engagement) => void;
}

/** The follow-up cell: the day, "Overdue" in words, or when it was done. */
function FollowUp({ item }: { item: Engagement }) {
  if (!item.followUpDue) return <span className="muted">None</span>;
  if (item.followUpDoneAt)
    return (
      <span>
        {item.followUpDue}{' '}
        <span className="muted">(done {formatDateTime(item.followUpDoneAt)})</span>
      </span>
    );
  return (
    <span className="table__nowrap">
      {item.followUpDue}
      {item.followUpOverdue ? <strong className="overdue__marker"> Overdue</strong> : null}
    </span>
  );
}

/** One engagement: when and how, with whom, what was said and came of it, and the follow-up. */
export function EngagementRow({ item, canUpdate, busy, onFollowUpDone }: EngagementRowProps) {
  const partner = item.organisation.acronym || item.organisation.name;
  return (
    <tr className={item.followUpOverdue ? 'engagement--overdue' : undefined}>
      <td className="table__nowrap">
        {item.date}
        <br />
        <span className="muted">{ENGAGEMENT_KIND_LABELS[item.kind]}</span>
      </td>
      <td>
        <abbr title={item.organisation.name}>{partner}</abbr>
      </td>
      <td className="table__wrap">
        <span className="prewrap">{item.summary}</span>
        {item.outcome ? (
          <>
            <br />
            <span className="muted">Outcome: </span>
            <span className="prewrap">{item.outcome}</span>
          </>
        ) : null}
      </td>
      <td>
        <FollowUp item={item} />
        {canUpdate && item.followUpDue && !item.followUpDoneAt ? (
          <div className="cell-actions">
            <button
              type="button"
              className="button button--small"
              disabled={busy}
              onClick={() => onFollowUpDone(item)}
            >
              Mark follow-up done
              <span className="visually-hidden">
                {' '}
                — {partner}, {item.date}
              </span>
            </button>
          </div>
        ) : null}
      </td>
    </tr>
  );
}
