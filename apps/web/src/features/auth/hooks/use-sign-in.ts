import { useMutation, useQueryClient } from '@tanstack/react-query';
import { toGrant } from '../../../lib/api-client';
import { startSession } from '../../../lib/auth-session';
import { login, type LoginInput } from '../api/auth-api';

/** Signs in; on success the session becomes authenticated (other tabs follow) and routing moves on. */
export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: LoginInput) => login(input),
    onMutate: () => {
      // Never show a previous user's cached data.
      queryClient.clear();
    },
    onSuccess: (session) => {
      startSession(toGrant(session));
    },
  });
}
