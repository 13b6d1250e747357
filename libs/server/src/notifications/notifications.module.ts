import { Module } from '@nestjs/common';
import { AuditCoreModule } from '../audit/audit.module.js';
import { NotificationsController } from './notifications.controller.js';
import { NotificationsService } from './notifications.service.js';

@Module({
  imports: [AuditCoreModule],
  controllers: [NotificationsController],
  providers: [NotificationsService],
  exports: [NotificationsService],
})
export class NotificationsModule {}

/** The service alone, for the worker. */
@Module({
  imports: [AuditCoreModule],
  providers: [NotificationsService],
  exports: [NotificationsService],
})
export class NotificationsCoreModule {}
