import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import type { ScheduledJob } from './scheduled-job.js';

/** What one run found and notified. */
export interface FollowUpOverdueResult {
  overdueFollowUps: number;
  notified: number;
}

interface OverdueRow {
  id: string;
  case_id: string;
  reference: string;
  organisation_acronym: string;
  follow_up_due: string;
  lead_analyst_id: string | null;
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
    const rows = (await this.db.query(
      `SELECT g.id, g.case_id, c.reference, o.acronym AS organisation_acronym,
         to_char(g.follow_up_due, 'YYYY-MM-DD') AS follow_up_due,
         (SELECT u.id FROM users u WHERE u.id = c.lead_analyst_id AND u.active) AS lead_analyst_id
       FROM engagements g
       JOIN cases c ON c.id = g.case_id
       JOIN organisations o ON o.id = g.organisation_id
       WHERE g.follow_up_due < current_date AND g.follow_up_done_at IS NULL AND c.stage <> 'closed'
       ORDER BY g.follow_up_due, g.id`,
    )) as OverdueRow[];
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
