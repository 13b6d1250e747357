import { subject } from '@casl/ability';
import { useAbility } from '../../../lib/ability';
import type { Case, CaseMember } from '../../situations/api/cases-api';

/** What the user may do with a case's documents, recommendations and engagements. */
export interface DraftingAbilities {
  /** Create and edit documents, recommendations and engagements ('draft' on the case). */
  canDraft: boolean;
  /** Approve, return and transmit; decide on recommendations ('approve' on the case). */
  canApprove: boolean;
}

/** The browser's answer from the same CASL rules as the server (which decides in the end). */
export function useDraftingAbilities(
  item: Case | undefined,
  members: CaseMember[] | undefined,
): DraftingAbilities {
  const ability = useAbility();
  if (!item) return { canDraft: false, canApprove: false };
  const caseSubject = subject('Case', {
    id: item.id,
    classification: item.classification,
    leadAnalystId: item.leadAnalystId,
    memberIds: (members ?? []).map((m) => m.userId),
    prioritySituation: item.prioritySituation,
  });
  return {
    canDraft: ability.can('draft', caseSubject),
    canApprove: ability.can('approve', caseSubject),
  };
}
