import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Live collaboration and the Framework Team (issue 5): the outbox that carries committed events to
 * sockets, comment threads, endorsements of priority situations, and e-mail for notifications.
 */
export class LiveCollaboration1795304460657 implements MigrationInterface {
  name = 'LiveCollaboration1795304460657';

  async up(q: QueryRunner): Promise<void> {
    // Written in the same transaction as the change it reports. PostgreSQL sends the NOTIFY at
    // commit, never before, to every api instance's listener, whichever process wrote the row; each
    // instance delivers to its own sockets, and a short poll of recent rows covers a missed NOTIFY.
    await q.query(`
      CREATE TABLE outbox_events (
        id bigserial PRIMARY KEY,
        topic text NOT NULL CHECK (topic IN ('case_event','notification','access')),
        case_id uuid,
        user_id uuid,
        payload jsonb NOT NULL DEFAULT '{}'::jsonb,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    await q.query('CREATE INDEX outbox_events_created_idx ON outbox_events (created_at)');
    await q.query(`
      CREATE FUNCTION outbox_events_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('vigil_outbox', NEW.id::text);
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER outbox_events_notify AFTER INSERT ON outbox_events
      FOR EACH ROW EXECUTE FUNCTION outbox_events_notify()`);

    await q.query(`
      CREATE TABLE comments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        thread text NOT NULL CHECK (thread IN ('internal','framework_team')),
        parent_id uuid REFERENCES comments(id),
        author_id uuid NOT NULL REFERENCES users(id),
        body text NOT NULL CHECK (length(body) BETWEEN 1 AND 10000),
        mentions uuid[] NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        edited_at timestamptz,
        deleted_at timestamptz
      )`);
    await q.query(
      'CREATE INDEX comments_case_thread_idx ON comments (case_id, thread, created_at, id)',
    );
    await q.query(
      'CREATE INDEX comments_parent_idx ON comments (parent_id) WHERE parent_id IS NOT NULL',
    );

    await q.query(`
      CREATE TABLE endorsements (
        case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id),
        organisation_id uuid NOT NULL REFERENCES organisations(id),
        note text NOT NULL CHECK (length(note) BETWEEN 1 AND 2000),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (case_id, user_id)
      )`);

    await q.query(`
      ALTER TABLE users ADD COLUMN email_notifications text NOT NULL DEFAULT 'immediate'
        CHECK (email_notifications IN ('off','immediate','daily_digest'))`);
    await q.query('ALTER TABLE notifications ADD COLUMN emailed_at timestamptz');
    // What was notified before e-mail existed is not sent now.
    await q.query('UPDATE notifications SET emailed_at = created_at');
    await q.query(
      'CREATE INDEX notifications_unemailed_idx ON notifications (user_id, created_at) WHERE emailed_at IS NULL',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX notifications_unemailed_idx');
    await q.query('ALTER TABLE notifications DROP COLUMN emailed_at');
    await q.query('ALTER TABLE users DROP COLUMN email_notifications');
    await q.query('DROP TABLE endorsements');
    await q.query('DROP TABLE comments');
    await q.query('DROP TABLE outbox_events');
    await q.query('DROP FUNCTION outbox_events_notify()');
  }
}
