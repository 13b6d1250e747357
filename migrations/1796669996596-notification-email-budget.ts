import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * E-mail per recipient within a budget (issue 15): `email_sent` tells a notification actually
 * e-mailed (immediately or in a digest) from one retired unsent, so the job can count what each
 * person received in the last hour and hold the rest.
 */
export class NotificationEmailBudget1796669996596 implements MigrationInterface {
  name = 'NotificationEmailBudget1796669996596';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE notifications ADD COLUMN email_sent boolean NOT NULL DEFAULT false');
    await q.query(
      'CREATE INDEX notifications_email_sent_idx ON notifications (user_id, emailed_at) WHERE email_sent',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX notifications_email_sent_idx');
    await q.query('ALTER TABLE notifications DROP COLUMN email_sent');
  }
}
