import type { Clearance, OrganisationKind, Role } from '@vigil/domain';

/** Organisations seeded for the demo: the Office, Framework Team entities, regional bodies. */
export const DEMO_ORGANISATIONS: { name: string; acronym: string; kind: OrganisationKind }[] = [
  {
    name: 'Office on Genocide Prevention and the Responsibility to Protect',
    acronym: 'OSAPG',
    kind: 'office',
  },
  { name: 'Department of Political and Peacebuilding Affairs', acronym: 'DPPA', kind: 'un_entity' },
  { name: 'Department of Peace Operations', acronym: 'DPO', kind: 'un_entity' },
  {
    name: 'Office of the United Nations High Commissioner for Human Rights',
    acronym: 'OHCHR',
    kind: 'un_entity',
  },
  { name: 'United Nations Development Programme', acronym: 'UNDP', kind: 'un_entity' },
  {
    name: 'Office of the United Nations High Commissioner for Refugees',
    acronym: 'UNHCR',
    kind: 'un_entity',
  },
  { name: "United Nations Children's Fund", acronym: 'UNICEF', kind: 'un_entity' },
  {
    name: 'Office for the Coordination of Humanitarian Affairs',
    acronym: 'OCHA',
    kind: 'un_entity',
  },
  {
    name: 'United Nations Entity for Gender Equality and the Empowerment of Women',
    acronym: 'UN Women',
    kind: 'un_entity',
  },
  { name: 'Peacebuilding Support Office', acronym: 'PBSO', kind: 'un_entity' },
  { name: 'Department of Safety and Security', acronym: 'DSS', kind: 'un_entity' },
  { name: 'United Nations Population Fund', acronym: 'UNFPA', kind: 'un_entity' },
  { name: 'World Food Programme', acronym: 'WFP', kind: 'un_entity' },
  { name: 'International Organization for Migration', acronym: 'IOM', kind: 'un_entity' },
  {
    name: 'United Nations Educational, Scientific and Cultural Organization',
    acronym: 'UNESCO',
    kind: 'un_entity',
  },
  {
    name: 'Office of the Special Representative on Children and Armed Conflict',
    acronym: 'OSRSG-CAAC',
    kind: 'un_entity',
  },
  {
    name: 'Office of the Special Representative on Sexual Violence in Conflict',
    acronym: 'OSRSG-SVC',
    kind: 'un_entity',
  },
  { name: 'African Union', acronym: 'AU', kind: 'regional_org' },
  { name: 'European Union', acronym: 'EU', kind: 'regional_org' },
  { name: 'Organization of American States', acronym: 'OAS', kind: 'regional_org' },
  { name: 'Intergovernmental Authority on Development', acronym: 'IGAD', kind: 'regional_org' },
  { name: 'Economic Community of West African States', acronym: 'ECOWAS', kind: 'regional_org' },
  {
    name: 'International Conference on the Great Lakes Region',
    acronym: 'ICGLR',
    kind: 'regional_org',
  },
  { name: 'Association of Southeast Asian Nations', acronym: 'ASEAN', kind: 'regional_org' },
  {
    name: 'OSCE High Commissioner on National Minorities',
    acronym: 'OSCE HCNM',
    kind: 'regional_org',
  },
  { name: 'Southern African Development Community', acronym: 'SADC', kind: 'regional_org' },
  { name: 'League of Arab States', acronym: 'LAS', kind: 'regional_org' },
];

/** A demo account (all share VIGIL_DEMO_PASSWORD). */
export interface DemoUser {
  email: string;
  displayName: string;
  roles: Role[];
  clearance: Clearance;
  organisation: string;
}

/**
 * The demo accounts (README, "Demo accounts and content"; docs/architecture.md §15): seven personas
 * and a second administrator, since granting the adviser or admin role or a higher clearance needs
 * one administrator to ask and another to confirm (issue 15).
 */
export const DEMO_USERS: DemoUser[] = [
  {
    email: 'analyst@vigil.test',
    displayName: 'Amina Diallo',
    roles: ['analyst'],
    clearance: 'strictly_confidential',
    organisation: 'OSAPG',
  },
  {
    email: 'analyst2@vigil.test',
    displayName: 'Tomás Herrera',
    roles: ['analyst'],
    clearance: 'confidential',
    organisation: 'OSAPG',
  },
  {
    email: 'adviser@vigil.test',
    displayName: 'Lena Okafor',
    roles: ['adviser'],
    clearance: 'strictly_confidential',
    organisation: 'OSAPG',
  },
  {
    email: 'adviser2@vigil.test',
    displayName: 'Rashid Karimov',
    roles: ['adviser'],
    clearance: 'strictly_confidential',
    organisation: 'OSAPG',
  },
  {
    email: 'ft.ohchr@vigil.test',
    displayName: 'Claire Dubois',
    roles: ['framework_team'],
    clearance: 'confidential',
    organisation: 'OHCHR',
  },
  {
    email: 'ft.undp@vigil.test',
    displayName: 'Kenji Sato',
    roles: ['framework_team'],
    clearance: 'unclassified',
    organisation: 'UNDP',
  },
  {
    email: 'admin@vigil.test',
    displayName: 'Sam Admin',
    roles: ['admin'],
    clearance: 'unclassified',
    organisation: 'OSAPG',
  },
  {
    email: 'admin2@vigil.test',
    displayName: 'Noor Haddad',
    roles: ['admin'],
    clearance: 'unclassified',
    organisation: 'OSAPG',
  },
];

/** Default password of the demo accounts. */
export const DEFAULT_DEMO_PASSWORD = 'vigil-demo';
