import { Module } from '@nestjs/common';
import { AuditCoreModule } from '../audit/audit.module.js';
import { NotificationsCoreModule } from '../notifications/notifications.module.js';
import { AuditVerifyJob } from './audit-verify.job.js';
import { FollowUpOverdueJob } from './follow-up-overdue.job.js';
import { DocumentStore } from '../documents/document.store.js';
import { DocumentCompactionJob } from './document-compaction.job.js';
import { NotificationMailer } from '../notifications/notification-mailer.js';
import { JobRunner } from './job-runner.service.js';
import { NotificationDigestJob } from './notification-digest.job.js';
import { NotificationEmailJob } from './notification-email.job.js';
import { ReviewOverdueJob } from './review-overdue.job.js';
import { SCHEDULED_JOBS, type ScheduledJob } from './scheduled-job.js';

/** The worker's jobs. Add a job: write its class, list it in SCHEDULED_JOBS below. */
@Module({
  imports: [AuditCoreModule, NotificationsCoreModule],
  providers: [
    AuditVerifyJob,
    ReviewOverdueJob,
    FollowUpOverdueJob,
    NotificationMailer,
    NotificationEmailJob,
    NotificationDigestJob,
    DocumentStore,
    DocumentCompactionJob,
    {
      provide: SCHEDULED_JOBS,
      inject: [
        AuditVerifyJob,
        ReviewOverdueJob,
        NotificationEmailJob,
        NotificationDigestJob,
        DocumentCompactionJob,
        FollowUpOverdueJob,
      ],
      useFactory: (...jobs: ScheduledJob[]) => jobs,
    },
    JobRunner,
  ],
  exports: [
    JobRunner,
    ReviewOverdueJob,
    NotificationEmailJob,
    NotificationDigestJob,
    DocumentCompactionJob,
    FollowUpOverdueJob,
  ],
})
export class JobsModule {}
