import { Module } from '@nestjs/common';
import { AuditCoreModule } from '../audit/audit.module.js';
import { CasesModule } from '../cases/cases.module.js';
import { DocumentExportService } from './document-export.service.js';
import { DocumentFreezer } from './document-freezer.js';
import { DocumentReviewService } from './document-review.service.js';
import { DocumentStore } from './document.store.js';
import { DocumentVersionsController } from './document-versions.controller.js';
import { DocumentVersionsService } from './document-versions.service.js';
import { DocumentsController } from './documents.controller.js';
import { DocumentsService } from './documents.service.js';
import { RenderPool } from './render-pool.js';

/**
 * Collaborative documents over HTTP: creating them, frozen versions, the review life cycle and
 * PDFs (the live editing is the socket's DocumentHub); diffs and PDFs run in RenderPool's worker
 * threads. DocumentStore is stateless over the database, so this module and the realtime one each
 * holding an instance is harmless.
 */
@Module({
  imports: [AuditCoreModule, CasesModule],
  controllers: [DocumentsController, DocumentVersionsController],
  providers: [
    DocumentStore,
    DocumentFreezer,
    DocumentsService,
    DocumentVersionsService,
    DocumentReviewService,
    DocumentExportService,
    RenderPool,
  ],
  exports: [DocumentStore, DocumentsService, DocumentVersionsService, DocumentReviewService],
})
export class DocumentsModule {}
