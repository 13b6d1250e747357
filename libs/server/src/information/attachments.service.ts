import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainError, findHiddenCharacter } from '@vigil/domain';
import { fileTypeFromBuffer } from 'file-type';
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import type { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import type { RequestContext } from '../common/request-context.js';
import { CreationBudgets } from '../limits/creation-budgets.js';
import { assertAttachmentRoom } from './attachment-quotas.js';
import { findAttachmentContent, insertAttachment } from './attachments.store.js';
import type { AttachmentResponse } from './dto/item.response.js';
import { InformationItemsService } from './information-items.service.js';

/** Media types an attachment may have, with the file name extensions each may carry. */
export const ALLOWED_MEDIA_TYPES: Readonly<Record<string, readonly string[]>> = Object.freeze({
  'application/pdf': ['.pdf'],
  'image/png': ['.png'],
  'image/jpeg': ['.jpg', '.jpeg'],
  'image/gif': ['.gif'],
  'image/webp': ['.webp'],
  'audio/mpeg': ['.mp3'],
  'video/mp4': ['.mp4'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['.docx'],
  'text/plain': ['.txt'],
  'text/csv': ['.csv'],
});

/** Text types have no magic number: they are accepted only when the bytes are plain UTF-8 text. */
const TEXT_TYPES = new Set(['text/plain', 'text/csv']);

/** An uploaded file as the controller read it. */
export interface UploadedFile {
  fileName: string;
  declaredType: string;
  content: Buffer;
}

/** A stored attachment, ready to send. */
export interface AttachmentDownload {
  fileName: string;
  mediaType: string;
  sha256: string;
  content: Buffer;
}

/**
 * Attachments of information items: size limit, media type from the bytes themselves (a file
 * whose content does not match its name or declared type is refused), a name that shows what it
 * is, the author's budget and the storage quotas, sha256, kept in PostgreSQL or under
 * ATTACHMENTS_DIR.
 */
@Injectable()
export class AttachmentsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly items: InformationItemsService,
    private readonly budgets: CreationBudgets,
  ) {}

  /** The media type the bytes really are, or a 4xx saying why the file is refused. */
  async checkFile(file: UploadedFile): Promise<string> {
    const name = file.fileName.trim();
    if (name === '' || name.length > 255 || /[\\/\u0000-\u001f]/.test(name)) {
      throw refused('the file name is empty, too long or contains path characters');
    }
    // A direction override shows `report\u202Efdp.txt` as "reporttxt.pdf"; invisible characters
    // make two names look the same. Refused rather than stripped: the name is the sender's.
    const hidden = findHiddenCharacter(name);
    if (hidden) {
      throw refused(
        `the file name contains ${hidden}, an invisible or text-direction character that can make it read as another name: rename the file`,
      );
    }
    if (file.content.length === 0) throw refused('the file is empty');
    const extension = extname(name).toLowerCase();
    const sniffed = await fileTypeFromBuffer(file.content);
    const declared = file.declaredType.split(';')[0]?.trim().toLowerCase() ?? '';
    let mediaType: string;
    if (sniffed) {
      mediaType = sniffed.mime;
      if (!ALLOWED_MEDIA_TYPES[mediaType]) {
        throw refused(`files of type ${mediaType} are not accepted`, 415);
      }
    } else {
      mediaType = declared === 'text/csv' || extension === '.csv' ? 'text/csv' : 'text/plain';
      if (!isPlainText(file.content)) {
        throw refused('the content is not a known document, image or plain text', 415);
      }
    }
    const extensions = ALLOWED_MEDIA_TYPES[mediaType] ?? [];
    if (!extensions.includes(extension)) {
      throw refused(
        `the content is ${mediaType} but the name ends in "${extension || '(nothing)'}" (expected ${extensions.join(' or ')})`,
        415,
      );
    }
    if (declared && declared !== 'application/octet-stream' && declared !== mediaType) {
      if (!(TEXT_TYPES.has(declared) && TEXT_TYPES.has(mediaType))) {
        throw refused(`the file was sent as ${declared} but its content is ${mediaType}`, 415);
      }
    }
    return mediaType;
  }

  /**
   * Checks the file, then — in one transaction, under the item's row lock and the author's budget
   * lock — the author's attachment budget (429) and the storage quotas (413) before anything is
   * stored: a refused file leaves no row, no audit entry and no file on disk.
   */
  async add(
    context: RequestContext,
    itemId: string,
    file: UploadedFile,
  ): Promise<AttachmentResponse> {
    // Access before content: someone who may not edit the item learns nothing about the file.
    await this.items.loadItem(this.db.manager, context, itemId, 'update');
    const personId = context.actor?.id;
    if (!personId) throw new DomainError('unauthenticated', 'Sign in first.');
    const mediaType = await this.checkFile(file);
    const sha256 = createHash('sha256').update(file.content).digest('hex');
    const id = randomUUID();
    let diskPath: string | null = null;
    try {
      await this.db.transaction(async (m) => {
        await this.items.loadItem(m, context, itemId, 'update', true);
        await this.budgets.spend(m, personId, 'attachment');
        await assertAttachmentRoom(m, this.config, {
          itemId,
          personId,
          bytes: file.content.length,
        });
        diskPath = this.config.ATTACHMENTS_DIR ? await this.writeToDisk(id, file.content) : null;
        await insertAttachment(m, {
          id,
          itemId,
          fileName: file.fileName.trim(),
          mediaType,
          sizeBytes: file.content.length,
          sha256,
          storage: diskPath ? 'disk' : 'database',
          content: diskPath ? null : file.content,
          diskPath,
          createdBy: personId,
        });
        this.audit.append(m, context, {
          action: 'information.attach',
          entity: 'information_item',
          entityId: itemId,
          caseId: null,
          diff: {
            attachmentId: id,
            fileName: file.fileName.trim(),
            mediaType,
            sha256,
            size: file.content.length,
          },
        });
      });
    } catch (error) {
      // The row was not committed: the file written for it goes too.
      const written: string | null = diskPath;
      if (written) await unlink(this.resolveDiskPath(written)).catch(() => undefined);
      throw error;
    }
    const listed = await this.items.get(context, itemId);
    const added = listed.attachments.find((a) => a.id === id);
    if (!added) throw new Error('attachment not found after insert');
    return added;
  }

  async download(
    context: RequestContext,
    itemId: string,
    attachmentId: string,
  ): Promise<AttachmentDownload> {
    await this.items.loadItem(this.db.manager, context, itemId);
    const row = await findAttachmentContent(this.db, itemId, attachmentId);
    if (!row) throw new DomainError('not_found', 'No such attachment.');
    const content = row.content ?? (await readFile(this.resolveDiskPath(row.disk_path ?? '')));
    return { fileName: row.file_name, mediaType: row.media_type, sha256: row.sha256, content };
  }

  // Written under a temporary name first, so a crash never leaves a half file under the real one.
  private async writeToDisk(id: string, content: Buffer): Promise<string> {
    const relative = join(id.slice(0, 2), id);
    const target = this.resolveDiskPath(relative);
    await mkdir(resolve(target, '..'), { recursive: true, mode: 0o700 });
    await writeFile(`${target}.part`, content, { mode: 0o600 });
    await rename(`${target}.part`, target);
    return relative;
  }

  private resolveDiskPath(relative: string): string {
    const root = resolve(this.config.ATTACHMENTS_DIR ?? '.vigil/attachments');
    const full = resolve(root, relative);
    if (!full.startsWith(`${root}/`)) throw new Error('attachment path escapes its folder');
    return full;
  }
}

function refused(reason: string, status: 400 | 415 = 400): DomainError {
  return new DomainError(
    status === 415 ? 'unsupported_media_type' : 'validation_failed',
    `Attachment refused: ${reason}.`,
    [{ field: 'file', message: reason }],
  );
}

/** UTF-8 without NUL or other control characters than tab, line feed and carriage return. */
function isPlainText(content: Buffer): boolean {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(content);
  } catch {
    return false;
  }
  return !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text);
}
