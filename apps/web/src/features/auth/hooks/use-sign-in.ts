import { useMutation, useQueryClient } from '@tanstack/react-query';
import { startSession } from '../../../lib/auth-session';
import { login, type LoginInput } from '../api/auth-api';

/** Signs in; on success the session becomes authenticated and routing moves on. */
export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: LoginInput) => login(input),
    onMutate: () => {
      // Never show a previous user's cached data.
      queryClient.clear();
    },
    onSuccess: (tokens) => {
      startSession(tokens);
    },
  });
}
