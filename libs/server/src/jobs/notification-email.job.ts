import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { immediateMail } from '../notifications/notification-email.content.js';
import {
  claimImmediate,
  mailFailure,
  markEmailed,
  retireUnmailable,
} from '../notifications/notification-email.store.js';
import { NotificationMailer } from '../notifications/notification-mailer.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import type { ScheduledJob } from './scheduled-job.js';

/** What one run did. */
export interface NotificationEmailResult {
  /** False when SMTP_URL is unset: nothing was touched. */
  enabled: boolean;
  sent: number;
  /** Marked e-mailed without sending ('off', deactivated, older than a week). */
  retired: number;
  failed: number;
}

/** Sends per run at most; the next minute carries on. */
const MAX_SENDS = 500;
/** Failed sends after which a run gives up (the server is likely down). */
const MAX_FAILURES = 5;

/**
 * E-mails each notification of people who chose 'immediate', one message per notification.
 * Each is claimed (FOR UPDATE SKIP LOCKED), sent and marked in its own transaction: several
 * workers never send one twice, and a failed send rolls back so the next run retries it.
 */
@Injectable()
export class NotificationEmailJob implements ScheduledJob<NotificationEmailResult> {
  readonly name = 'notification-email';
  readonly cron = '* * * * *';
  private readonly logger = new Logger('NotificationEmailJob');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly mailer: NotificationMailer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async run(): Promise<NotificationEmailResult> {
    if (!this.mailer.enabled) return { enabled: false, sent: 0, retired: 0, failed: 0 };
    const retired = await retireUnmailable(this.db.manager);
    const failed: string[] = [];
    let sent = 0;
    while (sent < MAX_SENDS && failed.length < MAX_FAILURES) {
      let claimedId: string | null = null;
      try {
        const done = await this.db.transaction(async (m) => {
          const note = await claimImmediate(m, failed, this.config.EMAIL_PER_RECIPIENT_PER_HOUR);
          if (!note) return false;
          claimedId = note.id;
          await this.mailer.send(immediateMail(note.email, this.mailer.publicUrl, note));
          await markEmailed(m, [note.id]);
          return true;
        });
        if (!done) break;
        sent += 1;
      } catch (error) {
        if (claimedId === null) throw error;
        failed.push(claimedId);
        this.logger.warn({
          msg: 'notification e-mail failed; retried next run',
          notificationId: claimedId,
          ...mailFailure(error),
        });
      }
    }
    if (sent || retired || failed.length) {
      this.logger.log({ msg: 'notification e-mail', sent, retired, failed: failed.length });
    }
    return { enabled: true, sent, retired, failed: failed.length };
  }
}
