import { Module } from '@nestjs/common';
import { AssessmentsModule } from '../assessments/assessments.module.js';
import { CasesModule } from '../cases/cases.module.js';
import { CommentsModule } from '../comments/comments.module.js';
import { InformationModule } from '../information/information.module.js';
import { PrioritySituationsModule } from '../priority-situations/priority-situations.module.js';
import { DemoContentService } from './demo-content.service.js';

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
  ],
  providers: [DemoContentService],
  exports: [DemoContentService],
})
export class DemoContentModule {}
