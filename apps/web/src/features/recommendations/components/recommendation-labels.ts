import type {
  ActionType,
  AddresseeKind,
  RecommendationAction,
  RecommendationStatus,
} from '../api/recommendations-api';

export const ADDRESSEE_KIND_LABELS: Record<AddresseeKind, string> = {
  secretary_general: 'Secretary-General',
  security_council: 'Security Council',
  member_state: 'Member State',
  regional_org: 'Regional organisation',
  un_entity: 'UN entity',
  other: 'Other',
};

export const ACTION_TYPE_LABELS: Record<ActionType, string> = {
  public_statement: 'Public statement',
  quiet_diplomacy: 'Quiet diplomacy',
  convene_usgs: 'Convene Under-Secretaries-General',
  mission: 'Mission',
  technical_assistance: 'Technical assistance',
  training: 'Training',
};

export const RECOMMENDATION_STATUS_LABELS: Record<RecommendationStatus, string> = {
  draft: 'Draft',
  approved: 'Approved',
  transmitted: 'Transmitted',
  implemented: 'Implemented',
  declined: 'Declined',
};

/** Button words for each decision. */
export const RECOMMENDATION_ACTION_LABELS: Record<RecommendationAction, string> = {
  approve: 'Approve',
  transmit: 'Transmit',
  implemented: 'Implemented',
  declined: 'Declined',
};

/** The addressee's default name in the text, for the bodies named by their kind. */
export const DEFAULT_ADDRESSEE_NAMES: Partial<Record<AddresseeKind, string>> = {
  secretary_general: 'the Secretary-General',
  security_council: 'the Security Council',
};

/** What a decision made of the recommendation, for the announcement. */
export const RECOMMENDATION_ACTION_DONE: Record<RecommendationAction, string> = {
  approve: 'approved',
  transmit: 'transmitted',
  implemented: 'implemented',
  declined: 'declined',
};
