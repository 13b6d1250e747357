import { Module } from '@nestjs/common';
import { AuditController } from './audit.controller.js';
import { AuditService } from './audit.service.js';

/** The audit service alone (worker, CLI, and every feature that writes). */
@Module({ providers: [AuditService], exports: [AuditService] })
export class AuditCoreModule {}

/** The admin's audit routes. */
@Module({ imports: [AuditCoreModule], controllers: [AuditController] })
export class AuditModule {}
