/**
 * Query keys of documents. A case's list sits under the case's detail key, so the case room's
 * refresh (`invalidateCase`) covers it; one document's queries sit under `['documents', id]`.
 */
export const documentKeys = {
  ofCase: (caseId: string) => ['cases', 'detail', caseId, 'documents'] as const,
  all: ['documents'] as const,
  detail: (id: string) => ['documents', id] as const,
  versions: (id: string) => ['documents', id, 'versions'] as const,
  diff: (id: string, from: number, to: number) => ['documents', id, 'diff', from, to] as const,
};
