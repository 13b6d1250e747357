import { Module } from '@nestjs/common';
import { AuditCoreModule } from '../audit/audit.module.js';
import { AuditLogController } from './audit-log.controller.js';
import { AuditLogService } from './audit-log.service.js';

/** The audit routes: reading the log (redacted by need to know) and verifying its chain. */
@Module({
  imports: [AuditCoreModule],
  controllers: [AuditLogController],
  providers: [AuditLogService],
})
export class AuditLogModule {}
