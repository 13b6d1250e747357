import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { canStartRevision, DomainError } from '@vigil/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { CaseEventsService } from '../cases/case-events.service.js';
import type { CaseRow } from '../cases/case.store.js';
import { CasesService } from '../cases/cases.service.js';
import { decodeKeysetCursor, toPage, type Page, type PageQueryDto } from '../common/pagination.js';
import { actorId, type RequestContext } from '../common/request-context.js';
import { DocumentFreezer } from './document-freezer.js';
import {
  documentsOfCase,
  insertDocument,
  insertRevision,
  revisionIdOf,
} from './document-rows.store.js';
import { DocumentStore, presentDocument, rightsOn } from './document.store.js';
import type { CreateDocumentDto } from './dto/document-input.dto.js';
import type { DocumentResponse } from './dto/document.response.js';

/** Documents of a case: creating, reading, and starting a revision of a transmitted one. */
@Injectable()
export class DocumentsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly cases: CasesService,
    private readonly freezer: DocumentFreezer,
    private readonly store: DocumentStore,
    private readonly audit: AuditService,
    private readonly events: CaseEventsService,
  ) {}

  /** A new, empty document in drafting (those who draft on the case). */
  async create(
    context: RequestContext,
    caseId: string,
    dto: CreateDocumentDto,
  ): Promise<DocumentResponse> {
    return this.db.transaction(async (m) => {
      const caseRow = await this.cases.loadCase(m, context, caseId, 'draft');
      const title = dto.title.trim();
      const createdId = await insertDocument(m, caseId, dto.kind, title, actorId(context));
      await this.created(m, context, caseId, createdId, { kind: dto.kind, title });
      return this.present(m, context, caseRow, createdId);
    });
  }

  /** The case's documents, newest first (Office readers of the case). */
  async list(
    context: RequestContext,
    caseId: string,
    query: PageQueryDto,
  ): Promise<Page<DocumentResponse>> {
    const caseRow = await this.cases.loadCase(this.db.manager, context, caseId);
    const limit = query.limit ?? 50;
    let after: { at: string; id: string } | undefined;
    if (query.cursor) {
      const [at, id] = decodeKeysetCursor(query.cursor, ['timestamp', 'uuid']);
      after = { at, id };
    }
    const rows = await documentsOfCase(this.db.manager, caseId, limit + 1, after);
    const rights = rightsOn(context, caseRow);
    return toPage(
      rows,
      limit,
      (r) => presentDocument(r, rights),
      (r) => [r.created_key, r.id],
    );
  }

  async get(context: RequestContext, id: string): Promise<DocumentResponse> {
    const m = this.db.manager;
    const { caseRow } = await this.freezer.access(m, context, id);
    return this.present(m, context, caseRow, id);
  }

  /**
   * A new drafting document revising a transmitted one, starting from the same content (its Yjs
   * state copied). One revision per document: a second answers 409 naming the first.
   */
  async startRevision(context: RequestContext, id: string): Promise<DocumentResponse> {
    return this.db.transaction(async (m) => {
      const { access, row } = await this.freezer.lockFor(m, context, id);
      if (!rightsOn(context, access.caseRow).drafts) {
        throw new DomainError('forbidden', 'Only those who draft on this case may revise it.');
      }
      if (!canStartRevision(row.status)) {
        throw new DomainError(
          'not_allowed_now',
          'Only a transmitted document is revised as a new document; edit this one instead.',
        );
      }
      // A statement of its own, after the lock: it sees a revision committed while we waited.
      const existing = await revisionIdOf(m, id);
      if (existing) {
        throw new DomainError('conflict', 'This document already has a revision.', {
          documentId: existing,
        });
      }
      const state = await this.store.loadState(id, m);
      const createdId = await insertRevision(m, row, state, actorId(context));
      await this.created(m, context, row.case_id, createdId, {
        kind: row.kind,
        title: row.title,
        revisionOf: id,
      });
      return this.present(m, context, access.caseRow, createdId);
    });
  }

  private async present(
    m: EntityManager,
    context: RequestContext,
    caseRow: CaseRow,
    id: string,
  ): Promise<DocumentResponse> {
    return presentDocument(await this.freezer.row(m, id), rightsOn(context, caseRow));
  }

  // Timeline entry and audit row of a new document.
  private async created(
    m: EntityManager,
    context: RequestContext,
    caseId: string,
    documentId: string,
    fields: { kind: string; title: string; revisionOf?: string },
  ): Promise<void> {
    await this.events.record(m, context, caseId, {
      type: 'document.created',
      payload: {
        documentId,
        title: fields.title,
        ...(fields.revisionOf ? { revisionOf: fields.revisionOf } : {}),
      },
    });
    this.audit.append(m, context, {
      action: fields.revisionOf ? 'document.revise' : 'document.create',
      entity: 'document',
      entityId: documentId,
      caseId,
      diff: { ...fields },
    });
  }
}
