import { Module } from '@nestjs/common';
import { AuditCoreModule } from '../audit/audit.module.js';
import { CasesModule } from '../cases/cases.module.js';
import { AssessmentLifecycleService } from './assessment-lifecycle.service.js';
import { AssessmentStore } from './assessment.store.js';
import { AssessmentsController } from './assessments.controller.js';
import { AssessmentsService } from './assessments.service.js';
import { RiskOverviewController } from './risk-overview.controller.js';
import { RiskOverviewService } from './risk-overview.service.js';

/**
 * Risk assessments against the Framework of Analysis, and the views across them
 * (docs/architecture.md §9).
 */
@Module({
  imports: [AuditCoreModule, CasesModule],
  controllers: [AssessmentsController, RiskOverviewController],
  providers: [AssessmentsService, AssessmentLifecycleService, AssessmentStore, RiskOverviewService],
  exports: [AssessmentsService, AssessmentLifecycleService, RiskOverviewService],
})
export class AssessmentsModule {}
