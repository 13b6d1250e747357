import { Module } from '@nestjs/common';
import { AuditCoreModule } from '../audit/audit.module.js';
import { CasesModule } from '../cases/cases.module.js';
import { EngagementsController } from './engagements.controller.js';
import { EngagementsService } from './engagements.service.js';

/** Mobilisation: engagements with partners, their follow-ups (docs/architecture.md §6, issue 6). */
@Module({
  imports: [AuditCoreModule, CasesModule],
  controllers: [EngagementsController],
  providers: [EngagementsService],
  exports: [EngagementsService],
})
export class EngagementsModule {}
