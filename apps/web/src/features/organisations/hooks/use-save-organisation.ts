import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  createOrganisation,
  updateOrganisation,
  type CreateOrganisationInput,
  type UpdateOrganisationInput,
} from '../api/organisations-api';
import { organisationKeys } from './organisation-query-keys';

export function useCreateOrganisation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateOrganisationInput) => createOrganisation(input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: organisationKeys.all }),
  });
}

export function useUpdateOrganisation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: UpdateOrganisationInput }) =>
      updateOrganisation(id, input),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: organisationKeys.all });
      // User rows embed the organisation's name and acronym.
      await queryClient.invalidateQueries({ queryKey: ['users'] });
    },
  });
}
