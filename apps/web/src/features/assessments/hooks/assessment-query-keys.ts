/** Query keys of risk assessments; a change refreshes `assessmentKeys.all` and the heat map. */
export const assessmentKeys = {
  all: ['assessments'] as const,
  ofCase: (caseId: string) => ['assessments', 'case', caseId] as const,
  evidenceSince: (caseId: string) => ['assessments', 'case', caseId, 'evidence-since'] as const,
  detail: (id: string) => ['assessments', 'detail', id] as const,
};
