import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  createUser,
  updateUser,
  type CreateUserInput,
  type UpdateUserInput,
} from '../api/users-api';
import { meQueryKey } from '../../auth/hooks/use-me';
import { userKeys } from './user-query-keys';

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateUserInput) => createUser(input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: userKeys.all }),
  });
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: UpdateUserInput }) => updateUser(id, input),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: userKeys.all });
      // The admin may have edited their own account (roles, name…).
      await queryClient.invalidateQueries({ queryKey: meQueryKey });
    },
  });
}
