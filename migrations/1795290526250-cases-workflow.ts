import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Country-situation cases, their members, event log, escalations, and in-app notifications. */
export class CasesWorkflow1795290526250 implements MigrationInterface {
  name = 'CasesWorkflow1795290526250';

  async up(q: QueryRunner): Promise<void> {
    // One row per year; the row lock held until commit makes references gapless and unique.
    await q.query(`
      CREATE TABLE case_reference_counters (
        year int PRIMARY KEY,
        last_number int NOT NULL CHECK (last_number BETWEEN 1 AND 9999)
      )`);
    await q.query(`
      CREATE TABLE cases (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        reference text NOT NULL CHECK (reference ~ '^SIT-[0-9]{4}-[0-9]{4}$'),
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        country char(3) NOT NULL CHECK (country ~ '^[A-Z]{3}$'),
        summary text NOT NULL DEFAULT '' CHECK (length(summary) <= 20000),
        classification text NOT NULL CHECK (classification IN ('unclassified','confidential','strictly_confidential')),
        stage text NOT NULL DEFAULT 'monitoring'
          CHECK (stage IN ('monitoring','alert','recommendation','mobilisation','closed')),
        sub_state text NOT NULL DEFAULT 'steady' CHECK (sub_state IN ('steady','pending')),
        workflow_snapshot jsonb,
        version int NOT NULL DEFAULT 1,
        lead_analyst_id uuid REFERENCES users(id),
        priority_situation boolean NOT NULL DEFAULT false,
        risk_level text CHECK (risk_level IN ('low','moderate','high','very_high')),
        risk_trend text CHECK (risk_trend IN ('deteriorated','unchanged','improved')),
        next_review_due timestamptz,
        last_event_seq int NOT NULL DEFAULT 0,
        created_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        search tsvector GENERATED ALWAYS AS (
          setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', summary), 'B')
        ) STORED
      )`);
    await q.query('CREATE UNIQUE INDEX cases_reference_key ON cases (reference)');
    await q.query('CREATE INDEX cases_stage_idx ON cases (stage, updated_at DESC, id)');
    await q.query('CREATE INDEX cases_country_idx ON cases (country)');
    await q.query('CREATE INDEX cases_lead_idx ON cases (lead_analyst_id)');
    await q.query(
      "CREATE INDEX cases_review_due_idx ON cases (next_review_due) WHERE stage <> 'closed'",
    );
    await q.query('CREATE INDEX cases_updated_idx ON cases (updated_at DESC, id)');
    await q.query('CREATE INDEX cases_search_idx ON cases USING gin (search)');

    await q.query(`
      CREATE TABLE case_members (
        case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id),
        role text NOT NULL CHECK (role IN ('analyst','adviser','contributor')),
        added_by uuid REFERENCES users(id),
        added_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (case_id, user_id)
      )`);
    await q.query('CREATE INDEX case_members_user_idx ON case_members (user_id)');

    // Append-only history of each case; seq counts per case so clients can ask for what they missed.
    await q.query(`
      CREATE TABLE case_events (
        case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        seq int NOT NULL,
        type text NOT NULL,
        actor_id uuid REFERENCES users(id),
        from_stage text,
        to_stage text,
        payload jsonb NOT NULL DEFAULT '{}'::jsonb,
        at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (case_id, seq)
      )`);

    await q.query(`
      CREATE TABLE escalation_requests (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        from_stage text NOT NULL,
        to_stage text NOT NULL,
        justification text NOT NULL CHECK (length(justification) BETWEEN 1 AND 5000),
        proposed_by uuid NOT NULL REFERENCES users(id),
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','approved','rejected','withdrawn')),
        approvals jsonb NOT NULL DEFAULT '[]'::jsonb,
        approvals_required int NOT NULL,
        decided_by uuid REFERENCES users(id),
        decision_note text,
        decided_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE UNIQUE INDEX escalation_requests_one_pending ON escalation_requests (case_id) WHERE status = 'pending'`,
    );
    await q.query(
      'CREATE INDEX escalation_requests_status_idx ON escalation_requests (status, created_at, id)',
    );
    await q.query(
      'CREATE INDEX escalation_requests_case_idx ON escalation_requests (case_id, created_at)',
    );

    await q.query(`
      CREATE TABLE notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        type text NOT NULL,
        case_id uuid REFERENCES cases(id) ON DELETE CASCADE,
        payload jsonb NOT NULL DEFAULT '{}'::jsonb,
        dedupe_key text,
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz
      )`);
    await q.query(
      'CREATE INDEX notifications_user_idx ON notifications (user_id, created_at DESC, id)',
    );
    await q.query(
      'CREATE INDEX notifications_unread_idx ON notifications (user_id) WHERE read_at IS NULL',
    );
    await q.query(
      'CREATE UNIQUE INDEX notifications_dedupe_key ON notifications (user_id, dedupe_key)',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE notifications');
    await q.query('DROP TABLE escalation_requests');
    await q.query('DROP TABLE case_events');
    await q.query('DROP TABLE case_members');
    await q.query('DROP TABLE cases');
    await q.query('DROP TABLE case_reference_counters');
  }
}
