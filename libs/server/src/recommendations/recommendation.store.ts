import { Injectable } from '@nestjs/common';
import {
  allowedRecommendationActions,
  DomainError,
  type ActionType,
  type AddresseeKind,
  type RecommendationStatus,
} from '@vigil/domain';
import type {
  RecommendationResponse,
  RecommendationStatusChange,
} from './dto/recommendation.response.js';
import type { DataSource, EntityManager } from 'typeorm';
import { CaseRecords } from '../cases/case-records.store.js';
import { CasesService } from '../cases/cases.service.js';
import { namedQuery, type Db } from '../database/named-query.js';
import type { RecommendationDetailResponse } from './dto/recommendation.response.js';
import { setClause } from '../database/set-clause.js';
import { organisationExists } from '../organisations/organisations.store.js';

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

type Runner = DataSource | EntityManager;

/** Reads of recommendations, access to them through their case, and their history. */
@Injectable()
export class RecommendationStore extends CaseRecords<RecommendationRow> {
  // loadFor (through the case: 404 alike for missing and hidden, 403 for the action, case row
  // then recommendation locked) and row come from CaseRecords.
  constructor(cases: CasesService) {
    super(cases, { select: RECOMMENDATION_SELECT, alias: 'r', missing: 'No such recommendation.' });
  }

  /** Appends one row to the recommendation's status history. */
  async recordStatus(
    m: EntityManager,
    id: string,
    from: RecommendationStatus | null,
    to: RecommendationStatus,
    note: string | null,
    actorId: string,
  ): Promise<void> {
    await m.query(
      `INSERT INTO recommendation_status_changes (recommendation_id, from_status, to_status, note, actor_id)
       VALUES ($1, $2, $3, $4, $5)`,
      [id, from, to, note, actorId],
    );
  }

  /** The recommendation with its status history, oldest change first. */
  async detail(runner: Runner, id: string): Promise<RecommendationDetailResponse> {
    const row = await this.row(runner, id);
    if (!row) throw new DomainError('not_found', 'No such recommendation.');
    const history = (await runner.query(
      `SELECT h.from_status, h.to_status, h.note, h.actor_id, u.display_name AS actor_name, h.at
       FROM recommendation_status_changes h LEFT JOIN users u ON u.id = h.actor_id
       WHERE h.recommendation_id = $1 ORDER BY h.id`,
      [id],
    )) as StatusChangeRow[];
    return { ...presentRecommendation(row), history: history.map(presentStatusChange) };
  }

  /**
   * Refuses an addressee organisation that does not exist and a document that is not one of
   * this case's (400: the caller sent a wrong id).
   */
  async checkReferences(
    m: EntityManager,
    caseId: string,
    refs: { addresseeOrganisationId?: string | null; documentId?: string | null },
  ): Promise<void> {
    if (refs.addresseeOrganisationId) {
      if (!(await organisationExists(m, refs.addresseeOrganisationId))) {
        throw new DomainError('validation_failed', 'No such organisation.', [
          { field: 'addresseeOrganisationId', message: 'must be an organisation in the directory' },
        ]);
      }
    }
    if (refs.documentId) {
      const [doc] = (await m.query('SELECT case_id FROM documents WHERE id = $1', [
        refs.documentId,
      ])) as { case_id: string }[];
      if (doc?.case_id !== caseId) {
        throw new DomainError('validation_failed', 'The document is not one of this case’s.', [
          { field: 'documentId', message: 'must be a document of the same case' },
        ]);
      }
    }
  }
}

/** The fields of a draft, by their API names, and their columns. */
export const RECOMMENDATION_FIELDS = {
  addresseeKind: 'addressee_kind',
  addresseeOrganisationId: 'addressee_organisation_id',
  addresseeName: 'addressee_name',
  actionType: 'action_type',
  text: 'text',
  dueDate: 'due_date',
  documentId: 'document_id',
} as const satisfies Record<string, keyof RecommendationRow>;

/** A column of RECOMMENDATION_FIELDS. */
export type RecommendationColumn =
  (typeof RECOMMENDATION_FIELDS)[keyof typeof RECOMMENDATION_FIELDS];

/** What a new draft holds. */
export interface NewRecommendation {
  documentId: string | null;
  addresseeKind: AddresseeKind;
  addresseeOrganisationId: string | null;
  addresseeName: string;
  actionType: ActionType;
  text: string;
  dueDate: string | null;
}

/**
 * One page of a case's recommendations, oldest first (`take` rows at most), optionally of one
 * status, after the keyset `after` (created_at to the microsecond, id) when given.
 */
export async function recommendationsOfCase(
  db: Db,
  caseId: string,
  take: number,
  filter: { status?: RecommendationStatus; after?: { at: string; id: string } },
): Promise<RecommendationRow[]> {
  const where = ['r.case_id = :caseId'];
  const params: Record<string, unknown> = { caseId, limit: take };
  if (filter.status) {
    where.push('r.status = :status');
    params.status = filter.status;
  }
  if (filter.after) {
    where.push('(r.created_at, r.id) > (:at::timestamptz, :id::uuid)');
    Object.assign(params, filter.after);
  }
  return namedQuery<RecommendationRow>(
    db,
    `${RECOMMENDATION_SELECT} WHERE ${where.join(' AND ')} ORDER BY r.created_at, r.id LIMIT :limit`,
    params,
  );
}

/** Inserts a new draft of the case by `userId`; returns its id. */
export async function insertRecommendation(
  m: EntityManager,
  caseId: string,
  values: NewRecommendation,
  userId: string,
): Promise<string> {
  const [row] = (await m.query(
    `INSERT INTO recommendations (case_id, document_id, addressee_kind, addressee_organisation_id,
           addressee_name, action_type, text, due_date, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
    [
      caseId,
      values.documentId,
      values.addresseeKind,
      values.addresseeOrganisationId,
      values.addresseeName,
      values.actionType,
      values.text,
      values.dueDate,
      userId,
    ],
  )) as { id: string }[];
  if (!row) throw new Error('insert returned no row');
  return row.id;
}

/** Writes the changed columns of a draft, in the order given, and bumps its version. */
export async function updateRecommendationFields(
  m: EntityManager,
  id: string,
  changes: readonly (readonly [RecommendationColumn, unknown])[],
): Promise<void> {
  const { sets, values } = setClause(changes, 1);
  await m.query(
    `UPDATE recommendations SET ${sets.join(', ')}, version = version + 1, updated_at = now()
         WHERE id = $1`,
    [id, ...values],
  );
}

/** Sets a recommendation's status and bumps its version (its history row: recordStatus). */
export async function setRecommendationStatus(
  m: EntityManager,
  id: string,
  status: RecommendationStatus,
): Promise<void> {
  await m.query(
    `UPDATE recommendations SET status = $2, version = version + 1, updated_at = now() WHERE id = $1`,
    [id, status],
  );
}
