import { Injectable } from '@nestjs/common';
import { DomainError, type Action, type RecommendationStatus } from '@vigil/domain';
import type { DataSource, EntityManager } from 'typeorm';
import type { CaseRow } from '../cases/case-row.js';
import { CasesService } from '../cases/cases.service.js';
import type { RequestContext } from '../common/request-context.js';
import { isUuid } from '../common/ids.js';
import type { RecommendationDetailResponse } from './dto/recommendation.response.js';
import {
  presentRecommendation,
  presentStatusChange,
  RECOMMENDATION_SELECT,
  type RecommendationRow,
  type StatusChangeRow,
} from './recommendation-row.js';

type Runner = DataSource | EntityManager;

/** Reads of recommendations, access to them through their case, and their history. */
@Injectable()
export class RecommendationStore {
  constructor(private readonly cases: CasesService) {}

  /**
   * Loads a recommendation whose case the caller may read (else 404, whether missing or hidden)
   * and checks `action` on that case (403). With `lock`, the case row then the recommendation are
   * locked, in that order, as every writer on a case does.
   */
  async loadFor(
    m: EntityManager,
    context: RequestContext,
    id: string,
    action: Action,
    lock = false,
  ): Promise<{ row: RecommendationRow; caseRow: CaseRow }> {
    return this.cases.loadRecordOf(m, context, {
      read: (lockRow) => (isUuid(id) ? this.row(m, id, lockRow) : Promise.resolve(undefined)),
      missing: 'No such recommendation.',
      action,
      lock,
    });
  }

  /** One recommendation, optionally locked. */
  async row(runner: Runner, id: string, lock = false): Promise<RecommendationRow | undefined> {
    const rows = (await runner.query(
      `${RECOMMENDATION_SELECT} WHERE r.id = $1 ${lock ? 'FOR UPDATE OF r' : ''}`,
      [id],
    )) as RecommendationRow[];
    return rows[0];
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
      const [org] = (await m.query('SELECT 1 FROM organisations WHERE id = $1', [
        refs.addresseeOrganisationId,
      ])) as unknown[];
      if (!org) {
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
