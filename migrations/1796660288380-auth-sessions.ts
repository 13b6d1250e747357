import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sessions as records (issue 14): one row per sign-in, the family its refresh tokens rotate in.
 * `expires_at` is the absolute end that rotation cannot extend; `ended_at` is the deny-list every
 * api instance reads with the person on each request, so a signed-out session's access tokens
 * stop working at once everywhere, not when they expire.
 */
export class AuthSessions1796660288380 implements MigrationInterface {
  name = 'AuthSessions1796660288380';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE auth_sessions (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        started_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        ended_at timestamptz,
        end_reason text CHECK (end_reason IN ('signed_out', 'session_ended', 'deactivated',
          'password_changed', 'token_reuse')),
        CHECK ((ended_at IS NULL) = (end_reason IS NULL))
      )`);
    await q.query(
      'CREATE INDEX auth_sessions_user_idx ON auth_sessions (user_id) WHERE ended_at IS NULL',
    );
    // Every family issued before sessions existed becomes a session that started with its first
    // token; an ended family (every token revoked) is ended.
    await q.query(`
      INSERT INTO auth_sessions (id, user_id, started_at, expires_at, ended_at, end_reason)
      SELECT family_id, min(user_id::text)::uuid, min(created_at), min(created_at) + interval '12 hours',
        CASE WHEN bool_and(revoked_at IS NOT NULL) THEN max(revoked_at) END,
        CASE WHEN bool_and(revoked_at IS NOT NULL) THEN 'signed_out' END
      FROM refresh_tokens GROUP BY family_id`);
    await q.query(`
      ALTER TABLE refresh_tokens
        ADD CONSTRAINT refresh_tokens_session_fkey FOREIGN KEY (family_id)
        REFERENCES auth_sessions(id) ON DELETE CASCADE`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE refresh_tokens DROP CONSTRAINT refresh_tokens_session_fkey');
    await q.query('DROP TABLE auth_sessions');
  }
}
