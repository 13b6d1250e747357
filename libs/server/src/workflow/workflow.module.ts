import { Module } from '@nestjs/common';
import { AuditCoreModule } from '../audit/audit.module.js';
import { CasesModule } from '../cases/cases.module.js';
import { LimitsModule } from '../limits/limits.module.js';
import { NotificationsCoreModule } from '../notifications/notifications.module.js';
import { EscalationNotifier } from './escalation-notifier.js';
import { EscalationsController } from './escalations.controller.js';
import { EscalationsService } from './escalations.service.js';
import { WorkflowFactsProvider } from './workflow-facts.provider.js';
import { WorkflowController } from './workflow.controller.js';
import { WorkflowService } from './workflow.service.js';

@Module({
  imports: [AuditCoreModule, CasesModule, LimitsModule, NotificationsCoreModule],
  controllers: [WorkflowController, EscalationsController],
  providers: [WorkflowService, EscalationsService, WorkflowFactsProvider, EscalationNotifier],
  exports: [WorkflowService, EscalationsService, WorkflowFactsProvider],
})
export class WorkflowModule {}
