import { Module } from '@nestjs/common';
import { AuditCoreModule } from '../audit/audit.module.js';
import { LimitsModule } from '../limits/limits.module.js';
import { CaseEventsService } from './case-events.service.js';
import { CaseMembersService } from './case-members.service.js';
import { CasesController } from './cases.controller.js';
import { CasesService } from './cases.service.js';

@Module({
  imports: [AuditCoreModule, LimitsModule],
  controllers: [CasesController],
  providers: [CasesService, CaseMembersService, CaseEventsService],
  exports: [CasesService, CaseMembersService, CaseEventsService],
})
export class CasesModule {}
