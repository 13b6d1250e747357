import { Injectable, Logger } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import type { AuditVerifyResponse } from '../audit/dto/audit-verify.response.js';
import type { ScheduledJob } from './scheduled-job.js';

/** Nightly walk of the audit chain; a broken chain is logged as an error for the operators. */
@Injectable()
export class AuditVerifyJob implements ScheduledJob<AuditVerifyResponse> {
  readonly name = 'audit-verify';
  readonly cron = '0 3 * * *';
  private readonly logger = new Logger('AuditVerifyJob');

  constructor(private readonly audit: AuditService) {}

  async run(): Promise<AuditVerifyResponse> {
    const result = await this.audit.verify();
    if (result.ok) {
      this.logger.log({ msg: 'audit chain intact', checked: result.checked });
    } else {
      this.logger.error({
        msg: 'audit chain broken',
        checked: result.checked,
        firstBrokenSeq: result.firstBrokenSeq,
        reason: result.reason,
      });
    }
    return result;
  }
}
