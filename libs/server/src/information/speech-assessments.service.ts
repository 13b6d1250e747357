import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainError, explainRabat, RABAT_PARTS, type RabatPart } from '@vigil/domain';
import type { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { RequestContext } from '../common/request-context.js';
import type { SpeechAssessmentDto } from './dto/item-input.dto.js';
import type { ItemResponse } from './dto/item.response.js';
import { InformationItemsService } from './information-items.service.js';
import {
  speechAssessmentVersion,
  upsertSpeechAssessment,
  type StoredRabatParts,
} from './speech-assessments.store.js';

/**
 * The Rabat assessment of a `speech` item: one per item, replaced as a whole
 * (docs/architecture.md §8).
 */
@Injectable()
export class SpeechAssessmentsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly items: InformationItemsService,
  ) {}

  async save(
    context: RequestContext,
    itemId: string,
    dto: SpeechAssessmentDto,
  ): Promise<ItemResponse> {
    const parts = partsOf(dto);
    const level = explainRabat(
      Object.fromEntries(RABAT_PARTS.map((p) => [p, parts[p]?.met === true])),
    ).level;
    await this.db.transaction(async (m) => {
      const item = await this.items.loadItem(m, context, itemId, 'update', true);
      if (item.kind !== 'speech') {
        throw new DomainError(
          'validation_failed',
          'Only a speech item has a speech assessment: set its kind to speech first.',
          [{ field: 'kind', message: 'must be speech' }],
        );
      }
      const existing = await speechAssessmentVersion(m, itemId);
      if (existing && dto.version !== existing.version) {
        throw new DomainError(
          'stale_version',
          `This speech assessment was changed by someone else (now version ${existing.version}). Reload and apply your change again.`,
          { currentVersion: existing.version },
        );
      }
      await upsertSpeechAssessment(m, itemId, {
        speaker: dto.speaker,
        speakerStatus: dto.speakerStatus ?? '',
        audience: dto.audience ?? '',
        targetGroup: dto.targetGroup,
        medium: dto.medium ?? '',
        reach: dto.reach ?? '',
        hallmarks: [...new Set(dto.hallmarks ?? [])],
        parts,
        level,
        assessedBy: context.actor?.id,
      });
      this.audit.append(m, context, {
        action: existing ? 'speech_assessment.update' : 'speech_assessment.create',
        entity: 'information_item',
        entityId: itemId,
        caseId: null,
        diff: { level: existing ? { from: existing.level, to: level } : level },
      });
    });
    return this.items.get(context, itemId);
  }
}

function partsOf(dto: SpeechAssessmentDto): StoredRabatParts {
  const parts: StoredRabatParts = {};
  const seen = new Set<RabatPart>();
  for (const p of dto.parts) {
    if (seen.has(p.part)) {
      throw new DomainError('validation_failed', `parts: ${p.part} is given twice`, [
        { field: 'parts', message: `${p.part} is given twice` },
      ]);
    }
    seen.add(p.part);
    parts[p.part] = { met: p.met, note: p.note ?? '' };
  }
  return parts;
}
