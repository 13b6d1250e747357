/** Roles a user may hold; a user may hold several (docs/architecture.md §5). */
export const ROLES = ['analyst', 'adviser', 'framework_team', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** The UN's three sensitivity levels, lowest first. Order matters: it is the clearance scale. */
export const CLASSIFICATIONS = ['unclassified', 'confidential', 'strictly_confidential'] as const;
export type Classification = (typeof CLASSIFICATIONS)[number];
/** A user's clearance uses the same scale as a record's classification. */
export type Clearance = Classification;

/** Kinds of organisation a user can belong to. */
export const ORGANISATION_KINDS = [
  'office',
  'un_entity',
  'member_state',
  'regional_org',
  'civil_society',
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

/** Position of a level on the scale (0 = unclassified). */
export function classificationRank(level: Classification): number {
  return CLASSIFICATIONS.indexOf(level);
}

/** Every classification a holder of `clearance` may read: theirs and everything below. */
export function readableClassifications(clearance: Clearance): Classification[] {
  return CLASSIFICATIONS.slice(0, classificationRank(clearance) + 1);
}

/** True when `clearance` is enough to read something classified `level`. */
export function clearanceCovers(clearance: Clearance, level: Classification): boolean {
  return classificationRank(clearance) >= classificationRank(level);
}

/** Office staff are analysts and advisers: they see internal material, subject to clearance. */
export function isOfficeStaff(roles: readonly Role[]): boolean {
  return roles.includes('analyst') || roles.includes('adviser');
}
