import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { DocumentStore } from '../documents/document.store.js';
import { busyDocumentIds } from './document-compaction.store.js';
import type { ScheduledJob } from './scheduled-job.js';

/** What one run folded. */
export interface DocumentCompactionResult {
  documents: number;
  updates: number;
}

/** Documents with at least this many stored updates are compacted. */
const MIN_UPDATES = 50;

/**
 * Folds each busy document's appended Yjs updates into its stored state, so loading a document
 * stays fast. The store deletes exactly the rows it folded: updates appended meanwhile are kept.
 */
@Injectable()
export class DocumentCompactionJob implements ScheduledJob<DocumentCompactionResult> {
  readonly name = 'document-compaction';
  readonly cron = '* * * * *';
  private readonly logger = new Logger('DocumentCompactionJob');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly store: DocumentStore,
  ) {}

  async run(minUpdates = MIN_UPDATES): Promise<DocumentCompactionResult> {
    const documentIds = await busyDocumentIds(this.db, minUpdates);
    let updates = 0;
    for (const documentId of documentIds) updates += await this.store.compact(documentId);
    if (documentIds.length) {
      this.logger.log({ msg: 'documents compacted', documents: documentIds.length, updates });
    }
    return { documents: documentIds.length, updates };
  }
}
