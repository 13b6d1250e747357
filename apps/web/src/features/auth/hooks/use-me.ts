import { useQuery } from '@tanstack/react-query';
import { fetchMe } from '../api/auth-api';
import { useSession } from './use-session';

export const meQueryKey = ['auth', 'me'] as const;

/** The signed-in user and rules; only runs while authenticated. */
export function useMe() {
  const session = useSession();
  return useQuery({
    queryKey: meQueryKey,
    queryFn: fetchMe,
    enabled: session.status === 'authenticated',
    staleTime: 5 * 60_000,
  });
}
