import { useQuery } from '@tanstack/react-query';
import { listOrganisations } from '../api/organisations-api';
import { organisationKeys } from './organisation-query-keys';

/** Organisations for select boxes (`GET /api/organisations?limit=100`), sorted by name. */
export function useOrganisationOptions() {
  return useQuery({
    queryKey: organisationKeys.options(),
    queryFn: () => listOrganisations({ limit: 100 }),
    select: (page) => [...page.items].sort((a, b) => a.name.localeCompare(b.name)),
  });
}
