import type { Classification, Role } from '../identity/roles.js';

/** What a rule can be about. Each has a plain shape so the browser and server share conditions. */
export type SubjectName =
  'User' | 'Organisation' | 'AuditEntry' | 'Case' | 'PrioritySituation' | 'Notification';

/** Actions are explicit: no CASL `manage` wildcard, so a new action is denied until granted. */
export const ACTIONS = [
  'read',
  'create',
  'update',
  'share',
  /** Propose an escalation, de-escalation or closure. */
  'propose',
  /** Approve or reject someone else's proposal. */
  'approve',
  /** Record a periodic review of a case. */
  'review',
  /** Reopen a closed case. */
  'reopen',
  /** Add or remove the members of a case. */
  'manageMembers',
] as const;
export type Action = (typeof ACTIONS)[number];

/** Fields of a user that rules may test. */
export interface UserSubject {
  id: string;
  organisationId: string;
}

/** Fields of an organisation that rules may test. */
export interface OrganisationSubject {
  id: string;
}

/** Fields of an audit entry that rules may test. */
export interface AuditEntrySubject {
  seq: number;
}

/** Fields of a country-situation case that rules may test. */
export interface CaseSubject {
  id: string;
  classification: Classification;
  leadAnalystId: string | null;
  /** Users with a role on the case (case_members). */
  memberIds: string[];
  prioritySituation: boolean;
}

/** Fields of an in-app notification that rules may test. */
export interface NotificationSubject {
  userId: string;
}

/** The Framework Team's restricted view of a priority situation tests the same case fields. */
export type PrioritySituationSubject = CaseSubject;

/** The facts about a person from which their abilities are built. */
export interface AbilityUser {
  id: string;
  roles: readonly Role[];
  clearance: Classification;
  organisationId: string;
  active: boolean;
}
