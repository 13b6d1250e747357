import type { ApiSchemas } from '@vigil/client';
import { api, optional, unwrap } from '../../../lib/api-client';

export interface ListOrganisationsParams {
  cursor?: string | null;
  limit?: number;
}

export type OrganisationPage = ApiSchemas['OrganisationPageResponse'];
export type CreateOrganisationInput = ApiSchemas['CreateOrganisationDto'];
export type UpdateOrganisationInput = ApiSchemas['UpdateOrganisationDto'];
type Organisation = ApiSchemas['OrganisationResponse'];

export function listOrganisations({
  cursor,
  limit,
}: ListOrganisationsParams = {}): Promise<OrganisationPage> {
  return unwrap(
    api.GET('/api/organisations', { params: { query: { cursor: optional(cursor), limit } } }),
  );
}

export function createOrganisation(input: CreateOrganisationInput): Promise<Organisation> {
  return unwrap(api.POST('/api/organisations', { body: input }));
}

export function updateOrganisation(
  id: string,
  input: UpdateOrganisationInput,
): Promise<Organisation> {
  return unwrap(api.PATCH('/api/organisations/{id}', { params: { path: { id } }, body: input }));
}
