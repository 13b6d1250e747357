import type { RecommendationAction } from '../mobilisation/recommendations.js';
import type { DocumentTransition } from './document-lifecycle.js';
import type { DocumentKind } from './documents.js';

/**
 * Which steps on what leaves the Office need a second person (configuration, like the workflow's
 * approvals): never one adviser drafting, approving and transmitting the same thing alone.
 */
export interface FourEyesConfig {
  /** The person who submitted a document for review never approves it. */
  documentApproverNotSubmitter: boolean;
  /** Kinds whose approval and transmission need an adviser other than their creator. */
  documentKindsNeedingAnotherAdviser: readonly DocumentKind[];
  /** Recommendation actions that need an adviser other than the recommendation's creator. */
  recommendationActionsNeedingAnotherAdviser: readonly RecommendationAction[];
}

export const DEFAULT_FOUR_EYES: FourEyesConfig = Object.freeze({
  documentApproverNotSubmitter: true,
  documentKindsNeedingAnotherAdviser: Object.freeze(['advice_to_sg'] as const),
  recommendationActionsNeedingAnotherAdviser: Object.freeze(['approve', 'transmit'] as const),
});

/** Who took part in a document so far. */
export interface DocumentParties {
  kind: DocumentKind;
  createdBy: string;
  /** Who submitted it for the review under way (the latest submission), if any. */
  submittedBy: string | null;
}

/** Why `actorId` may not take `step` on the document themselves, or null when they may. */
export function documentFourEyesRefusal(
  step: DocumentTransition,
  actorId: string,
  parties: DocumentParties,
  config: FourEyesConfig = DEFAULT_FOUR_EYES,
): string | null {
  if (
    step === 'approve' &&
    config.documentApproverNotSubmitter &&
    parties.submittedBy === actorId
  ) {
    return 'You submitted this document for review: another adviser must approve it.';
  }
  if (
    (step === 'approve' || step === 'transmit') &&
    config.documentKindsNeedingAnotherAdviser.includes(parties.kind) &&
    parties.createdBy === actorId
  ) {
    return `You started this advice to the Secretary-General: another adviser must ${step} it.`;
  }
  return null;
}

/** Why `actorId` may not take `action` on a recommendation they created, or null. */
export function recommendationFourEyesRefusal(
  action: RecommendationAction,
  actorId: string,
  createdBy: string,
  config: FourEyesConfig = DEFAULT_FOUR_EYES,
): string | null {
  if (createdBy !== actorId || !config.recommendationActionsNeedingAnotherAdviser.includes(action))
    return null;
  return `You drafted this recommendation: another adviser must ${action === 'approve' ? 'approve' : 'transmit'} it.`;
}
