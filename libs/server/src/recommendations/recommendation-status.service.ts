import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  DomainError,
  nextRecommendationStatus,
  recommendationActionRefusal,
  recommendationFourEyesRefusal,
  type RecommendationAction,
} from '@vigil/domain';
import type { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { CaseEventsService } from '../cases/case-events.service.js';
import { actorId, type RequestContext } from '../common/request-context.js';
import type { RecommendationDetailResponse } from './dto/recommendation.response.js';
import { RecommendationStore, setRecommendationStatus } from './recommendation.store.js';

/** Audit action and timeline event type of each status change. */
const WRITTEN_AS: Record<RecommendationAction, { audit: string; event: string }> = {
  approve: { audit: 'recommendation.approve', event: 'recommendation.approved' },
  transmit: { audit: 'recommendation.transmit', event: 'recommendation.transmitted' },
  implemented: { audit: 'recommendation.implemented', event: 'recommendation.implemented' },
  declined: { audit: 'recommendation.decline', event: 'recommendation.declined' },
};

/** An adviser moves a recommendation along draft → approved → transmitted → implemented/declined. */
@Injectable()
export class RecommendationStatusService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly store: RecommendationStore,
    private readonly audit: AuditService,
    private readonly events: CaseEventsService,
  ) {}

  /**
   * Records `action` (advisers: 'approve' on the case). Out of order → 409 with the reason, and
   * nothing written; otherwise the status, a history row, the timeline and the audit, at once.
   */
  async apply(
    context: RequestContext,
    id: string,
    action: RecommendationAction,
    note?: string,
  ): Promise<RecommendationDetailResponse> {
    await this.db.transaction(async (m) => {
      const { row } = await this.store.loadFor(m, context, id, 'approve', true);
      const to = nextRecommendationStatus(row.status, action);
      if (!to) {
        throw new DomainError(
          'not_allowed_now',
          recommendationActionRefusal(row.status, action) ?? 'Not allowed now.',
          { status: row.status },
        );
      }
      const me = actorId(context);
      // Four eyes on what leaves the Office: checked once the step is possible at all.
      const fourEyes = recommendationFourEyesRefusal(action, me, row.created_by);
      if (fourEyes) throw new DomainError('forbidden', fourEyes);
      await setRecommendationStatus(m, id, to);
      await this.store.recordStatus(m, id, row.status, to, note || null, me);
      const written = WRITTEN_AS[action];
      await this.events.record(m, context, row.case_id, {
        type: written.event,
        payload: { recommendationId: id, fromStatus: row.status, toStatus: to },
      });
      this.audit.append(m, context, {
        action: written.audit,
        entity: 'recommendation',
        entityId: id,
        caseId: row.case_id,
        diff: { status: { from: row.status, to }, note: note || null },
      });
    });
    return this.store.detail(this.db, id);
  }
}
