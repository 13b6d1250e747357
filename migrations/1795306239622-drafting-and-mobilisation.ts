import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Drafting advice together, recommendations and mobilisation (issue 6): collaborative documents
 * (Yjs state, append-only updates, frozen versions), recommendations with their status history,
 * and engagements with partners.
 */
export class DraftingAndMobilisation1795306239622 implements MigrationInterface {
  name = 'DraftingAndMobilisation1795306239622';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE documents (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('early_warning_note','advice_to_sg','public_statement','briefing')),
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        status text NOT NULL DEFAULT 'drafting'
          CHECK (status IN ('drafting','in_review','approved','transmitted')),
        -- Compacted Yjs state; the updates still in document_updates apply on top of it.
        state bytea NOT NULL DEFAULT '\\x0000'::bytea,
        revision_of uuid REFERENCES documents(id),
        transmitted_to text,
        transmitted_at timestamptz,
        transmitted_sha256 text,
        created_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL DEFAULT 1
      )`);
    await q.query('CREATE INDEX documents_case_idx ON documents (case_id, created_at DESC)');
    await q.query(
      'CREATE UNIQUE INDEX documents_one_revision_idx ON documents (revision_of) WHERE revision_of IS NOT NULL',
    );

    // Every accepted Yjs update, appended before it is broadcast; compaction folds them into
    // documents.state and deletes exactly the rows it folded.
    await q.query(`
      CREATE TABLE document_updates (
        seq bigserial PRIMARY KEY,
        document_id uuid NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        update bytea NOT NULL,
        user_id uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      'CREATE INDEX document_updates_document_idx ON document_updates (document_id, seq)',
    );

    await q.query(`
      CREATE TABLE document_versions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        document_id uuid NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        number int NOT NULL,
        reason text NOT NULL CHECK (reason IN ('saved','submitted','approved','transmitted','returned')),
        status text NOT NULL,
        text text NOT NULL,
        html text NOT NULL,
        sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        created_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (document_id, number)
      )`);

    await q.query(`
      CREATE TABLE recommendations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        document_id uuid REFERENCES documents(id),
        addressee_kind text NOT NULL CHECK (addressee_kind IN
          ('secretary_general','security_council','member_state','regional_org','un_entity','other')),
        addressee_organisation_id uuid REFERENCES organisations(id),
        addressee_name text NOT NULL CHECK (length(addressee_name) BETWEEN 1 AND 200),
        action_type text NOT NULL CHECK (action_type IN ('public_statement','quiet_diplomacy',
          'convene_usgs','mission','technical_assistance','training')),
        text text NOT NULL CHECK (length(text) BETWEEN 1 AND 5000),
        due_date date,
        status text NOT NULL DEFAULT 'draft'
          CHECK (status IN ('draft','approved','transmitted','implemented','declined')),
        created_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL DEFAULT 1
      )`);
    await q.query('CREATE INDEX recommendations_case_idx ON recommendations (case_id, status)');
    await q.query(`
      CREATE TABLE recommendation_status_changes (
        id bigserial PRIMARY KEY,
        recommendation_id uuid NOT NULL REFERENCES recommendations(id) ON DELETE CASCADE,
        from_status text,
        to_status text NOT NULL,
        note text CHECK (note IS NULL OR length(note) <= 2000),
        actor_id uuid REFERENCES users(id),
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      'CREATE INDEX recommendation_status_changes_idx ON recommendation_status_changes (recommendation_id, id)',
    );

    await q.query(`
      CREATE TABLE engagements (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        organisation_id uuid NOT NULL REFERENCES organisations(id),
        kind text NOT NULL CHECK (kind IN ('meeting','letter','briefing','call','mission')),
        date date NOT NULL,
        summary text NOT NULL CHECK (length(summary) BETWEEN 1 AND 5000),
        outcome text CHECK (outcome IS NULL OR length(outcome) <= 5000),
        follow_up_due date,
        follow_up_done_at timestamptz,
        created_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL DEFAULT 1
      )`);
    await q.query('CREATE INDEX engagements_case_idx ON engagements (case_id, date DESC)');
    await q.query(
      'CREATE INDEX engagements_follow_up_idx ON engagements (follow_up_due) WHERE follow_up_done_at IS NULL',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE engagements');
    await q.query('DROP TABLE recommendation_status_changes');
    await q.query('DROP TABLE recommendations');
    await q.query('DROP TABLE document_versions');
    await q.query('DROP TABLE document_updates');
    await q.query('DROP TABLE documents');
  }
}
