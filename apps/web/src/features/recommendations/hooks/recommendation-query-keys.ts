/** A case's recommendations sit under the case's detail key (refreshed with the case room). */
export const recommendationKeys = {
  ofCase: (caseId: string) => ['cases', 'detail', caseId, 'recommendations'] as const,
  detail: (caseId: string, id: string) =>
    ['cases', 'detail', caseId, 'recommendations', id] as const,
};
