import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { digestMail } from '../notifications/notification-email.content.js';
import {
  claimDigest,
  digestRecipients,
  mailFailure,
  markEmailed,
  retireUnmailable,
} from '../notifications/notification-email.store.js';
import { NotificationMailer } from '../notifications/notification-mailer.js';
import type { ScheduledJob } from './scheduled-job.js';

/** What one run did. */
export interface NotificationDigestResult {
  /** False when SMTP_URL is unset: nothing was touched. */
  enabled: boolean;
  digests: number;
  /** Notifications listed in the digests sent. */
  listed: number;
  /** Marked e-mailed without sending ('off', deactivated, older than a week). */
  retired: number;
  failed: number;
}

/**
 * Once a day, one e-mail per 'daily_digest' reader listing all their notifications not yet
 * e-mailed, marked in the same transaction (a failed send leaves them for the next digest).
 */
@Injectable()
export class NotificationDigestJob implements ScheduledJob<NotificationDigestResult> {
  readonly name = 'notification-digest';
  readonly cron = '0 7 * * *';
  private readonly logger = new Logger('NotificationDigestJob');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly mailer: NotificationMailer,
  ) {}

  async run(): Promise<NotificationDigestResult> {
    if (!this.mailer.enabled) {
      return { enabled: false, digests: 0, listed: 0, retired: 0, failed: 0 };
    }
    const retired = await retireUnmailable(this.db.manager);
    let digests = 0;
    let listed = 0;
    let failed = 0;
    for (const userId of await digestRecipients(this.db.manager)) {
      try {
        listed += await this.db.transaction(async (m) => {
          const notes = await claimDigest(m, userId);
          const first = notes[0];
          if (!first) return 0;
          await this.mailer.send(digestMail(first.email, this.mailer.publicUrl, notes));
          await markEmailed(
            m,
            notes.map((n) => n.id),
          );
          digests += 1;
          return notes.length;
        });
      } catch (error) {
        failed += 1;
        this.logger.warn({
          msg: 'notification digest failed; retried next run',
          userId,
          ...mailFailure(error),
        });
      }
    }
    this.logger.log({ msg: 'notification digest', digests, listed, retired, failed });
    return { enabled: true, digests, listed, retired, failed };
  }
}
