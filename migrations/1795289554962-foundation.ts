import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Organisations, users, refresh tokens and the append-only, hash-chained audit log. */
export class Foundation1795289554962 implements MigrationInterface {
  name = 'Foundation1795289554962';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE organisations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        acronym text NOT NULL CHECK (length(acronym) BETWEEN 1 AND 30),
        kind text NOT NULL CHECK (kind IN ('office','un_entity','member_state','regional_org','civil_society')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE UNIQUE INDEX organisations_name_key ON organisations (lower(name))');
    await q.query(
      'CREATE UNIQUE INDEX organisations_acronym_key ON organisations (lower(acronym))',
    );

    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL CHECK (email = lower(email) AND length(email) <= 254),
        display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 120),
        password_hash text NOT NULL,
        roles text[] NOT NULL CHECK (cardinality(roles) >= 1
          AND roles <@ ARRAY['analyst','adviser','framework_team','admin']::text[]),
        organisation_id uuid NOT NULL REFERENCES organisations(id),
        clearance text NOT NULL CHECK (clearance IN ('unclassified','confidential','strictly_confidential')),
        active boolean NOT NULL DEFAULT true,
        failed_logins int NOT NULL DEFAULT 0,
        locked_until timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE UNIQUE INDEX users_email_key ON users (email)');
    await q.query('CREATE INDEX users_organisation_idx ON users (organisation_id)');
    await q.query('CREATE INDEX users_display_name_idx ON users (lower(display_name), id)');

    await q.query(`
      CREATE TABLE refresh_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        family_id uuid NOT NULL,
        token_hash text NOT NULL,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        revoked_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE UNIQUE INDEX refresh_tokens_hash_key ON refresh_tokens (token_hash)');
    await q.query('CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family_id)');
    await q.query(
      'CREATE INDEX refresh_tokens_user_idx ON refresh_tokens (user_id) WHERE revoked_at IS NULL',
    );

    await q.query(`
      CREATE TABLE audit_log (
        seq bigint PRIMARY KEY,
        at timestamptz NOT NULL,
        actor_id uuid,
        action text NOT NULL,
        entity text NOT NULL,
        entity_id text,
        case_id uuid,
        diff jsonb NOT NULL DEFAULT '{}'::jsonb,
        request_id text,
        prev_hash text NOT NULL,
        hash text NOT NULL
      )`);
    await q.query('CREATE INDEX audit_log_action_idx ON audit_log (action, seq)');
    await q.query('CREATE INDEX audit_log_actor_idx ON audit_log (actor_id, seq)');
    await q.query('CREATE INDEX audit_log_entity_idx ON audit_log (entity, entity_id, seq)');
    await q.query('CREATE INDEX audit_log_at_idx ON audit_log (at)');
    // Nobody rewrites history: UPDATE, DELETE and TRUNCATE are refused for every role.
    await q.query(`
      CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`CREATE TRIGGER audit_log_no_update_delete BEFORE UPDATE OR DELETE ON audit_log
      FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change()`);
    await q.query(`CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
      FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE audit_log');
    await q.query('DROP FUNCTION audit_log_refuse_change()');
    await q.query('DROP TABLE refresh_tokens');
    await q.query('DROP TABLE users');
    await q.query('DROP TABLE organisations');
  }
}
