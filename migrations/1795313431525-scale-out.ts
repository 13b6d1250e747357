import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Several api instances on one database (issue 7): the table in which @socket.io/postgres-adapter
 * keeps a broadcast too large for a NOTIFY payload (8000 bytes) or holding bytes, read by the other
 * instances and deleted by the adapter after 30 seconds.
 */
export class ScaleOut1795313431525 implements MigrationInterface {
  name = 'ScaleOut1795313431525';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE socket_io_attachments (
        id bigserial UNIQUE,
        created_at timestamptz DEFAULT now(),
        payload bytea
      )`);
    await q.query(
      'CREATE INDEX socket_io_attachments_created_idx ON socket_io_attachments (created_at)',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE socket_io_attachments');
  }
}
