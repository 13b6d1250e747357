import { Module } from '@nestjs/common';
import { AssessmentsModule } from '../assessments/assessments.module.js';
import { CasesModule } from '../cases/cases.module.js';
import { InformationModule } from '../information/information.module.js';
import { DemoContentService } from './demo-content.service.js';

/** Demo situations, information and assessments for a first start (kept apart from SeedModule). */
@Module({
  imports: [CasesModule, InformationModule, AssessmentsModule],
  providers: [DemoContentService],
  exports: [DemoContentService],
})
export class DemoContentModule {}
