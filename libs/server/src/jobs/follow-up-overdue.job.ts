import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { overdueFollowUps } from './overdue.store.js';
import type { ScheduledJob } from './scheduled-job.js';

/** What one run found and notified. */
export interface FollowUpOverdueResult {
  overdueFollowUps: number;
  notified: number;
}

/**
 * Finds engagements whose follow-up was due before today and is not done, and notifies the case's
 * lead analyst once per engagement and due day (a new due day is a new follow-up).
 */
@Injectable()
export class FollowUpOverdueJob implements ScheduledJob<FollowUpOverdueResult> {
  readonly name = 'follow-up-overdue';
  readonly cron = '0 6 * * *';
  private readonly logger = new Logger('FollowUpOverdueJob');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly notifications: NotificationsService,
    private readonly audit: AuditService,
  ) {}

  async run(): Promise<FollowUpOverdueResult> {
    const rows = await overdueFollowUps(this.db);
    let notified = 0;
    for (const row of rows) {
      if (!row.lead_analyst_id) continue;
      const lead = row.lead_analyst_id;
      notified += await this.db.transaction(async (m) => {
        const users = await this.notifications.notify(m, {
          userIds: [lead],
          type: 'engagement.follow_up_overdue',
          caseId: row.case_id,
          payload: {
            engagementId: row.id,
            reference: row.reference,
            organisationAcronym: row.organisation_acronym,
            followUpDue: row.follow_up_due,
          },
          dedupeKey: `follow-up-overdue:${row.id}:${row.follow_up_due}`,
        });
        if (users.length) {
          this.audit.append(
            m,
            { actor: null, requestId: `job:${this.name}` },
            {
              action: 'engagement.follow_up_overdue_notified',
              entity: 'engagement',
              entityId: row.id,
              caseId: row.case_id,
              diff: { followUpDue: row.follow_up_due, notified: users.length },
            },
          );
        }
        return users.length;
      });
    }
    this.logger.log({ msg: 'follow-up-overdue checked', overdueFollowUps: rows.length, notified });
    return { overdueFollowUps: rows.length, notified };
  }
}
