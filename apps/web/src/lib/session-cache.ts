import type { QueryClient } from '@tanstack/react-query';
import { getSessionState, subscribeSession } from './auth-session';

/**
 * Empties the query cache whenever the person behind this tab changes or signs out (here or in
 * another tab), so no screen ever shows one person's data while the tab acts as another.
 * Returns the unsubscribe function.
 */
export function clearCacheOnPersonChange(queryClient: QueryClient): () => void {
  let person = getSessionState().userId;
  return subscribeSession(() => {
    const next = getSessionState().userId;
    if (next === person) return;
    person = next;
    void queryClient.cancelQueries();
    queryClient.clear();
  });
}
