import type { EntityManager } from 'typeorm';
import { isUuid } from '../common/ids.js';
import type { Db } from '../database/named-query.js';
import type { AttachmentResponse } from './dto/item.response.js';

/** An attachment as an item's page lists it. */
interface AttachmentRow {
  id: string;
  file_name: string;
  media_type: string;
  size_bytes: string;
  sha256: string;
  created_by: string;
  uploader_name: string;
  created_at: Date;
}

/** A stored attachment's file: its bytes in the row, or the path of the file under ATTACHMENTS_DIR. */
export interface AttachmentContentRow {
  file_name: string;
  media_type: string;
  sha256: string;
  content: Buffer | null;
  disk_path: string | null;
}

/** A new attachment's row; `content` when kept in PostgreSQL, `diskPath` when on disk. */
export interface NewAttachmentRow {
  id: string;
  itemId: string;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  storage: 'disk' | 'database';
  content: Buffer | null;
  diskPath: string | null;
  createdBy: string;
}

/** An item's attachments, oldest first, with who uploaded each. */
export async function itemAttachments(
  m: EntityManager,
  itemId: string,
): Promise<AttachmentResponse[]> {
  const rows = (await m.query(
    `SELECT a.id, a.file_name, a.media_type, a.size_bytes, a.sha256, a.created_by, a.created_at,
         u.display_name AS uploader_name
       FROM information_item_attachments a JOIN users u ON u.id = a.created_by
       WHERE a.item_id = $1 ORDER BY a.created_at, a.id`,
    [itemId],
  )) as AttachmentRow[];
  return rows.map((r) => ({
    id: r.id,
    fileName: r.file_name,
    mediaType: r.media_type,
    sizeBytes: Number(r.size_bytes),
    sha256: r.sha256,
    uploadedBy: { id: r.created_by, displayName: r.uploader_name },
    createdAt: r.created_at.toISOString(),
  }));
}

/**
 * Bytes of attachments already stored for the item, by the person, and in all (the storage
 * quotas' measure).
 */
export async function attachmentBytesUsed(
  m: EntityManager,
  itemId: string,
  personId: string,
): Promise<{ item: number; person: number; total: number }> {
  const [used] = (await m.query(
    `SELECT (SELECT COALESCE(sum(size_bytes), 0) FROM information_item_attachments WHERE item_id = $1)::bigint AS item,
            (SELECT COALESCE(sum(size_bytes), 0) FROM information_item_attachments WHERE created_by = $2)::bigint AS person,
            (SELECT COALESCE(sum(size_bytes), 0) FROM information_item_attachments)::bigint AS total`,
    [itemId, personId],
  )) as { item: string; person: string; total: string }[];
  return {
    item: Number(used?.item ?? 0),
    person: Number(used?.person ?? 0),
    total: Number(used?.total ?? 0),
  };
}

/** Records an attachment. */
export async function insertAttachment(m: EntityManager, row: NewAttachmentRow): Promise<void> {
  await m.query(
    `INSERT INTO information_item_attachments (id, item_id, file_name, media_type, size_bytes, sha256, storage,
             content, disk_path, created_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [
      row.id,
      row.itemId,
      row.fileName,
      row.mediaType,
      row.sizeBytes,
      row.sha256,
      row.storage,
      row.content,
      row.diskPath,
      row.createdBy,
    ],
  );
}

/** The file of one of an item's attachments; undefined when there is none or the id is not a UUID. */
export async function findAttachmentContent(
  db: Db,
  itemId: string,
  attachmentId: string,
): Promise<AttachmentContentRow | undefined> {
  if (!isUuid(attachmentId)) return undefined;
  const [row] = (await db.query(
    `SELECT file_name, media_type, sha256, storage, content, disk_path
           FROM information_item_attachments WHERE id = $1 AND item_id = $2`,
    [attachmentId, itemId],
  )) as AttachmentContentRow[];
  return row;
}
