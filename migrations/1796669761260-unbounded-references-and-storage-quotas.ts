import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Nothing one person can exhaust (issue 15, item 7):
 * - case references grow past four digits (`SIT-2026-9999` → `SIT-2026-10000`): the checks on the
 *   counter and on `cases.reference` no longer stop at 9999, and `case_reference_order` gives the
 *   number order that sorting by reference follows (as text, `SIT-2026-10000` < `SIT-2026-9999`);
 * - indexes for the per-person creation budgets (rows a person created in the last hour) and the
 *   attachment storage quotas (sum of sizes per person, per item and in total).
 */
export class UnboundedReferencesAndStorageQuotas1796669761260 implements MigrationInterface {
  name = 'UnboundedReferencesAndStorageQuotas1796669761260';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      'ALTER TABLE case_reference_counters DROP CONSTRAINT case_reference_counters_last_number_check',
    );
    await q.query(
      `ALTER TABLE case_reference_counters ADD CONSTRAINT case_reference_counters_last_number_check
         CHECK (last_number >= 1)`,
    );
    // Four digits up to 9999 (zero-padded, as before), then the number as it is: one spelling per
    // number, so the unique index still means one case per number.
    await q.query('ALTER TABLE cases DROP CONSTRAINT cases_reference_check');
    await q.query(
      `ALTER TABLE cases ADD CONSTRAINT cases_reference_check
         CHECK (reference ~ '^SIT-[0-9]{4}-([0-9]{4}|[1-9][0-9]{4,9})$')`,
    );
    // Year and number as one bigint (year · 10^10 + number): the allocation order.
    await q.query(`
      CREATE FUNCTION case_reference_order(reference text) RETURNS bigint
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
        RETURN split_part(reference, '-', 2)::bigint * 10000000000 + split_part(reference, '-', 3)::bigint`);
    await q.query(
      'CREATE INDEX cases_reference_order_idx ON cases (case_reference_order(reference), id)',
    );

    // Creation budgets: what one person created in the last hour, newest first.
    await q.query('CREATE INDEX cases_created_by_idx ON cases (created_by, created_at)');
    await q.query(
      'CREATE INDEX information_items_created_by_at_idx ON information_items (created_by, created_at)',
    );
    await q.query(
      'CREATE INDEX escalation_requests_proposed_by_idx ON escalation_requests (proposed_by, created_at)',
    );
    // Attachments: the budget and the person's quota (sum of sizes) from the index alone.
    await q.query(
      `CREATE INDEX information_item_attachments_created_by_idx
         ON information_item_attachments (created_by, created_at) INCLUDE (size_bytes)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    const [long] = (await q.query(
      "SELECT reference FROM cases WHERE reference !~ '^SIT-[0-9]{4}-[0-9]{4}$' LIMIT 1",
    )) as { reference: string }[];
    if (long) {
      throw new Error(
        `Cannot revert: case ${long.reference} has a reference of more than four digits, which the ` +
          'previous schema cannot hold.',
      );
    }
    await q.query('DROP INDEX information_item_attachments_created_by_idx');
    await q.query('DROP INDEX escalation_requests_proposed_by_idx');
    await q.query('DROP INDEX information_items_created_by_at_idx');
    await q.query('DROP INDEX cases_created_by_idx');
    await q.query('DROP INDEX cases_reference_order_idx');
    await q.query('DROP FUNCTION case_reference_order(text)');
    await q.query('ALTER TABLE cases DROP CONSTRAINT cases_reference_check');
    await q.query(
      `ALTER TABLE cases ADD CONSTRAINT cases_reference_check
         CHECK (reference ~ '^SIT-[0-9]{4}-[0-9]{4}$')`,
    );
    // A counter past 9999 with no case holding its numbers (rolled back) goes back to the top.
    await q.query('UPDATE case_reference_counters SET last_number = 9999 WHERE last_number > 9999');
    await q.query(
      'ALTER TABLE case_reference_counters DROP CONSTRAINT case_reference_counters_last_number_check',
    );
    await q.query(
      `ALTER TABLE case_reference_counters ADD CONSTRAINT case_reference_counters_last_number_check
         CHECK (last_number BETWEEN 1 AND 9999)`,
    );
  }
}
