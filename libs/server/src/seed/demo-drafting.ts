import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import * as Y from 'yjs';
import type { RequestContext } from '../common/request-context.js';
import { appendProseMirror, type ProseMirrorJson } from '../documents/document-content.js';
import { DocumentStore } from '../documents/document.store.js';
import { DocumentsService } from '../documents/documents.service.js';
import { EngagementsService } from '../engagements/engagements.service.js';
import { RecommendationStatusService } from '../recommendations/recommendation-status.service.js';
import { RecommendationsService } from '../recommendations/recommendations.service.js';
import { ohchrId } from './demo.store.js';

const DAY_MS = 86_400_000;

const paragraph = (text: string): ProseMirrorJson => ({
  type: 'paragraph',
  content: [{ type: 'text', text }],
});

/** The demo advice: a heading, the situation and two recommendations, as the editor writes it. */
const ADVICE: ProseMirrorJson[] = [
  {
    type: 'heading',
    attrs: { level: 2 },
    content: [{ type: 'text', text: 'Risk of atrocity crimes in the northern provinces' }],
  },
  paragraph(
    'Demonstration data. Armed groups are reported to target villages along ethnic lines; displacement is rising and radio broadcasts call for the removal of one community.',
  ),
  {
    type: 'bulletList',
    content: [
      {
        type: 'listItem',
        content: [
          paragraph('Raise the situation with the Security Council in closed consultations.'),
        ],
      },
      {
        type: 'listItem',
        content: [paragraph('Ask the regional organisation to deploy observers to the camps.')],
      },
    ],
  },
];

/**
 * Demo drafting and mobilisation on one situation: advice being drafted (with content), an
 * approved recommendation (shown to the Framework Team) and an engagement whose follow-up is
 * overdue — written through the same services as the api.
 */
@Injectable()
export class DemoDrafting {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly documents: DocumentsService,
    private readonly store: DocumentStore,
    private readonly recommendations: RecommendationsService,
    private readonly statuses: RecommendationStatusService,
    private readonly engagements: EngagementsService,
  ) {}

  async seed(
    analyst: RequestContext,
    adviser: RequestContext,
    caseId: string,
    now: Date,
  ): Promise<void> {
    const document = await this.documents.create(analyst, caseId, {
      kind: 'advice_to_sg',
      title: 'Advice to the Secretary-General on the northern provinces',
    });
    const content = new Y.Doc();
    appendProseMirror(content, ADVICE);
    await this.store.append(document.id, Y.encodeStateAsUpdate(content), analyst.actor?.id ?? '');

    const recommendation = await this.recommendations.create(analyst, caseId, {
      addresseeKind: 'security_council',
      addresseeName: 'Security Council',
      actionType: 'quiet_diplomacy',
      text: 'Brief Council members in closed consultations on the risk of atrocity crimes.',
      dueDate: new Date(now.getTime() + 14 * DAY_MS).toISOString().slice(0, 10),
      documentId: document.id,
    });
    await this.statuses.apply(
      adviser,
      recommendation.id,
      'approve',
      'Agreed for the next briefing.',
    );

    const ohchr = await ohchrId(this.db);
    if (ohchr) {
      await this.engagements.create(analyst, caseId, {
        organisationId: ohchr,
        kind: 'call',
        date: new Date(now.getTime() - 10 * DAY_MS).toISOString().slice(0, 10),
        summary: 'Call with the OHCHR country office on reports of detentions.',
        outcome: 'They will share verified figures.',
        followUpDue: new Date(now.getTime() - 3 * DAY_MS).toISOString().slice(0, 10),
      });
    }
  }
}
