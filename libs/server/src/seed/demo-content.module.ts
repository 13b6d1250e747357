import { Module } from '@nestjs/common';
import { AssessmentsModule } from '../assessments/assessments.module.js';
import { CasesModule } from '../cases/cases.module.js';
import { CommentsModule } from '../comments/comments.module.js';
import { InformationModule } from '../information/information.module.js';
import { PrioritySituationsModule } from '../priority-situations/priority-situations.module.js';
import { DocumentsModule } from '../documents/documents.module.js';
import { EngagementsModule } from '../engagements/engagements.module.js';
import { RecommendationsModule } from '../recommendations/recommendations.module.js';
import { DemoContentService } from './demo-content.service.js';
import { DemoDrafting } from './demo-drafting.js';

/**
 * Demo situations, information, assessments, comments and a priority situation for a first start
 * (kept apart from SeedModule).
 */
@Module({
  imports: [
    CasesModule,
    InformationModule,
    AssessmentsModule,
    CommentsModule,
    PrioritySituationsModule,
    DocumentsModule,
    RecommendationsModule,
    EngagementsModule,
  ],
  providers: [DemoContentService, DemoDrafting],
  exports: [DemoContentService],
})
export class DemoContentModule {}
