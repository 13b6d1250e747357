/** Whom a recommendation is addressed to (docs/architecture.md §6). */
export const ADDRESSEE_KINDS = [
  'secretary_general',
  'security_council',
  'member_state',
  'regional_org',
  'un_entity',
  'other',
] as const;
export type AddresseeKind = (typeof ADDRESSEE_KINDS)[number];

/** What the Office recommends doing. */
export const ACTION_TYPES = [
  'public_statement',
  'quiet_diplomacy',
  'convene_usgs',
  'mission',
  'technical_assistance',
  'training',
] as const;
export type ActionType = (typeof ACTION_TYPES)[number];

/** A recommendation's life cycle: draft → approved → transmitted → implemented, or declined. */
export const RECOMMENDATION_STATUSES = [
  'draft',
  'approved',
  'transmitted',
  'implemented',
  'declined',
] as const;
export type RecommendationStatus = (typeof RECOMMENDATION_STATUSES)[number];

/** What an adviser records on a recommendation (one route each: `/approve`, `/transmit`, ...). */
export const RECOMMENDATION_ACTIONS = ['approve', 'transmit', 'implemented', 'declined'] as const;
export type RecommendationAction = (typeof RECOMMENDATION_ACTIONS)[number];

/**
 * The status machine as data: from each status, the actions accepted and where they lead.
 * Declining is possible until the outcome is known (an adviser drops a draft or an approved one;
 * an addressee declines a transmitted one); implemented and declined are final.
 */
export const RECOMMENDATION_TRANSITIONS: Readonly<
  Record<RecommendationStatus, Partial<Record<RecommendationAction, RecommendationStatus>>>
> = {
  draft: { approve: 'approved', declined: 'declined' },
  approved: { transmit: 'transmitted', declined: 'declined' },
  transmitted: { implemented: 'implemented', declined: 'declined' },
  implemented: {},
  declined: {},
};

/** The status `action` leads to from `from`, or null when it is not accepted now. */
export function nextRecommendationStatus(
  from: RecommendationStatus,
  action: RecommendationAction,
): RecommendationStatus | null {
  return RECOMMENDATION_TRANSITIONS[from][action] ?? null;
}

/** Actions accepted from `status`, in the order of RECOMMENDATION_ACTIONS. */
export function allowedRecommendationActions(status: RecommendationStatus): RecommendationAction[] {
  return RECOMMENDATION_ACTIONS.filter((a) => nextRecommendationStatus(status, a) !== null);
}

/** Only a draft may be edited: what was approved is what goes out. */
export function isEditableRecommendation(status: RecommendationStatus): boolean {
  return status === 'draft';
}

/** Statuses in which a recommendation counts as made (shown to the Framework Team). */
export const APPROVED_RECOMMENDATION_STATUSES: readonly RecommendationStatus[] = [
  'approved',
  'transmitted',
  'implemented',
];

const ACTION_WORDS: Record<RecommendationAction, string> = {
  approve: 'approve',
  transmit: 'transmit',
  implemented: 'mark as implemented',
  declined: 'mark as declined',
};

const NEEDS: Partial<Record<RecommendationAction, string>> = {
  approve: 'Only a draft can be approved',
  transmit: 'A recommendation must be approved before it is transmitted',
  implemented: 'Only a transmitted recommendation can be marked as implemented',
};

/** Why `action` is refused from `from`, in words for the user, or null when it is accepted. */
export function recommendationActionRefusal(
  from: RecommendationStatus,
  action: RecommendationAction,
): string | null {
  if (nextRecommendationStatus(from, action) !== null) return null;
  if (from === 'implemented' || from === 'declined') {
    return `This recommendation is ${from}; its status is final, so you cannot ${ACTION_WORDS[action]} it.`;
  }
  const need = NEEDS[action] ?? `You cannot ${ACTION_WORDS[action]} this recommendation`;
  return `${need}; this one is ${from}.`;
}
