import { Module } from '@nestjs/common';
import { AuditCoreModule } from '../audit/audit.module.js';
import { CasesModule } from '../cases/cases.module.js';
import { CasePriorityController } from './case-priority.controller.js';
import { EndorsementsService } from './endorsements.service.js';
import { PrioritySharingService } from './priority-sharing.service.js';
import { PrioritySituationsController } from './priority-situations.controller.js';
import { PrioritySituationsService } from './priority-situations.service.js';

/** Priority situations shared with the Framework Team, their restricted view and endorsements. */
@Module({
  imports: [AuditCoreModule, CasesModule],
  controllers: [PrioritySituationsController, CasePriorityController],
  providers: [PrioritySharingService, PrioritySituationsService, EndorsementsService],
  exports: [PrioritySituationsService, EndorsementsService, PrioritySharingService],
})
export class PrioritySituationsModule {}
