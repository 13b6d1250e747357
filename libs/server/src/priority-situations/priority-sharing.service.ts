import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { CaseEventsService } from '../cases/case-events.service.js';
import { CasesService } from '../cases/cases.service.js';
import type { CaseResponse } from '../cases/dto/case.response.js';
import type { RequestContext } from '../common/request-context.js';
import { AccessChanges } from '../authorization/access-changes.js';
import { setCasePriority } from './priority-situations.store.js';

/** An adviser shares a case with the Framework Team as a priority situation, or stops sharing it. */
@Injectable()
export class PrioritySharingService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly cases: CasesService,
    private readonly events: CaseEventsService,
    private readonly audit: AuditService,
    private readonly access: AccessChanges,
  ) {}

  /** Sets the flag; the same value again writes nothing. */
  async setShared(context: RequestContext, caseId: string, shared: boolean): Promise<CaseResponse> {
    await this.db.transaction(async (m) => {
      const row = await this.cases.loadCase(m, context, caseId, 'share', true);
      if (row.priority_situation === shared) return;
      await setCasePriority(m, row.id, shared);
      await this.events.record(m, context, row.id, {
        type: 'case.priority_changed',
        payload: { shared },
      });
      // Framework Team members in the case's rooms lose it the moment this commits.
      if (!shared) await this.access.announce(m, { caseId: row.id });
      this.audit.append(m, context, {
        action: shared ? 'case.priority_share' : 'case.priority_unshare',
        entity: 'case',
        entityId: row.id,
        caseId: row.id,
        diff: { prioritySituation: { from: row.priority_situation, to: shared } },
      });
    });
    return this.cases.get(context, caseId);
  }
}
