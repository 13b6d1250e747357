import {
  allowedRecommendationActions,
  type ActionType,
  type AddresseeKind,
  type RecommendationStatus,
} from '@vigil/domain';
import type {
  RecommendationResponse,
  RecommendationStatusChange,
} from './dto/recommendation.response.js';

/** created_at to the microsecond, for keyset cursors. */
export const RECOMMENDATION_CREATED_KEY = `to_char(r.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** A recommendation with its addressee organisation and author, as selected below. */
export const RECOMMENDATION_SELECT = `SELECT r.id, r.case_id, r.document_id, r.addressee_kind,
    r.addressee_organisation_id, o.acronym AS organisation_acronym, o.name AS organisation_name,
    r.addressee_name, r.action_type, r.text, to_char(r.due_date, 'YYYY-MM-DD') AS due_date,
    r.status, r.version, r.created_by, author.display_name AS author_name, r.created_at,
    r.updated_at, ${RECOMMENDATION_CREATED_KEY} AS created_key
  FROM recommendations r
  LEFT JOIN organisations o ON o.id = r.addressee_organisation_id
  LEFT JOIN users author ON author.id = r.created_by`;

/** A row of RECOMMENDATION_SELECT. */
export interface RecommendationRow {
  id: string;
  case_id: string;
  document_id: string | null;
  addressee_kind: AddresseeKind;
  addressee_organisation_id: string | null;
  organisation_acronym: string | null;
  organisation_name: string | null;
  addressee_name: string;
  action_type: ActionType;
  text: string;
  due_date: string | null;
  status: RecommendationStatus;
  version: number;
  created_by: string;
  author_name: string | null;
  created_at: Date;
  updated_at: Date;
  created_key: string;
}

/** A row of recommendation_status_changes with the actor's name. */
export interface StatusChangeRow {
  from_status: RecommendationStatus | null;
  to_status: RecommendationStatus;
  note: string | null;
  actor_id: string | null;
  actor_name: string | null;
  at: Date;
}

export function presentRecommendation(row: RecommendationRow): RecommendationResponse {
  return {
    id: row.id,
    caseId: row.case_id,
    documentId: row.document_id,
    addresseeKind: row.addressee_kind,
    addresseeOrganisation: row.addressee_organisation_id
      ? {
          id: row.addressee_organisation_id,
          acronym: row.organisation_acronym ?? '',
          name: row.organisation_name ?? '',
        }
      : null,
    addresseeName: row.addressee_name,
    actionType: row.action_type,
    text: row.text,
    dueDate: row.due_date,
    status: row.status,
    nextActions: allowedRecommendationActions(row.status),
    version: row.version,
    createdBy: { id: row.created_by, displayName: row.author_name ?? '' },
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export function presentStatusChange(row: StatusChangeRow): RecommendationStatusChange {
  return {
    fromStatus: row.from_status,
    toStatus: row.to_status,
    note: row.note,
    actor: row.actor_id ? { id: row.actor_id, displayName: row.actor_name ?? '' } : null,
    at: row.at.toISOString(),
  };
}
