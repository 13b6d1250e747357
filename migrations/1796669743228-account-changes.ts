import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Separation of duties on accounts (issue 15, item 1).
 *
 * - `account_changes`: a grant of the adviser or admin role, or a raised clearance, requested by
 *   one administrator and confirmed or rejected by another (never the requester, never the
 *   person concerned). At most one pending change per person.
 * - Display names are unique per organisation, case-insensitively, so two approvals cannot wear
 *   the same name. Existing duplicates are renamed first: the oldest account keeps its name, each
 *   later one becomes "Name (e-mail)" (or "Name #<id prefix>" when that would be too long).
 *   Reverting keeps the new names (nothing records the old ones but the audit of this run's
 *   operator; they were indistinguishable anyway).
 * - A person may hold no role while the role they were created with waits for confirmation.
 */
export class AccountChanges1796669743228 implements MigrationInterface {
  name = 'AccountChanges1796669743228';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE account_changes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        requested_by uuid NOT NULL REFERENCES users(id),
        add_roles text[] NOT NULL DEFAULT '{}'
          CHECK (add_roles <@ ARRAY['adviser','admin']::text[]),
        clearance text CHECK (clearance IN ('confidential','strictly_confidential')),
        previous_clearance text NOT NULL
          CHECK (previous_clearance IN ('unclassified','confidential','strictly_confidential')),
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','confirmed','rejected')),
        decided_by uuid REFERENCES users(id),
        decided_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (cardinality(add_roles) > 0 OR clearance IS NOT NULL),
        CHECK ((status = 'pending') = (decided_at IS NULL)),
        CHECK (status = 'pending' OR decided_by IS NOT NULL),
        CHECK (requested_by <> user_id),
        CHECK (decided_by IS NULL OR (decided_by <> user_id AND decided_by <> requested_by))
      )`);
    await q.query(
      `CREATE UNIQUE INDEX account_changes_one_pending ON account_changes (user_id) WHERE status = 'pending'`,
    );
    await q.query(
      'CREATE INDEX account_changes_status_idx ON account_changes (status, created_at, id)',
    );

    // Duplicated display names (same organisation, any case): all but the oldest are renamed.
    await q.query(`
      WITH ranked AS (
        SELECT id, display_name, email,
          row_number() OVER (PARTITION BY organisation_id, lower(display_name)
                             ORDER BY created_at, id) AS n
        FROM users)
      UPDATE users u SET updated_at = now(), display_name = CASE
          WHEN length(r.display_name || ' (' || r.email || ')') <= 120
            THEN r.display_name || ' (' || r.email || ')'
          ELSE left(r.display_name, 110) || ' #' || left(r.id::text, 8) END
      FROM ranked r WHERE r.id = u.id AND r.n > 1`);
    await q.query(
      'CREATE UNIQUE INDEX users_display_name_org_key ON users (organisation_id, lower(display_name))',
    );

    await q.query('ALTER TABLE users DROP CONSTRAINT users_roles_check');
    await q.query(`ALTER TABLE users ADD CONSTRAINT users_roles_check
      CHECK (roles <@ ARRAY['analyst','adviser','framework_team','admin']::text[])`);
  }

  async down(q: QueryRunner): Promise<void> {
    // A person still without a role cannot satisfy the old check: the restored check is NOT VALID
    // (enforced on every later write, not on the rows already there).
    await q.query('ALTER TABLE users DROP CONSTRAINT users_roles_check');
    await q.query(`ALTER TABLE users ADD CONSTRAINT users_roles_check
      CHECK (cardinality(roles) >= 1
        AND roles <@ ARRAY['analyst','adviser','framework_team','admin']::text[]) NOT VALID`);
    await q.query('DROP INDEX users_display_name_org_key');
    await q.query('DROP TABLE account_changes');
  }
}
