import { Module } from '@nestjs/common';
import { AuditCoreModule } from '../audit/audit.module.js';
import { AuditVerifyJob } from './audit-verify.job.js';
import { JobRunner } from './job-runner.service.js';
import { SCHEDULED_JOBS } from './scheduled-job.js';

/** The worker's jobs. Add a job: write its class, list it in SCHEDULED_JOBS below. */
@Module({
  imports: [AuditCoreModule],
  providers: [
    AuditVerifyJob,
    { provide: SCHEDULED_JOBS, inject: [AuditVerifyJob], useFactory: (...jobs: AuditVerifyJob[]) => jobs },
    JobRunner,
  ],
  exports: [JobRunner],
})
export class JobsModule {}
