import { subject } from '@casl/ability';
import { describe, expect, it } from '@jest/globals';
import { CLASSIFICATIONS, ROLES, type Classification, type Role } from '../identity/roles.js';
import {
  abilityFromPackedRules,
  defineAbilitiesFor,
  packAbilityRules,
  type AppAbility,
  type TaggedSubject,
} from './define-abilities.js';
import { ACTIONS, type AbilityUser, type Action, type SubjectName } from './subjects.js';

// The ability matrix (docs/architecture.md §5): every persona × clearance × subject × record state
// × action, each cell asserted explicitly as allowed or denied. The guard tests at the bottom fail
// when an action, subject or role is added without extending the table.

/** Every subject name at runtime; `satisfies` makes the type check fail when SubjectName grows. */
const SUBJECT_FLAGS = {
  User: true,
  Organisation: true,
  AuditEntry: true,
  Case: true,
  PrioritySituation: true,
  Notification: true,
  Source: true,
  InformationItem: true,
} as const satisfies Record<SubjectName, true>;
const SUBJECT_NAMES = Object.keys(SUBJECT_FLAGS) as SubjectName[];

/** The clearance scale written out independently of the code under test. */
const RANK: Record<Classification, number> = {
  unclassified: 0,
  confidential: 1,
  strictly_confidential: 2,
};

/** When a persona may do something, in words one can check against docs/architecture.md §5. */
type Grant =
  | 'never'
  | 'always'
  | 'own account'
  | 'within clearance'
  | 'within clearance, if lead or member'
  | 'within clearance, if lead'
  | 'within clearance, if a priority situation'
  | 'if author, or within clearance if working a linked case'
  | 'if author, or within clearance'
  | 'within clearance, if author or working a linked case'
  | 'if unclassified, or within clearance if author or working a linked case'
  | 'if unclassified, or within clearance if lead or member';

type Grants = Record<Action, Grant>;
type Policy = Record<SubjectName, Grants>;

interface Persona {
  who: string;
  roles: readonly Role[];
  active: boolean;
  policy: Policy;
}

/** Every action denied, to spread and then grant from. */
const NONE: Grants = {
  read: 'never',
  create: 'never',
  update: 'never',
  share: 'never',
  propose: 'never',
  approve: 'never',
  review: 'never',
  reopen: 'never',
  manageMembers: 'never',
  assess: 'never',
  finalise: 'never',
  endorse: 'never',
  draft: 'never',
  reclassify: 'never',
};
const NO_ACCESS: Grants = NONE;
const OWN_ACCOUNT: Grants = { ...NONE, read: 'own account' };
const OWN_NOTIFICATIONS: Grants = { ...NONE, read: 'own account', update: 'own account' };
const DIRECTORY: Grants = { ...NONE, read: 'always' };
const ANALYST_CASE: Grants = {
  ...NONE,
  read: 'if unclassified, or within clearance if lead or member',
  create: 'within clearance',
  update: 'within clearance, if lead or member',
  propose: 'within clearance, if lead or member',
  review: 'within clearance, if lead or member',
  manageMembers: 'within clearance, if lead',
  assess: 'within clearance, if lead or member',
  draft: 'within clearance, if lead or member',
};
const ANALYST_ITEM: Grants = {
  ...NONE,
  read: 'if unclassified, or within clearance if author or working a linked case',
  create: 'within clearance',
  update: 'within clearance, if author or working a linked case',
};
// A source's classification is the highest of the items citing it (issue 14): working a linked
// case reveals it only within clearance; whoever recorded it always knows who it is.
const ANALYST_SOURCE: Grants = {
  ...NONE,
  read: 'if author, or within clearance if working a linked case',
  create: 'always',
  update: 'if author, or within clearance if working a linked case',
};
const ADVISER_ITEM: Grants = {
  ...NONE,
  read: 'within clearance',
  create: 'within clearance',
  update: 'within clearance',
};
const ADVISER_SOURCE: Grants = {
  ...NONE,
  read: 'within clearance',
  create: 'always',
  update: 'within clearance',
};
const ADVISER_CASE: Grants = {
  ...NONE,
  read: 'within clearance',
  share: 'within clearance',
  propose: 'within clearance',
  approve: 'within clearance',
  review: 'within clearance',
  reopen: 'within clearance',
  manageMembers: 'within clearance',
  assess: 'within clearance',
  finalise: 'within clearance',
  draft: 'within clearance',
  reclassify: 'within clearance',
};

/** The expected policy: this is the table. Every action of every subject is listed explicitly. */
const PERSONAS: Persona[] = [
  {
    who: 'analyst',
    roles: ['analyst'],
    active: true,
    policy: {
      User: OWN_ACCOUNT,
      Organisation: DIRECTORY,
      AuditEntry: NO_ACCESS,
      Case: ANALYST_CASE,
      PrioritySituation: NO_ACCESS,
      Notification: OWN_NOTIFICATIONS,
      Source: ANALYST_SOURCE,
      InformationItem: ANALYST_ITEM,
    },
  },
  {
    who: 'adviser',
    roles: ['adviser'],
    active: true,
    policy: {
      User: OWN_ACCOUNT,
      Organisation: DIRECTORY,
      AuditEntry: NO_ACCESS,
      Case: ADVISER_CASE,
      PrioritySituation: NO_ACCESS,
      Notification: OWN_NOTIFICATIONS,
      Source: ADVISER_SOURCE,
      InformationItem: ADVISER_ITEM,
    },
  },
  {
    who: 'framework_team',
    roles: ['framework_team'],
    active: true,
    policy: {
      User: OWN_ACCOUNT,
      Organisation: DIRECTORY,
      AuditEntry: NO_ACCESS,
      Case: NO_ACCESS,
      PrioritySituation: {
        ...NONE,
        read: 'within clearance, if a priority situation',
        endorse: 'within clearance, if a priority situation',
      },
      Notification: OWN_NOTIFICATIONS,
      Source: NO_ACCESS,
      InformationItem: NO_ACCESS,
    },
  },
  {
    who: 'admin',
    roles: ['admin'],
    active: true,
    policy: {
      User: { ...NONE, read: 'always', create: 'always', update: 'always' },
      Organisation: { ...NONE, read: 'always', create: 'always', update: 'always' },
      AuditEntry: { ...NONE, read: 'always' },
      // Need to know: being admin reads no case content.
      Case: NO_ACCESS,
      PrioritySituation: NO_ACCESS,
      Notification: OWN_NOTIFICATIONS,
      Source: NO_ACCESS,
      InformationItem: NO_ACCESS,
    },
  },
  {
    who: 'analyst+adviser',
    roles: ['analyst', 'adviser'],
    active: true,
    policy: {
      User: OWN_ACCOUNT,
      Organisation: DIRECTORY,
      AuditEntry: NO_ACCESS,
      // The union of both roles: the adviser's grants cover everything but creating and editing.
      Case: {
        ...ADVISER_CASE,
        create: 'within clearance',
        update: 'within clearance, if lead or member',
      },
      PrioritySituation: NO_ACCESS,
      Notification: OWN_NOTIFICATIONS,
      // The adviser's clearance rule, and the analyst's: what they recorded, whatever its level.
      Source: {
        ...ADVISER_SOURCE,
        read: 'if author, or within clearance',
        update: 'if author, or within clearance',
      },
      InformationItem: ADVISER_ITEM,
    },
  },
  {
    who: 'user with no role',
    roles: [],
    active: true,
    policy: {
      User: OWN_ACCOUNT,
      Organisation: DIRECTORY,
      AuditEntry: NO_ACCESS,
      Case: NO_ACCESS,
      PrioritySituation: NO_ACCESS,
      Notification: OWN_NOTIFICATIONS,
      Source: NO_ACCESS,
      InformationItem: NO_ACCESS,
    },
  },
  {
    who: 'deactivated user with every role',
    roles: [...ROLES],
    active: false,
    policy: {
      User: NO_ACCESS,
      Organisation: NO_ACCESS,
      AuditEntry: NO_ACCESS,
      Case: NO_ACCESS,
      PrioritySituation: NO_ACCESS,
      Notification: NO_ACCESS,
      Source: NO_ACCESS,
      InformationItem: NO_ACCESS,
    },
  },
];

const SELF = '00000000-0000-4000-8000-000000000001';
const OTHER = '00000000-0000-4000-8000-000000000002';
const ORG = '00000000-0000-4000-8000-0000000000aa';

/** What a grant depends on, for one record. */
interface Facts {
  own?: boolean;
  classification?: Classification;
  leadOrMember?: boolean;
  lead?: boolean;
  prioritySituation?: boolean;
  /** They recorded it. */
  author?: boolean;
  /** They lead or are a member of a case it is linked to. */
  linkedWorker?: boolean;
}

interface RecordState {
  label: string;
  facts: Facts;
  /** A fresh tagged record each call: CASL's subject() tags the object it is given. */
  make: () => TaggedSubject;
}

type Relation = 'lead' | 'member' | 'neither';
const RELATION_LABEL: Record<Relation, string> = {
  lead: 'they lead',
  member: 'they are a member of',
  neither: 'they neither lead nor belong to',
};

function caseStates(name: 'Case' | 'PrioritySituation'): RecordState[] {
  const states: RecordState[] = [];
  for (const relation of Object.keys(RELATION_LABEL) as Relation[]) {
    for (const prioritySituation of [true, false]) {
      for (const classification of CLASSIFICATIONS) {
        const fields = {
          id: '00000000-0000-4000-8000-0000000000cc',
          classification,
          leadAnalystId: relation === 'lead' ? SELF : OTHER,
          memberIds: relation === 'member' ? [OTHER, SELF] : [OTHER],
          prioritySituation,
        };
        states.push({
          label: `${RELATION_LABEL[relation]} (${classification}, ${prioritySituation ? '' : 'not '}a priority situation)`,
          facts: {
            classification,
            leadOrMember: relation !== 'neither',
            lead: relation === 'lead',
            prioritySituation,
          },
          make: () => subject(name, { ...fields, memberIds: [...fields.memberIds] }),
        });
      }
    }
  }
  return states;
}

type Knowledge = 'author' | 'linked' | 'stranger';
const KNOWLEDGE_LABEL: Record<Knowledge, string> = {
  author: 'they recorded',
  linked: 'linked to a case they work',
  stranger: 'neither recorded by them nor linked to a case they work',
};

function knowledgeFacts(knowledge: Knowledge) {
  return {
    createdBy: knowledge === 'author' ? SELF : OTHER,
    caseWorkerIds: knowledge === 'linked' ? [OTHER, SELF] : [OTHER],
  };
}

function itemStates(): RecordState[] {
  return (Object.keys(KNOWLEDGE_LABEL) as Knowledge[]).flatMap((knowledge) =>
    CLASSIFICATIONS.map((classification) => ({
      label: `${KNOWLEDGE_LABEL[knowledge]} (${classification})`,
      facts: {
        classification,
        author: knowledge === 'author',
        linkedWorker: knowledge === 'linked',
      },
      make: () =>
        subject('InformationItem', {
          id: '00000000-0000-4000-8000-0000000000dd',
          classification,
          ...knowledgeFacts(knowledge),
        }),
    })),
  );
}

// A source's classification: the highest among the items that cite it.
function sourceStates(): RecordState[] {
  return (Object.keys(KNOWLEDGE_LABEL) as Knowledge[]).flatMap((knowledge) =>
    CLASSIFICATIONS.map((classification) => ({
      label: `${KNOWLEDGE_LABEL[knowledge]} (cited at most ${classification})`,
      facts: {
        classification,
        author: knowledge === 'author',
        linkedWorker: knowledge === 'linked',
      },
      make: () =>
        subject('Source', {
          id: '00000000-0000-4000-8000-0000000000ee',
          classification,
          ...knowledgeFacts(knowledge),
        }),
    })),
  );
}

const STATES: Record<SubjectName, RecordState[]> = {
  User: [
    {
      label: 'that is their own account',
      facts: { own: true },
      make: () => subject('User', { id: SELF, organisationId: ORG }),
    },
    {
      label: 'of someone else in their organisation',
      facts: { own: false },
      make: () => subject('User', { id: OTHER, organisationId: ORG }),
    },
  ],
  Organisation: [{ label: '(any)', facts: {}, make: () => subject('Organisation', { id: ORG }) }],
  AuditEntry: [{ label: '(any)', facts: {}, make: () => subject('AuditEntry', { seq: 1 }) }],
  Case: caseStates('Case'),
  PrioritySituation: caseStates('PrioritySituation'),
  Notification: [
    {
      label: 'addressed to them',
      facts: { own: true },
      make: () => subject('Notification', { userId: SELF }),
    },
    {
      label: 'addressed to someone else',
      facts: { own: false },
      make: () => subject('Notification', { userId: OTHER }),
    },
  ],
  Source: sourceStates(),
  InformationItem: itemStates(),
};

function grantApplies(grant: Grant, clearance: Classification, facts: Facts): boolean {
  const cleared =
    facts.classification !== undefined && RANK[facts.classification] <= RANK[clearance];
  switch (grant) {
    case 'never':
      return false;
    case 'always':
      return true;
    case 'own account':
      return facts.own === true;
    case 'within clearance':
      return cleared;
    case 'within clearance, if lead or member':
      return cleared && facts.leadOrMember === true;
    case 'within clearance, if lead':
      return cleared && facts.lead === true;
    case 'within clearance, if a priority situation':
      return cleared && facts.prioritySituation === true;
    case 'if author, or within clearance if working a linked case':
      return facts.author === true || (cleared && facts.linkedWorker === true);
    case 'if author, or within clearance':
      return facts.author === true || cleared;
    case 'within clearance, if author or working a linked case':
      return cleared && (facts.author === true || facts.linkedWorker === true);
    case 'if unclassified, or within clearance if lead or member':
      return facts.classification === 'unclassified' || (cleared && facts.leadOrMember === true);
    case 'if unclassified, or within clearance if author or working a linked case':
      return (
        facts.classification === 'unclassified' ||
        (cleared && (facts.author === true || facts.linkedWorker === true))
      );
  }
}

interface Row {
  who: string;
  clearance: Classification;
  subject: SubjectName;
  state: string;
  action: Action;
  allowed: boolean;
  facts: Facts;
  make: () => TaggedSubject;
}

interface Group {
  persona: Persona;
  clearance: Classification;
  user: AbilityUser;
  rows: Row[];
}

/** The table as data: one row per persona × clearance × subject × state × action. */
function expandMatrix(personas: readonly Persona[]): Group[] {
  return personas.flatMap((persona) =>
    CLASSIFICATIONS.map((clearance) => {
      const rows: Row[] = [];
      for (const [subjectName, grants] of Object.entries(persona.policy) as [
        SubjectName,
        Grants,
      ][]) {
        for (const state of STATES[subjectName]) {
          for (const [action, grant] of Object.entries(grants) as [Action, Grant][]) {
            rows.push({
              who: persona.who,
              clearance,
              subject: subjectName,
              state: state.label,
              action,
              allowed: grantApplies(grant, clearance, state.facts),
              facts: state.facts,
              make: state.make,
            });
          }
        }
      }
      const user: AbilityUser = {
        id: SELF,
        roles: persona.roles,
        clearance,
        organisationId: ORG,
        active: persona.active,
      };
      return { persona, clearance, user, rows };
    }),
  );
}

const GROUPS = expandMatrix(PERSONAS);

const verdict = (allowed: boolean): string => (allowed ? 'allowed' : 'denied');

describe('defineAbilitiesFor: the ability matrix', () => {
  describe.each(GROUPS.map((g) => [`${g.persona.who} with ${g.clearance} clearance`, g] as const))(
    '%s',
    (_, group) => {
      const ability = defineAbilitiesFor(group.user);

      it.each(
        group.rows.map(
          (row) =>
            [
              `may ${row.action} ${row.subject} ${row.state} → ${verdict(row.allowed)}`,
              row,
            ] as const,
        ),
      )('%s', (_name, row) => {
        expect(ability.can(row.action, row.make())).toBe(row.allowed);
        expect(ability.cannot(row.action, row.make())).toBe(!row.allowed);
      });

      // By subject name CASL answers "could this action be allowed on some record of the type".
      const byName = Object.entries(group.persona.policy).flatMap(([subjectName, grants]) =>
        Object.entries(grants).map(([action, grant]) => ({
          subject: subjectName as SubjectName,
          action: action as Action,
          allowed: grant !== 'never' && group.persona.active,
        })),
      );
      it.each(
        byName.map(
          (c) =>
            [
              `may ${c.action} some ${c.subject} (by subject name) → ${verdict(c.allowed)}`,
              c,
            ] as const,
        ),
      )('%s', (_name, c) => {
        expect(ability.can(c.action, c.subject)).toBe(c.allowed);
      });

      it('packed rules, sent as JSON, rebuild an ability that answers every row the same', () => {
        const packed = JSON.parse(JSON.stringify(packAbilityRules(ability))) as ReturnType<
          typeof packAbilityRules
        >;
        const rebuilt: AppAbility = abilityFromPackedRules(packed);
        for (const row of group.rows) {
          const label = `${row.action} ${row.subject} ${row.state}`;
          expect({ label, allowed: rebuilt.can(row.action, row.make()) }).toEqual({
            label,
            allowed: row.allowed,
          });
          expect({ label, same: rebuilt.can(row.action, row.make()) }).toEqual({
            label,
            same: ability.can(row.action, row.make()),
          });
        }
        for (const c of byName)
          expect(rebuilt.can(c.action, c.subject)).toBe(ability.can(c.action, c.subject));
      });

      it('never allows anything on a record classified above clearance, whatever the role', () => {
        // Two deliberate exceptions, both on sources: whoever recorded a source knows who it is
        // whatever the items later citing it are classified, and recording a source (create)
        // happens before any item cites it.
        const exempt = (row: Row) =>
          row.subject === 'Source' && (row.facts.author === true || row.action === 'create');
        const above = group.rows.filter(
          (row) =>
            row.facts.classification !== undefined &&
            RANK[row.facts.classification] > RANK[group.clearance] &&
            !exempt(row),
        );
        for (const row of above) {
          expect({
            row: `${row.action} ${row.subject} ${row.state}`,
            allowed: ability.can(row.action, row.make()),
          }).toEqual({
            row: `${row.action} ${row.subject} ${row.state}`,
            allowed: false,
          });
        }
      });
    },
  );
});

describe('the ability type', () => {
  it('accepts subject names and tagged records, and refuses unknown actions and subjects', () => {
    const ability = defineAbilitiesFor({
      id: SELF,
      roles: ['admin'],
      clearance: 'unclassified',
      organisationId: ORG,
      active: true,
    });
    expect(ability.can('create', 'User')).toBe(true);
    expect(ability.can('read', subject('User', { id: OTHER, organisationId: ORG }))).toBe(true);
    // These lines are checked by `tsc`: each must stay a type error.
    // @ts-expect-error 'delete' is not an action: actions are explicit, no `manage` wildcard.
    expect(ability.can('delete', 'User')).toBe(false);
    // @ts-expect-error 'manage' is not an action either.
    expect(ability.can('manage', 'User')).toBe(false);
    // @ts-expect-error 'Comment' is not a subject.
    expect(ability.can('read', 'Comment')).toBe(false);
    // @ts-expect-error 'all' is not a subject: no wildcard subject.
    expect(ability.can('read', 'all')).toBe(false);
  });
});

describe('the ability matrix itself', () => {
  const rows = GROUPS.flatMap((g) => g.rows);
  const sorted = (values: Iterable<string>): string[] => [...new Set(values)].sort();

  it('covers every action in ACTIONS, for every persona and subject', () => {
    expect(sorted(rows.map((r) => r.action))).toEqual(sorted(ACTIONS));
    for (const persona of PERSONAS) {
      for (const [subjectName, grants] of Object.entries(persona.policy)) {
        expect({ who: persona.who, subjectName, actions: sorted(Object.keys(grants)) }).toEqual({
          who: persona.who,
          subjectName,
          actions: sorted(ACTIONS),
        });
      }
    }
  });

  it('covers every subject, for every persona', () => {
    expect(sorted(rows.map((r) => r.subject))).toEqual(sorted(SUBJECT_NAMES));
    for (const persona of PERSONAS) {
      expect({ who: persona.who, subjects: sorted(Object.keys(persona.policy)) }).toEqual({
        who: persona.who,
        subjects: sorted(SUBJECT_NAMES),
      });
    }
  });

  it('covers every role alone, a combination, no role, and a deactivated user', () => {
    const single = PERSONAS.filter((p) => p.active && p.roles.length === 1).map(
      (p) => p.roles[0] ?? '',
    );
    expect(sorted(single)).toEqual(sorted(ROLES));
    expect(PERSONAS.some((p) => p.active && p.roles.length > 1)).toBe(true);
    expect(PERSONAS.some((p) => p.active && p.roles.length === 0)).toBe(true);
    expect(PERSONAS.some((p) => !p.active)).toBe(true);
  });

  it('covers every clearance against every classification', () => {
    expect(sorted(rows.map((r) => r.clearance))).toEqual(sorted(CLASSIFICATIONS));
    for (const name of ['Case', 'PrioritySituation'] as const) {
      const classifications = rows
        .filter((r) => r.subject === name)
        .map((r) => r.facts.classification ?? '');
      expect(sorted(classifications)).toEqual(sorted(CLASSIFICATIONS));
    }
  });

  it('knows every action and subject the rules mention', () => {
    const everything = defineAbilitiesFor({
      id: SELF,
      roles: ROLES,
      clearance: 'strictly_confidential',
      organisationId: ORG,
      active: true,
    });
    const asArray = (value: string | readonly string[]): readonly string[] =>
      typeof value === 'string' ? [value] : value;
    for (const rule of everything.rules) {
      for (const action of asArray(rule.action)) expect(ACTIONS).toContain(action);
      for (const name of asArray(rule.subject ?? [])) expect(SUBJECT_NAMES).toContain(name);
      expect(rule.inverted ?? false).toBe(false);
    }
  });
});
