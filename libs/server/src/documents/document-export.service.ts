import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { RequestContext } from '../common/request-context.js';
import { DocumentFreezer } from './document-freezer.js';
import { RenderPool } from './render-pool.js';

/** A generated file and its name. */
export interface ExportedFile {
  fileName: string;
  content: Buffer;
  sha256: string;
}

/**
 * PDFs of frozen versions (any reader of the document; every export audited). The PDF is laid
 * out in the render pool, outside any transaction (no connection is held while it is produced);
 * the audit entry is written once it exists, so a refused export is not recorded as one.
 */
@Injectable()
export class DocumentExportService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly freezer: DocumentFreezer,
    private readonly audit: AuditService,
    private readonly render: RenderPool,
  ) {}

  async versionPdf(context: RequestContext, id: string, number: string): Promise<ExportedFile> {
    const m = this.db.manager;
    const { caseRow } = await this.freezer.access(m, context, id);
    const row = await this.freezer.row(m, id);
    const version = await this.freezer.version(m, id, number);
    const content = await this.render.pdf({
      caseReference: caseRow.reference,
      caseTitle: caseRow.title,
      classification: caseRow.classification,
      title: row.title,
      kind: row.kind,
      versionNumber: version.number,
      reason: version.reason,
      frozenAt: version.created_at,
      frozenBy: version.created_by_name,
      sha256: version.sha256,
      html: version.html ?? '',
      transmittedTo: version.reason === 'transmitted' ? row.transmitted_to : null,
    });
    await this.db.transaction(async (tx) => {
      this.audit.append(tx, context, {
        action: 'document.export',
        entity: 'document',
        entityId: id,
        caseId: row.case_id,
        diff: { format: 'pdf', versionNumber: version.number, sha256: version.sha256 },
      });
    });
    return {
      fileName: `${caseRow.reference}-${slug(row.title)}-v${version.number}.pdf`,
      content,
      sha256: version.sha256,
    };
  }
}

// A file-name-safe form of a title: ASCII letters and digits, dashes, at most 60 characters.
function slug(title: string): string {
  const plain = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return plain || 'document';
}
