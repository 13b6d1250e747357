import { isStage, showHiddenCharacters } from '@vigil/domain';
import { STAGE_LABELS, formatDate } from '../../situations/components/stage';
import type { Notification } from '../api/notifications-api';
import { formatDateTime } from '../../../lib/format';

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** The first of several possible payload keys that holds a name. */
function nameIn(payload: Record<string, unknown>, keys: string[]): string {
  for (const key of keys) if (text(payload[key])) return text(payload[key]);
  return 'Someone';
}

function stageWords(value: unknown): string {
  return isStage(value) ? STAGE_LABELS[value].toLowerCase() : 'another stage';
}

/** A notification in words (payloads carry references and names, never comment bodies). */
export function describeNotification(n: Notification): string {
  const p = n.payload;
  const reference = text(p['reference']);
  const title = showHiddenCharacters(text(p['title']));
  const subject = [reference, title].filter(Boolean).join(': ') || 'a situation';
  switch (n.type) {
    case 'mention': {
      const who = nameIn(p, ['authorName', 'actorName', 'mentionedBy']);
      const where = p['thread'] === 'framework_team' ? ' in the Framework Team thread' : '';
      return `${who} mentioned you${where} on ${subject}`;
    }
    case 'escalation.awaiting_approval':
      return `${nameIn(p, ['proposerName', 'actorName'])} proposes moving ${subject} to ${stageWords(
        p['toStage'],
      )}: awaiting your decision`;
    case 'escalation.decided': {
      const decision = p['decision'] === 'rejected' ? 'rejected' : 'approved';
      const by = text(p['deciderName']);
      return `Your proposal to move ${subject} to ${stageWords(p['toStage'])} was ${decision}${
        by ? ` by ${by}` : ''
      }`;
    }
    case 'review.overdue': {
      const due = text(p['nextReviewDue']);
      return `Review overdue: ${subject}${due ? ` (was due ${formatDate(due)})` : ''}`;
    }
    case 'comment.framework_team': {
      const who = nameIn(p, ['authorName', 'actorName']);
      const org = text(p['organisationAcronym']) || text(p['authorOrganisation']);
      return `${who}${org ? ` (${org})` : ''} commented in the Framework Team thread of ${subject}`;
    }
    case 'account.locked': {
      const until = text(p['until']);
      return `Your account was locked after many failed sign-ins from several addresses${
        until ? ` until ${formatDateTime(until)}` : ''
      }. If that was not you, tell an administrator.`;
    }
    default:
      return reference || title ? `${n.type}: ${subject}` : n.type;
  }
}
