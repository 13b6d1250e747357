import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Appending to the audit chain in one round trip (issue 3's benchmark): `audit_append` takes the
 * chain's lock, reads the tip, computes the entry's hash and inserts it, where the api used to send
 * three statements while holding the lock that every writer in the system queues on.
 *
 * The hash is the one DESIGN §9 defines and `chainHash` computes: sha256 of the previous hash, a
 * newline and the canonical JSON of the entry, whose last key is `seq`. The api sends the canonical
 * JSON of everything but `seq` (only the database knows the next number); the function closes it
 * with `,"seq":"N"}`. Earlier entries verify unchanged.
 */
export class AuditAppend1796567112777 implements MigrationInterface {
  name = 'AuditAppend1796567112777';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION audit_append(
        p_at timestamptz, p_actor_id uuid, p_action text, p_entity text, p_entity_id text,
        p_case_id uuid, p_diff jsonb, p_request_id text, p_canonical_without_seq text
      ) RETURNS bigint LANGUAGE plpgsql VOLATILE AS $$
      DECLARE
        tip_seq bigint;
        tip_hash text;
        next_seq bigint;
      BEGIN
        -- One writer at a time until its transaction ends (the key AuditService took before).
        PERFORM pg_advisory_xact_lock(7316001);
        -- A statement of its own after the lock: under READ COMMITTED its snapshot holds every
        -- entry committed before the lock was granted, so the tip is the real one.
        SELECT seq, hash INTO tip_seq, tip_hash FROM audit_log ORDER BY seq DESC LIMIT 1;
        next_seq := coalesce(tip_seq, 0) + 1;
        tip_hash := coalesce(tip_hash, repeat('0', 64));
        INSERT INTO audit_log (seq, at, actor_id, action, entity, entity_id, case_id, diff,
                               request_id, prev_hash, hash)
        VALUES (next_seq, p_at, p_actor_id, p_action, p_entity, p_entity_id, p_case_id, p_diff,
                p_request_id, tip_hash,
                encode(sha256(convert_to(
                  tip_hash || E'\\n' || left(p_canonical_without_seq, -1)
                    || ',"seq":"' || next_seq || '"}', 'UTF8')), 'hex'));
        RETURN next_seq;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      'DROP FUNCTION audit_append(timestamptz, uuid, text, text, text, uuid, jsonb, text, text)',
    );
  }
}
