import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainError, planSaveVersion } from '@vigil/domain';
import type { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { CaseEventsService } from '../cases/case-events.service.js';
import { toPage, decodeKeysetCursor, type Page, type PageQueryDto } from '../common/pagination.js';
import { actorId, type RequestContext } from '../common/request-context.js';
import { DocumentFreezer } from './document-freezer.js';
import {
  DocumentStore,
  presentVersion,
  presentVersionSummary,
  rightsOn,
} from './document.store.js';
import { latestTransmittedVersion, versionsOfDocument } from './document-versions.store.js';
import { documentText, sha256Hex } from './document-text.js';
import { RenderPool } from './render-pool.js';
import type {
  DocumentDiffResponse,
  DocumentVerifyResponse,
  DocumentVersionResponse,
  DocumentVersionSummary,
} from './dto/document-version.response.js';

/** Frozen versions of a document: saving, reading, comparing, verifying the transmitted hash. */
@Injectable()
export class DocumentVersionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly freezer: DocumentFreezer,
    private readonly store: DocumentStore,
    private readonly audit: AuditService,
    private readonly events: CaseEventsService,
    private readonly render: RenderPool,
  ) {}

  /** "Save version": freezes the current text (those who draft, while it may change). */
  async save(context: RequestContext, id: string): Promise<DocumentVersionResponse> {
    return this.db.transaction(async (m) => {
      const { access, row } = await this.freezer.lockFor(m, context, id);
      const plan = planSaveVersion(row.status, rightsOn(context, access.caseRow));
      if (!plan.ok) throw new DomainError(plan.code, plan.message, { status: row.status });
      const version = await this.freezer.freeze(m, id, 'saved', row.status, actorId(context));
      await this.events.record(m, context, row.case_id, {
        type: 'document.version_saved',
        payload: { documentId: id, title: row.title, versionNumber: version.number },
      });
      this.audit.append(m, context, {
        action: 'document.version_save',
        entity: 'document',
        entityId: id,
        caseId: row.case_id,
        diff: { versionNumber: version.number, sha256: version.sha256 },
      });
      return presentVersion(version);
    });
  }

  /** Versions newest first, without their bodies. */
  async list(
    context: RequestContext,
    id: string,
    query: PageQueryDto,
  ): Promise<Page<DocumentVersionSummary>> {
    await this.freezer.access(this.db.manager, context, id);
    const limit = query.limit ?? 50;
    let before: number | undefined;
    if (query.cursor) {
      const [number] = decodeKeysetCursor(query.cursor, ['integer']);
      before = Number(number);
    }
    const rows = await versionsOfDocument(this.db.manager, id, limit + 1, before);
    return toPage(rows, limit, presentVersionSummary, (r) => [String(r.number)]);
  }

  async get(context: RequestContext, id: string, number: string): Promise<DocumentVersionResponse> {
    await this.freezer.access(this.db.manager, context, id);
    return presentVersion(await this.freezer.version(this.db.manager, id, number));
  }

  /** A word diff of two versions' plain text, worked out off the main thread (RenderPool). */
  async diff(
    context: RequestContext,
    id: string,
    from: number,
    to: number,
  ): Promise<DocumentDiffResponse> {
    const m = this.db.manager;
    await this.freezer.access(m, context, id);
    const [a, b] = [await this.freezer.version(m, id, from), await this.freezer.version(m, id, to)];
    return { from, to, parts: await this.render.diff(a.text ?? '', b.text ?? '') };
  }

  /**
   * Recomputes the transmitted text's hash from the stored version text, and from the Yjs state
   * (which cannot change after transmission): both must match what was recorded.
   */
  async verify(context: RequestContext, id: string): Promise<DocumentVerifyResponse> {
    const m = this.db.manager;
    await this.freezer.access(m, context, id);
    const row = await this.freezer.row(m, id);
    if (row.status !== 'transmitted' || !row.transmitted_sha256) {
      throw new DomainError(
        'not_allowed_now',
        'Only a transmitted document has a recorded hash to verify.',
        { status: row.status },
      );
    }
    const version = await latestTransmittedVersion(m, id);
    if (!version) throw new DomainError('not_found', 'The transmitted version is missing.');
    const computed = sha256Hex(version.text ?? '');
    const fromState = documentText(await this.store.loadDoc(id, m)).sha256;
    return {
      sha256Stored: row.transmitted_sha256,
      sha256Computed: computed,
      matches: computed === row.transmitted_sha256 && version.sha256 === row.transmitted_sha256,
      contentMatches: fromState === row.transmitted_sha256,
      versionNumber: version.number,
    };
  }
}
