import { Module } from '@nestjs/common';
import { AuditCoreModule } from '../audit/audit.module.js';
import { CasesModule } from '../cases/cases.module.js';
import { NotificationsCoreModule } from '../notifications/notifications.module.js';
import { CommentMentionsService } from './comment-mentions.service.js';
import { CommentsController } from './comments.controller.js';
import { CommentsService } from './comments.service.js';

/** The internal and Framework Team threads of each case (docs/architecture.md §6, issue 5). */
@Module({
  imports: [AuditCoreModule, CasesModule, NotificationsCoreModule],
  controllers: [CommentsController],
  providers: [CommentsService, CommentMentionsService],
  exports: [CommentsService],
})
export class CommentsModule {}
