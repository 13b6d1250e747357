import type { DocumentStatus } from './documents.js';
import { documentFourEyesRefusal, type DocumentParties } from './four-eyes.js';

/** Why a version was frozen: saved by hand, or at a status change. */
export const VERSION_REASONS = [
  'saved',
  'submitted',
  'approved',
  'transmitted',
  'returned',
] as const;
export type VersionReason = (typeof VERSION_REASONS)[number];

/** The review steps of a document (docs/architecture.md §10, issue 6). */
export const DOCUMENT_TRANSITIONS = ['submit', 'approve', 'return', 'transmit'] as const;
export type DocumentTransition = (typeof DOCUMENT_TRANSITIONS)[number];

/** Who may take a step: those who draft on the case, or an adviser who may approve it. */
export type TransitionAuthority = 'draft' | 'approve';

interface TransitionRule {
  from: readonly DocumentStatus[];
  to: DocumentStatus;
  reason: VersionReason;
  by: TransitionAuthority;
}

/** The life cycle as data: each step, the statuses it leaves, where it goes, who takes it. */
export const DOCUMENT_TRANSITION_RULES: Readonly<Record<DocumentTransition, TransitionRule>> = {
  submit: { from: ['drafting'], to: 'in_review', reason: 'submitted', by: 'draft' },
  approve: { from: ['in_review'], to: 'approved', reason: 'approved', by: 'approve' },
  return: { from: ['in_review', 'approved'], to: 'drafting', reason: 'returned', by: 'approve' },
  transmit: { from: ['approved'], to: 'transmitted', reason: 'transmitted', by: 'approve' },
};

/** What the caller may do on the document's case, and who they are for the four-eyes rules. */
export interface TransitionRights {
  drafts: boolean;
  approves: boolean;
  /** The caller and the document's parties: with both, the four-eyes rules apply. */
  actorId?: string;
  parties?: DocumentParties;
}

/** The outcome of asking for a step: where it leads, or why not (forbidden before out of order). */
export type TransitionPlan =
  | { ok: true; to: DocumentStatus; reason: VersionReason }
  | { ok: false; code: 'forbidden' | 'not_allowed_now'; message: string };

const STATUS_WORDS: Record<DocumentStatus, string> = {
  drafting: 'being drafted',
  in_review: 'in review',
  approved: 'approved',
  transmitted: 'transmitted',
};

const NEEDS: Record<DocumentTransition, string> = {
  submit: 'submit it once it is being drafted',
  approve: 'approve it once it is in review',
  return: 'return it while it is in review or approved',
  transmit: 'transmit it once it is approved',
};

/** Decides a review step from the document's status and the caller's rights. */
export function planTransition(
  transition: DocumentTransition,
  status: DocumentStatus,
  rights: TransitionRights,
): TransitionPlan {
  const rule = DOCUMENT_TRANSITION_RULES[transition];
  const allowed = rule.by === 'draft' ? rights.drafts : rights.approves;
  if (!allowed) {
    return {
      ok: false,
      code: 'forbidden',
      message:
        rule.by === 'draft'
          ? `Only those who draft on this case may ${transition} the document.`
          : `Only an adviser who may approve this case may ${transition} the document.`,
    };
  }
  if (!rule.from.includes(status)) {
    return {
      ok: false,
      code: 'not_allowed_now',
      message: `The document is ${STATUS_WORDS[status]}; you can only ${NEEDS[transition]}.`,
    };
  }
  const fourEyes =
    rights.actorId && rights.parties
      ? documentFourEyesRefusal(transition, rights.actorId, rights.parties)
      : null;
  if (fourEyes) return { ok: false, code: 'forbidden', message: fourEyes };
  return { ok: true, to: rule.to, reason: rule.reason };
}

/** The steps the caller may take now (for buttons in the web app). */
export function availableTransitions(
  status: DocumentStatus,
  rights: TransitionRights,
): DocumentTransition[] {
  return DOCUMENT_TRANSITIONS.filter((t) => planTransition(t, status, rights).ok);
}

/**
 * The steps the caller's rights and the document's status allow but the four-eyes rules keep
 * for another adviser, with the reason (so the web app can say why a button is missing).
 */
export function fourEyesBlocks(
  status: DocumentStatus,
  rights: TransitionRights,
): { transition: DocumentTransition; reason: string }[] {
  const open = { ...rights, actorId: undefined, parties: undefined };
  return DOCUMENT_TRANSITIONS.flatMap((transition) => {
    if (!planTransition(transition, status, open).ok) return [];
    const plan = planTransition(transition, status, rights);
    return plan.ok ? [] : [{ transition, reason: plan.message }];
  });
}

/** Saving a version by hand: those who draft, while the text may still change. */
export function planSaveVersion(
  status: DocumentStatus,
  rights: TransitionRights,
): { ok: true } | { ok: false; code: 'forbidden' | 'not_allowed_now'; message: string } {
  if (!rights.drafts) {
    return {
      ok: false,
      code: 'forbidden',
      message: 'Only those who draft on this case may save a version.',
    };
  }
  if (status !== 'drafting' && status !== 'in_review') {
    return {
      ok: false,
      code: 'not_allowed_now',
      message: `The document is ${STATUS_WORDS[status]}; its text is frozen, so there is nothing new to save.`,
    };
  }
  return { ok: true };
}

/** A new revision starts only from a transmitted document. */
export function canStartRevision(status: DocumentStatus): boolean {
  return status === 'transmitted';
}
