import { useQuery } from '@tanstack/react-query';
import { subject } from '@casl/ability';
import { useAbility } from '../../../lib/ability';
import { getCase, listMembers, type Case, type CaseMember } from '../../situations/api/cases-api';
import { caseKeys } from '../../situations/hooks/case-query-keys';
import { getAssessment, getEvidenceSince, listAssessments } from '../api/assessments-api';
import { assessmentKeys } from './assessment-query-keys';

/** A case's assessments; `caseId` '' waits (the case is not known yet). */
export function useCaseAssessments(caseId: string) {
  return useQuery({
    queryKey: assessmentKeys.ofCase(caseId),
    queryFn: () => listAssessments(caseId),
    enabled: caseId !== '',
  });
}

/** The case an assessment belongs to and its members (for abilities), once its id is known. */
export function useAssessedCase(caseId: string) {
  const item = useQuery({
    queryKey: caseKeys.detail(caseId),
    queryFn: () => getCase(caseId),
    enabled: caseId !== '',
  });
  const members = useQuery({
    queryKey: caseKeys.members(caseId),
    queryFn: () => listMembers(caseId),
    enabled: caseId !== '',
  });
  return { item, members };
}

export function useAssessment(id: string) {
  return useQuery({ queryKey: assessmentKeys.detail(id), queryFn: () => getAssessment(id) });
}

export function useEvidenceSince(caseId: string) {
  return useQuery({
    queryKey: assessmentKeys.evidenceSince(caseId),
    queryFn: () => getEvidenceSince(caseId),
  });
}

/** What the user may do with the assessments of a case (the server decides in the end). */
export function useAssessmentAbilities(item: Case | undefined, members: CaseMember[] | undefined) {
  const ability = useAbility();
  if (!item) return { canAssess: false, canFinalise: false };
  const caseSubject = subject('Case', {
    id: item.id,
    classification: item.classification,
    leadAnalystId: item.leadAnalystId,
    memberIds: (members ?? []).map((m) => m.userId),
    prioritySituation: item.prioritySituation,
  });
  return {
    canAssess: ability.can('assess', caseSubject),
    canFinalise: ability.can('finalise', caseSubject),
  };
}
