import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { overdueReviews } from './overdue.store.js';
import type { ScheduledJob } from './scheduled-job.js';

/** What one run flagged. */
export interface ReviewOverdueResult {
  overdueCases: number;
  notified: number;
}

/**
 * Finds cases whose review is overdue and notifies the lead analyst and every adviser cleared for
 * the case, once per due date (repeat runs add nothing until the review is recorded).
 */
@Injectable()
export class ReviewOverdueJob implements ScheduledJob<ReviewOverdueResult> {
  readonly name = 'review-overdue';
  readonly cron = '*/15 * * * *';
  private readonly logger = new Logger('ReviewOverdueJob');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly notifications: NotificationsService,
    private readonly audit: AuditService,
  ) {}

  async run(): Promise<ReviewOverdueResult> {
    const rows = await overdueReviews(this.db);
    let notified = 0;
    for (const row of rows) {
      const due = row.next_review_due.toISOString();
      notified += await this.db.transaction(async (m) => {
        const users = await this.notifications.notify(m, {
          userIds: row.recipients,
          type: 'review.overdue',
          caseId: row.id,
          payload: { reference: row.reference, title: row.title, nextReviewDue: due },
          dedupeKey: `review-overdue:${row.id}:${due}`,
        });
        if (users.length) {
          this.audit.append(
            m,
            { actor: null, requestId: `job:${this.name}` },
            {
              action: 'case.review_overdue_notified',
              entity: 'case',
              entityId: row.id,
              caseId: row.id,
              diff: { nextReviewDue: due, notified: users.length },
            },
          );
        }
        return users.length;
      });
    }
    this.logger.log({ msg: 'review-overdue checked', overdueCases: rows.length, notified });
    return { overdueCases: rows.length, notified };
  }
}
