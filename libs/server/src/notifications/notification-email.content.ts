import type { OutgoingMail } from './notification-mailer.js';

/**
 * What an e-mail may say about one notification: its kind and the case reference, nothing else.
 * Comment bodies, justifications, decisions and source names stay inside Vigil, behind sign-in.
 */
export interface MailableNotification {
  type: string;
  caseId: string | null;
  reference: string | null;
  createdAt: Date;
}

// One line per kind; `on` is " on SIT-2026-0004" or "" when the notification has no case.
const SUMMARIES: Record<string, (on: string) => string> = {
  mention: (on) => `You were mentioned${on}`,
  'escalation.awaiting_approval': (on) => `A proposal${on} awaits your approval`,
  'escalation.decided': (on) => `Your proposal${on} was decided`,
  'review.overdue': (on) => `A review${on} is overdue`,
  'comment.framework_team': (on) => `New Framework Team comment${on}`,
  'account.locked': () =>
    'Your account was locked after many failed sign-ins from several addresses; if that was not you, tell an administrator',
};

/** The one-line summary of a notification, e.g. "You were mentioned on SIT-2026-0004". */
export function summarise(n: MailableNotification): string {
  const on = n.reference ? ` on ${n.reference}` : '';
  return (SUMMARIES[n.type] ?? ((o: string) => `New notification${o}`))(on);
}

/** The page in Vigil a notification leads to. */
export function linkFor(publicUrl: string, n: MailableNotification): string {
  return n.caseId ? `${publicUrl}/cases/${n.caseId}` : `${publicUrl}/notifications`;
}

const FOOTER =
  'You receive this because of your e-mail setting in Vigil. Change it on your profile.';

/** One e-mail for one notification (the "immediate" preference). */
export function immediateMail(
  to: string,
  publicUrl: string,
  n: MailableNotification,
): OutgoingMail {
  const line = summarise(n);
  const link = linkFor(publicUrl, n);
  return {
    to,
    subject: `[Vigil] ${line}`,
    text: `${line}.\n\nOpen it in Vigil: ${link}\n\n-- \n${FOOTER}\n`,
    html: page(`<p>${escape(line)}.</p><p><a href="${escape(link)}">Open it in Vigil</a></p>`),
  };
}

/** One e-mail listing every notification since the last digest (the "daily_digest" preference). */
export function digestMail(
  to: string,
  publicUrl: string,
  notes: MailableNotification[],
): OutgoingMail {
  const count = notes.length === 1 ? '1 notification' : `${notes.length} notifications`;
  const lines = notes.map((n) => ({
    text: summarise(n),
    link: linkFor(publicUrl, n),
    at: n.createdAt,
  }));
  const all = `${publicUrl}/notifications`;
  return {
    to,
    subject: `[Vigil] Daily digest: ${count}`,
    text:
      `Your ${count} in Vigil:\n\n` +
      lines.map((l) => `- ${l.text} (${stamp(l.at)})\n  ${l.link}`).join('\n') +
      `\n\nAll notifications: ${all}\n\n-- \n${FOOTER}\n`,
    html: page(
      `<p>Your ${count} in Vigil:</p><ul>` +
        lines
          .map(
            (l) =>
              `<li><a href="${escape(l.link)}">${escape(l.text)}</a> (${escape(stamp(l.at))})</li>`,
          )
          .join('') +
        `</ul><p><a href="${escape(all)}">All notifications</a></p>`,
    ),
  };
}

function page(body: string): string {
  return `<!doctype html><html><body style="font-family: sans-serif">${body}<hr><p style="color:#555;font-size:12px">${escape(FOOTER)}</p></body></html>`;
}

function stamp(at: Date): string {
  return `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

function escape(value: string): string {
  return value.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}
