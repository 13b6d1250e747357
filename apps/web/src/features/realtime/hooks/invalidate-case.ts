import type { QueryClient } from '@tanstack/react-query';
import type { CaseFeedEvent } from '@vigil/client';

/** Every cached query of one case (Office and Framework Team views), refreshed together. */
function caseQueryPrefixes(caseId: string): (readonly unknown[])[] {
  return [
    ['cases', 'detail', caseId],
    ['comments', caseId],
    ['assessments', 'case', caseId],
    ['priority-situations', 'detail', caseId],
  ];
}

/**
 * Refreshes what a committed event of a case may have changed. A comment or an endorsement
 * touches its own lists and the timeline only; anything else may change the whole case and lists.
 */
export async function invalidateForEvent(
  queryClient: QueryClient,
  event: Pick<CaseFeedEvent, 'caseId' | 'type'>,
): Promise<void> {
  const { caseId, type } = event;
  const timeline = [
    ['cases', 'detail', caseId, 'events'],
    ['priority-situations', 'detail', caseId, 'events'],
  ];
  if (type.startsWith('comment.')) {
    await invalidateAll(queryClient, [['comments', caseId], ...timeline]);
    return;
  }
  if (type.startsWith('endorsement.')) {
    await invalidateAll(queryClient, [
      ['cases', 'detail', caseId, 'endorsements'],
      ['priority-situations', 'detail', caseId],
      ...timeline,
    ]);
    return;
  }
  await invalidateCase(queryClient, caseId);
  // A document's status, versions and hash live under its own key.
  if (type.startsWith('document.')) await invalidateAll(queryClient, [['documents']]);
  await invalidateAll(queryClient, [
    ['cases', 'list'],
    ['cases', 'stats'],
    ['escalations'],
    ['priority-situations', 'list'],
  ]);
}

/** Refreshes every query of a case (after a reconnection, when events may have been missed). */
export function invalidateCase(queryClient: QueryClient, caseId: string): Promise<void> {
  return invalidateAll(queryClient, caseQueryPrefixes(caseId));
}

async function invalidateAll(queryClient: QueryClient, keys: (readonly unknown[])[]) {
  await Promise.all(keys.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
}
