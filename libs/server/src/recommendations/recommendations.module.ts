import { Module } from '@nestjs/common';
import { AuditCoreModule } from '../audit/audit.module.js';
import { CasesModule } from '../cases/cases.module.js';
import { RecommendationStatusService } from './recommendation-status.service.js';
import { RecommendationStore } from './recommendation.store.js';
import { RecommendationsController } from './recommendations.controller.js';
import { RecommendationsService } from './recommendations.service.js';

/**
 * Recommendations the Office makes on a case, and their status history (docs/architecture.md §6,
 * issue 6).
 */
@Module({
  imports: [AuditCoreModule, CasesModule],
  controllers: [RecommendationsController],
  providers: [RecommendationsService, RecommendationStatusService, RecommendationStore],
  exports: [RecommendationsService, RecommendationStatusService],
})
export class RecommendationsModule {}
