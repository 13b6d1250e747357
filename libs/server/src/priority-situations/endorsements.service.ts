import { subject } from '@casl/ability';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainError } from '@vigil/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { CaseEventsService } from '../cases/case-events.service.js';
import { caseSubject, type CaseRow } from '../cases/case.store.js';
import { CasesService } from '../cases/cases.service.js';
import { type RequestContext, requireActor } from '../common/request-context.js';
import type {
  CaseEndorsementsResponse,
  EndorsementResponse,
} from './dto/priority-situation.response.js';
import {
  caseEndorsements,
  deleteEndorsement,
  endorsementCounts,
  findEndorsement,
  upsertEndorsement,
  type EndorsementRow,
} from './endorsements.store.js';
import { PrioritySituationsService } from './priority-situations.service.js';

/** Framework Team members endorse priority situations; the Office reads who did, per entity. */
@Injectable()
export class EndorsementsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly situations: PrioritySituationsService,
    private readonly cases: CasesService,
    private readonly events: CaseEventsService,
    private readonly audit: AuditService,
  ) {}

  /** Endorses, or changes the note of one's endorsement; the same note again writes nothing. */
  async save(context: RequestContext, caseId: string, note: string): Promise<EndorsementResponse> {
    const actor = requireActor(context);
    return this.db.transaction(async (m) => {
      const row = await this.loadEndorsable(m, context, caseId);
      const before = await findEndorsement(m, row.id, actor.id);
      if (before && before.note === note && before.organisation_id === actor.organisationId)
        return present(before);
      // It counts for the organisation they belong to now.
      const saved = await upsertEndorsement(m, row.id, actor.id, actor.organisationId, note);
      const payload = { organisationId: saved.organisation_id };
      await this.events.record(m, context, row.id, { type: 'endorsement.saved', payload });
      this.audit.append(m, context, {
        action: before ? 'endorsement.update' : 'endorsement.create',
        entity: 'endorsement',
        entityId: row.id,
        caseId: row.id,
        diff: { ...payload, length: note.length },
      });
      return present(saved);
    });
  }

  /** Withdraws one's endorsement (404 when there is none). */
  async withdraw(context: RequestContext, caseId: string): Promise<void> {
    const actor = requireActor(context);
    await this.db.transaction(async (m) => {
      const row = await this.loadEndorsable(m, context, caseId);
      const removed = await deleteEndorsement(m, row.id, actor.id);
      if (!removed) throw new DomainError('not_found', 'You have not endorsed this situation.');
      const payload = { organisationId: removed.organisation_id };
      await this.events.record(m, context, row.id, { type: 'endorsement.withdrawn', payload });
      this.audit.append(m, context, {
        action: 'endorsement.withdraw',
        entity: 'endorsement',
        entityId: row.id,
        caseId: row.id,
        diff: payload,
      });
    });
  }

  /** Every endorsement of a case with the counts per organisation, for Office staff who read it. */
  async forCase(context: RequestContext, caseId: string): Promise<CaseEndorsementsResponse> {
    const row = await this.cases.loadCase(this.db.manager, context, caseId);
    const rows = await caseEndorsements(this.db, row.id);
    const counts = (await endorsementCounts(this.db, [row.id])).get(row.id);
    return {
      items: rows.map((r) => ({
        userId: r.user_id,
        displayName: r.display_name,
        organisation: { id: r.organisation_id, acronym: r.acronym, name: r.name },
        note: r.note,
        updatedAt: r.updated_at.toISOString(),
      })),
      byOrganisation: counts?.byOrganisation ?? [],
      total: counts?.total ?? 0,
    };
  }

  // Locked: unsharing waits for an endorsement in flight, and the timeline's append needs the row.
  private async loadEndorsable(
    m: EntityManager,
    context: RequestContext,
    caseId: string,
  ): Promise<CaseRow> {
    const row = await this.situations.loadSituation(m, context, caseId, true);
    if (!context.ability.can('endorse', subject('PrioritySituation', caseSubject(row))))
      throw new DomainError('forbidden', 'You may not endorse this situation.');
    return row;
  }
}

function present(row: EndorsementRow): EndorsementResponse {
  return {
    note: row.note,
    updatedAt: row.updated_at.toISOString(),
    organisationId: row.organisation_id,
  };
}
