import { Injectable } from '@nestjs/common';
import { explainRabat, RABAT_LEVEL_LABELS, RABAT_PART_LABELS, RABAT_PARTS } from '@vigil/domain';
import type { EntityManager } from 'typeorm';
import { abilityToSql } from '../authorization/rules-to-sql.js';
import { CASE_SQL_FIELDS } from '../cases/case.store.js';
import type { RequestContext } from '../common/request-context.js';
import { itemAttachments } from './attachments.store.js';
import type {
  AttachmentResponse,
  CaseLink,
  SpeechAssessmentResponse,
} from './dto/item.response.js';
import { readableCaseLinks } from './item-links.store.js';
import { findSpeechAssessment } from './speech-assessments.store.js';

/** The parts of an item shown only on its own page: attachments, speech assessment, case links. */
@Injectable()
export class ItemDetailsService {
  async attachments(m: EntityManager, itemId: string): Promise<AttachmentResponse[]> {
    return itemAttachments(m, itemId);
  }

  async speechAssessment(
    m: EntityManager,
    itemId: string,
  ): Promise<SpeechAssessmentResponse | null> {
    const row = await findSpeechAssessment(m, itemId);
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
    return readableCaseLinks(m, acl, caseIds);
  }
}
