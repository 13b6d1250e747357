import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sign-in failures slow down the address that makes them instead of locking the account (issue
 * 15, item 8). One row per (e-mail as typed, client address; an IPv6 address by its /64): the
 * attempts since the last success from there, the wait before the next one, and the failures that
 * count toward a hard lock (many failures from many addresses). Unknown e-mails get rows too, so
 * the answers never tell which e-mails have accounts. A success from an address deletes its row;
 * rows older than the failure window are forgotten. `users.failed_logins` (the old per-account
 * counter that let anyone lock anyone out) goes; `users.locked_until` stays for the hard lock.
 */
export class SignInThrottle1796669747509 implements MigrationInterface {
  name = 'SignInThrottle1796669747509';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE login_throttles (
        email text NOT NULL CHECK (length(email) <= 254),
        address text NOT NULL CHECK (length(address) <= 64),
        attempts int NOT NULL CHECK (attempts >= 0),
        failures int NOT NULL DEFAULT 0 CHECK (failures >= 0),
        blocked_until timestamptz,
        last_attempt_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (email, address)
      )`);
    await q.query(
      'CREATE INDEX login_throttles_last_attempt_idx ON login_throttles (last_attempt_at)',
    );
    await q.query('ALTER TABLE users DROP COLUMN failed_logins');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE users ADD COLUMN failed_logins int NOT NULL DEFAULT 0');
    await q.query('DROP TABLE login_throttles');
  }
}
