import {
  AbilityBuilder,
  createMongoAbility,
  type ForcedSubject,
  type MongoAbility,
  type RawRuleOf,
} from '@casl/ability';
import { packRules, unpackRules, type PackRule } from '@casl/ability/extra';
import { readableClassifications } from '../identity/roles.js';
import type {
  AbilityUser,
  Action,
  AuditEntrySubject,
  CaseSubject,
  InformationItemSubject,
  NotificationSubject,
  OrganisationSubject,
  PrioritySituationSubject,
  SourceSubject,
  SubjectName,
  UserSubject,
} from './subjects.js';

/** A record checked by `can()`, tagged with its subject name by CASL's `subject()` helper. */
export type TaggedSubject =
  | (UserSubject & ForcedSubject<'User'>)
  | (OrganisationSubject & ForcedSubject<'Organisation'>)
  | (AuditEntrySubject & ForcedSubject<'AuditEntry'>)
  | (CaseSubject & ForcedSubject<'Case'>)
  | (PrioritySituationSubject & ForcedSubject<'PrioritySituation'>)
  | (NotificationSubject & ForcedSubject<'Notification'>)
  | (SourceSubject & ForcedSubject<'Source'>)
  | (InformationItemSubject & ForcedSubject<'InformationItem'>);

/** The ability type shared by server and browser. Subjects are checked by name or tagged record. */
export type AppAbility = MongoAbility<[Action, SubjectName | TaggedSubject]>;
/** One rule as sent to the browser. */
export type AppRawRule = RawRuleOf<AppAbility>;

/**
 * Builds the rules for one person from roles, clearance and membership (docs/architecture.md §5).
 * Deny by default: a deactivated user gets no rules, and each grant below is explicit.
 */
export function defineAbilitiesFor(user: AbilityUser): AppAbility {
  const { can, build } = new AbilityBuilder<AppAbility>(createMongoAbility);
  if (!user.active) return build();

  const readable = readableClassifications(user.clearance);
  const withinClearance = { classification: { $in: readable } };

  // Everyone may read their own account, their own notifications and the directory.
  can('read', 'User', { id: user.id });
  can('read', 'Organisation');
  can(['read', 'update'], 'Notification', { userId: user.id });

  if (user.roles.includes('analyst')) {
    // Nobody creates what they could not then read: classification within the author's clearance.
    can('create', 'Case', withinClearance);
    // Unclassified situations are open to every analyst; a classified one is need to know on top
    // of clearance (docs/domain.md "Classification"): those who work it, its lead and members.
    can('read', 'Case', { classification: 'unclassified' });
    // Those who work a case (its lead or members) read it, edit it, propose moves, record reviews.
    for (const working of [{ leadAnalystId: user.id }, { memberIds: user.id }]) {
      can(['read', 'update', 'propose', 'review'], 'Case', { ...withinClearance, ...working });
    }
    can('manageMembers', 'Case', { ...withinClearance, leadAnalystId: user.id });

    // Risk assessments, documents and recommendations are drafted by those who work the case.
    for (const working of [{ leadAnalystId: user.id }, { memberIds: user.id }]) {
      can(['assess', 'draft'], 'Case', { ...withinClearance, ...working });
    }

    // The precursor database. Unclassified information is open to all Office analysts; classified
    // information is need to know on top of clearance: its author and those who work a case it
    // is linked to (docs/architecture.md §5, docs/domain.md "Classification").
    can('create', 'InformationItem', withinClearance);
    can('read', 'InformationItem', { classification: 'unclassified' });
    for (const knows of [{ createdBy: user.id }, { caseWorkerIds: user.id }]) {
      can(['read', 'update'], 'InformationItem', { ...withinClearance, ...knows });
    }
    // A source's identity: whoever recorded it, always; and those who work a case its items
    // belong to, within their clearance of the source's classification (the highest among the
    // items citing it): a source cited by a strictly confidential item is not known through a
    // case by someone cleared only for confidential. Everyone else sees "protected source".
    can('create', 'Source');
    can(['read', 'update'], 'Source', { createdBy: user.id });
    can(['read', 'update'], 'Source', { ...withinClearance, caseWorkerIds: user.id });
  }

  if (user.roles.includes('adviser')) {
    can(
      ['read', 'share', 'propose', 'approve', 'review', 'reopen', 'manageMembers'],
      'Case',
      withinClearance,
    );
    can(['assess', 'finalise', 'draft'], 'Case', withinClearance);
    // Reclassifying decides who may read a case: an adviser's call, never a member's. The new
    // level must be within their clearance too (checked where the level is known).
    can('reclassify', 'Case', withinClearance);
    can(['read', 'create', 'update'], 'InformationItem', withinClearance);
    can('create', 'Source');
    can(['read', 'update'], 'Source', withinClearance);
  }

  if (user.roles.includes('framework_team')) {
    // Whoever reads the restricted view may endorse it (one endorsement each, changeable).
    can(['read', 'endorse'], 'PrioritySituation', { ...withinClearance, prioritySituation: true });
  }

  // Administrators manage people and organisations and read the audit trail, but read no case
  // content by virtue of being admin: need to know.
  if (user.roles.includes('admin')) {
    can(['read', 'create', 'update'], 'User');
    can(['read', 'create', 'update'], 'Organisation');
    can('read', 'AuditEntry');
  }

  return build();
}

/** Rules packed for transport (`GET /api/auth/me`). */
export function packAbilityRules(ability: AppAbility): PackRule<AppRawRule>[] {
  return packRules(ability.rules as AppRawRule[]);
}

/** Rebuilds the same ability in the browser from packed rules. */
export function abilityFromPackedRules(packed: PackRule<AppRawRule>[]): AppAbility {
  return createMongoAbility<AppAbility>(unpackRules(packed));
}

export type { PackRule };
