import { Module } from '@nestjs/common';
import { AuditService } from './audit.service.js';

/** The audit service alone (worker, CLI, and every feature that writes). */
@Module({ providers: [AuditService], exports: [AuditService] })
export class AuditCoreModule {}
