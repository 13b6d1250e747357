import { DomainError } from '@vigil/domain';
import type { EntityManager } from 'typeorm';
import type { AppConfig } from '../config/app-config.js';
import { attachmentBytesUsed } from './attachments.store.js';

/** Which storage quota an attachment would pass. */
export type AttachmentQuota = 'item' | 'person' | 'total';

/**
 * Refuses (413) an attachment of `bytes` that would take its item, its author or the whole
 * deployment past their storage quota, saying which and how much is left. Measured from the
 * database (the sum of stored sizes), so the quotas hold across instances and restarts.
 *
 * Runs in the inserting transaction, after the item's row lock (which serialises the item's
 * attachments) and the author's attachment budget lock (which serialises theirs), so neither of
 * those two sums can be overtaken by a concurrent upload. The total is not serialised: uploads by
 * different people at the same moment may pass it by at most their own sizes.
 */
export async function assertAttachmentRoom(
  m: EntityManager,
  config: AppConfig,
  upload: { itemId: string; personId: string; bytes: number },
): Promise<void> {
  const used = await attachmentBytesUsed(m, upload.itemId, upload.personId);
  const quotas: [AttachmentQuota, number, number][] = [
    ['item', used.item, config.ATTACHMENT_QUOTA_ITEM_BYTES],
    ['person', used.person, config.ATTACHMENT_QUOTA_PERSON_BYTES],
    ['total', used.total, config.ATTACHMENT_QUOTA_TOTAL_BYTES],
  ];
  for (const [quota, usedBytes, limitBytes] of quotas) {
    if (usedBytes + upload.bytes <= limitBytes) continue;
    const remainingBytes = Math.max(0, limitBytes - usedBytes);
    const facts = `${sizeWords(remainingBytes)} left, and this file is ${sizeWords(upload.bytes)}`;
    const says: Record<AttachmentQuota, string> = {
      item: `this item already holds ${sizeWords(usedBytes)} of attachments, and an item may hold ${sizeWords(limitBytes)} in all: ${facts}.`,
      person: `you have already attached ${sizeWords(usedBytes)} of files, and one person may attach ${sizeWords(limitBytes)} in all: ${facts}.`,
      total: `Vigil already holds ${sizeWords(usedBytes)} of attachments, and may hold ${sizeWords(limitBytes)} in all: ${facts}. Tell an administrator.`,
    };
    throw new DomainError('payload_too_large', `Attachment refused: ${says[quota]}`, {
      quota,
      limitBytes,
      usedBytes,
      remainingBytes,
      fileBytes: upload.bytes,
    });
  }
}

/** "512 bytes", "3.5 kB", "95.2 MB", "2 GB" (powers of 1024, as ATTACHMENT_MAX_BYTES). */
export function sizeWords(bytes: number): string {
  if (bytes < 1024) return `${bytes} ${bytes === 1 ? 'byte' : 'bytes'}`;
  const units = ['kB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const shown = value >= 100 ? Math.floor(value).toString() : String(Math.floor(value * 10) / 10);
  return `${shown} ${units[unit]}`;
}
