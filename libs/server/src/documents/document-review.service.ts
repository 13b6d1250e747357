import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  DomainError,
  planTransition,
  type DocumentTransition,
  type JsonValue,
} from '@vigil/domain';
import type { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { CaseEventsService } from '../cases/case-events.service.js';
import { actorId, type RequestContext } from '../common/request-context.js';
import { DocumentFreezer } from './document-freezer.js';
import { markTransmitted, setDocumentStatus } from './document-rows.store.js';
import { presentDocument, rightsOn, rightsOnDocument } from './document.store.js';
import type { DocumentResponse } from './dto/document.response.js';

/** What a review step may carry. */
export interface StepInput {
  version?: number;
  note?: string;
  recipient?: string;
}

const EVENT_TYPES: Record<DocumentTransition, string> = {
  submit: 'document.submitted',
  approve: 'document.approved',
  return: 'document.returned',
  transmit: 'document.transmitted',
};

/**
 * The review life cycle: drafting → in review → approved → transmitted, and back to drafting
 * from review or approval. Every step freezes a version of the text in the same transaction.
 */
@Injectable()
export class DocumentReviewService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly freezer: DocumentFreezer,
    private readonly audit: AuditService,
    private readonly events: CaseEventsService,
  ) {}

  async step(
    context: RequestContext,
    id: string,
    transition: DocumentTransition,
    input: StepInput,
  ): Promise<DocumentResponse> {
    return this.db.transaction(async (m) => {
      const { access, row } = await this.freezer.lockFor(m, context, id);
      const rights = rightsOn(context, access.caseRow);
      const plan = planTransition(transition, row.status, rightsOnDocument(rights, row));
      if (!plan.ok) throw new DomainError(plan.code, plan.message, { status: row.status });
      this.freezer.assertVersion(row, input.version);
      const me = actorId(context);
      // Frozen under the row lock: the socket's appends wait, then see the new status.
      const version = await this.freezer.freeze(m, id, plan.reason, plan.to, me);
      const recipient = input.recipient?.trim() ?? null;
      if (transition === 'transmit') {
        await markTransmitted(m, id, plan.to, recipient, version.sha256);
      } else {
        await setDocumentStatus(m, id, plan.to);
      }
      const note = input.note?.trim() || null;
      const payload: Record<string, JsonValue> = {
        documentId: id,
        title: row.title,
        versionNumber: version.number,
        ...(note ? { note } : {}),
        ...(recipient ? { recipient } : {}),
      };
      await this.events.record(m, context, row.case_id, { type: EVENT_TYPES[transition], payload });
      this.audit.append(m, context, {
        action: `document.${transition}`,
        entity: 'document',
        entityId: id,
        caseId: row.case_id,
        diff: {
          status: { from: row.status, to: plan.to },
          versionNumber: version.number,
          sha256: version.sha256,
          note,
          ...(recipient ? { recipient } : {}),
        },
      });
      return presentDocument(await this.freezer.row(m, id), rights);
    });
  }
}
