import { Injectable } from '@nestjs/common';
import {
  explainRabat,
  RABAT_LEVEL_LABELS,
  RABAT_PART_LABELS,
  RABAT_PARTS,
  type RabatLevel,
  type RabatPart,
} from '@vigil/domain';
import type { EntityManager } from 'typeorm';
import { abilityToSql } from '../authorization/rules-to-sql.js';
import { caseReferenceOrderSql } from '../cases/case-reference.js';
import { CASE_SQL_FIELDS } from '../cases/case.store.js';
import type { RequestContext } from '../common/request-context.js';
import { namedQuery } from '../database/named-query.js';
import type {
  AttachmentResponse,
  CaseLink,
  SpeechAssessmentResponse,
} from './dto/item.response.js';

/** How a speech assessment keeps each Rabat part. */
export type StoredRabatParts = Partial<Record<RabatPart, { met: boolean; note: string }>>;

interface SpeechRow {
  speaker: string;
  speaker_status: string;
  audience: string;
  target_group: string;
  medium: string;
  reach: string;
  hallmarks: string[];
  parts: StoredRabatParts;
  level: RabatLevel;
  version: number;
  assessed_by: string;
  assessor_name: string;
  assessed_at: Date;
}

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

/** The parts of an item shown only on its own page: attachments, speech assessment, case links. */
@Injectable()
export class ItemDetailsService {
  async attachments(m: EntityManager, itemId: string): Promise<AttachmentResponse[]> {
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

  async speechAssessment(
    m: EntityManager,
    itemId: string,
  ): Promise<SpeechAssessmentResponse | null> {
    const [row] = (await m.query(
      `SELECT s.*, u.display_name AS assessor_name FROM speech_assessments s
       JOIN users u ON u.id = s.assessed_by WHERE s.item_id = $1`,
      [itemId],
    )) as SpeechRow[];
    if (!row) return null;
    const explanation = explainRabat(
      Object.fromEntries(RABAT_PARTS.map((p) => [p, row.parts[p]?.met === true])),
    );
    return {
      speaker: row.speaker,
      speakerStatus: row.speaker_status,
      audience: row.audience,
      targetGroup: row.target_group,
      medium: row.medium,
      reach: row.reach,
      hallmarks: row.hallmarks,
      parts: RABAT_PARTS.map((part) => ({
        part,
        label: RABAT_PART_LABELS[part],
        met: row.parts[part]?.met === true,
        note: row.parts[part]?.note ?? '',
      })),
      level: row.level,
      levelLabel: RABAT_LEVEL_LABELS[row.level],
      reasons: explanation.reasons,
      version: row.version,
      assessedBy: { id: row.assessed_by, displayName: row.assessor_name },
      assessedAt: row.assessed_at.toISOString(),
    };
  }

  /** The linked cases the caller may read: a hidden case is not even named. */
  async readableCaseLinks(
    m: EntityManager,
    context: RequestContext,
    caseIds: string[],
  ): Promise<CaseLink[]> {
    if (caseIds.length === 0) return [];
    const acl = abilityToSql(context.ability, 'read', 'Case', CASE_SQL_FIELDS);
    return namedQuery<CaseLink>(
      m,
      `SELECT c.id, c.reference FROM cases c WHERE c.id IN (:...caseIds) AND ${acl.sql} ORDER BY ${caseReferenceOrderSql('c')}`,
      { ...acl.params, caseIds },
    );
  }
}
