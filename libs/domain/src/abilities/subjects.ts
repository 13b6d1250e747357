import type { Classification, Role } from '../identity/roles.js';

/** What a rule can be about. Each has a plain shape so the browser and server share conditions. */
export type SubjectName =
  | 'User'
  | 'Organisation'
  | 'AuditEntry'
  | 'Case'
  | 'PrioritySituation'
  | 'Notification'
  | 'Source'
  | 'InformationItem';

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
  /** Draft or edit a risk assessment of a case. */
  'assess',
  /** Finalise a risk assessment (it becomes read-only and updates the case's risk level). */
  'finalise',
  /** Endorse a priority situation shared with the Framework Team (with a note). */
  'endorse',
  /** Draft the Office's documents and recommendations on a case (issue 6). */
  'draft',
  /** Change a case's classification (an adviser cleared for the old and the new level). */
  'reclassify',
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

/**
 * Fields of a source that rules may test. Reading a source means reading its identity (name, kind,
 * contact notes); its reliability grade travels with every item regardless.
 */
export interface SourceSubject {
  id: string;
  /**
   * The source's effective classification: the highest among the items that cite it
   * (unclassified when none does). Knowing who gave information is as sensitive as what they gave.
   */
  classification: Classification;
  createdBy: string;
  /** Leads and members of the cases that this source's items are linked to. */
  caseWorkerIds: string[];
}

/** Fields of an information item that rules may test. */
export interface InformationItemSubject {
  id: string;
  classification: Classification;
  createdBy: string;
  /** Leads and members of the cases the item is linked to, each within their clearance. */
  caseWorkerIds: string[];
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
