/**
 * Shapes returned by the Vigil API that more than one feature uses: the generated schemas of
 * `@vigil/client` and the enums of `@vigil/domain`, plus UI labels for those enums.
 */
import type { ApiSchemas } from '@vigil/client';
import { CLASSIFICATIONS, type Clearance, type OrganisationKind } from '@vigil/domain';

export { ROLES, ORGANISATION_KINDS } from '@vigil/domain';
export type { Clearance, OrganisationKind, Role } from '@vigil/domain';

/** Clearance levels, lowest first. */
export const CLEARANCES = CLASSIFICATIONS;

export type OrganisationSummary = ApiSchemas['OrganisationSummary'];
export type Organisation = ApiSchemas['OrganisationResponse'];
export type User = ApiSchemas['UserResponse'];

/** One page of a keyset-paginated list. `nextCursor` is null on the last page. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Human-readable labels for enum values shown in the UI. */
export const CLEARANCE_LABELS: Record<Clearance, string> = {
  unclassified: 'Unclassified',
  confidential: 'Confidential',
  strictly_confidential: 'Strictly confidential',
};

export const ORGANISATION_KIND_LABELS: Record<OrganisationKind, string> = {
  office: 'Office',
  un_entity: 'UN entity',
  member_state: 'Member State',
  regional_org: 'Regional organisation',
  civil_society: 'Civil society',
};
