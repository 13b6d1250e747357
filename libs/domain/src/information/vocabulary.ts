// The fixed vocabularies of the precursor database (docs/architecture.md §8, docs/domain.md
// "Early-warning practice"), with labels for screens. Order is the order shown.

const labelled = <T extends string>(labels: Readonly<Record<T, string>>) =>
  Object.freeze(Object.keys(labels) as T[]);

export const ITEM_KIND_LABELS = Object.freeze({
  incident: 'Incident',
  report: 'Report',
  statement: 'Statement',
  speech: 'Speech',
  media: 'Media',
  other: 'Other',
} as const);
export type ItemKind = keyof typeof ITEM_KIND_LABELS;
export const ITEM_KINDS: readonly ItemKind[] = labelled(ITEM_KIND_LABELS);

/** Whether the people concerned gave informed consent to the use of their information. */
export const CONSENT_LABELS = Object.freeze({
  yes: 'Consent given',
  no: 'No consent',
  not_applicable: 'Not applicable',
} as const);
export type Consent = keyof typeof CONSENT_LABELS;
export const CONSENTS: readonly Consent[] = labelled(CONSENT_LABELS);

export const SOURCE_KIND_LABELS = Object.freeze({
  un_entity: 'UN entity',
  member_state: 'Member State',
  regional_org: 'Regional organisation',
  civil_society: 'Civil society',
  media: 'Media',
  individual: 'Individual',
} as const);
export type SourceKind = keyof typeof SOURCE_KIND_LABELS;
export const SOURCE_KINDS: readonly SourceKind[] = labelled(SOURCE_KIND_LABELS);

/** Event types as in conflict event data sets. */
export const EVENT_TYPE_LABELS = Object.freeze({
  battles: 'Battles',
  explosions_remote_violence: 'Explosions or remote violence',
  violence_against_civilians: 'Violence against civilians',
  protests: 'Protests',
  riots: 'Riots',
  strategic_developments: 'Strategic developments',
} as const);
export type EventType = keyof typeof EVENT_TYPE_LABELS;
export const EVENT_TYPES: readonly EventType[] = labelled(EVENT_TYPE_LABELS);

/** Sub-types of violence against civilians. */
export const EVENT_SUBTYPE_LABELS = Object.freeze({
  attack: 'Attack',
  sexual_violence: 'Sexual violence',
  abduction_forced_disappearance: 'Abduction or forced disappearance',
} as const);
export type EventSubtype = keyof typeof EVENT_SUBTYPE_LABELS;
export const EVENT_SUBTYPES: readonly EventSubtype[] = labelled(EVENT_SUBTYPE_LABELS);

export const ACTOR_TYPE_LABELS = Object.freeze({
  state_forces: 'State forces',
  rebel_groups: 'Rebel groups',
  political_militias: 'Political militias',
  identity_militias: 'Identity militias',
  rioters: 'Rioters',
  protesters: 'Protesters',
  civilians: 'Civilians',
  external_forces: 'External forces',
} as const);
export type ActorType = keyof typeof ACTOR_TYPE_LABELS;
export const ACTOR_TYPES: readonly ActorType[] = labelled(ACTOR_TYPE_LABELS);

/** Time and place precision: 1 exact, 2 approximate, 3 only the period or region is known. */
export const PRECISION_LABELS = Object.freeze({
  1: 'Exact',
  2: 'Approximate',
  3: 'Broad (period or region only)',
} as const);
export const PRECISIONS = [1, 2, 3] as const;
export type Precision = (typeof PRECISIONS)[number];

/**
 * Hallmarks of dangerous speech worth recording (docs/domain.md "Incitement: the Rabat threshold
 * test").
 */
export const SPEECH_HALLMARK_LABELS = Object.freeze({
  dehumanisation: 'Dehumanisation',
  accusation_in_a_mirror: 'Accusation in a mirror',
  threat_to_group_integrity: 'Threat to group integrity or purity',
  assertion_of_attack_on_women: 'Assertion of attack against women and girls',
  questioning_in_group_loyalty: 'Questioning in-group loyalty',
  call_to_violence: 'Call to violence',
  coded_language: 'Coded language',
} as const);
export type SpeechHallmark = keyof typeof SPEECH_HALLMARK_LABELS;
export const SPEECH_HALLMARKS: readonly SpeechHallmark[] = labelled(SPEECH_HALLMARK_LABELS);
