import type { EntityManager } from 'typeorm';

/** Something that runs SQL: the data source's manager or a transaction's. */
type Queryable = Pick<EntityManager, 'query'>;

/** How sign-in attempts from one address on one account are slowed (AppConfig's LOGIN_*). */
export interface ThrottleSettings {
  maxFailures: number;
  delaySeconds: number;
  delayMaxSeconds: number;
  windowMinutes: number;
}

/** The failures counting toward a hard lock of one e-mail, within the window. */
export interface LockTally {
  addresses: number;
  failures: number;
}

// The attempts after this one: the count restarts once an address has been quiet for the window.
const NEXT_ATTEMPTS = `CASE WHEN t.last_attempt_at < now() - make_interval(mins => $6)
  THEN 1 ELSE t.attempts + 1 END`;

// The wait an address must keep before its next attempt once it has made `n` attempts since its
// last success: none below LOGIN_MAX_FAILURES, then the first delay doubling up to the longest.
const waitAfter = (n: string) => `CASE WHEN ${n} >= $3 THEN now() + make_interval(secs =>
  LEAST($5::float8, $4::float8 * power(2, LEAST(${n} - $3, 30)))) END`;

/**
 * Claims one sign-in attempt from `address` on `email` (known or not: the answer never depends on
 * it). The claim counts the attempt and, from LOGIN_MAX_FAILURES on, sets the wait before the
 * next one as if this attempt fails (a success clears it), in one statement under the row's lock:
 * concurrent attempts cannot slip through one opening together. Returns null when the attempt may
 * go ahead, otherwise the whole seconds to wait.
 */
export async function claimAttempt(
  q: Queryable,
  email: string,
  address: string,
  s: ThrottleSettings,
): Promise<{ retryAfterSeconds: number } | null> {
  const claimed = (await q.query(
    `INSERT INTO login_throttles AS t (email, address, attempts, blocked_until, last_attempt_at)
     VALUES ($1, $2, 1, ${waitAfter('1')}, now())
     ON CONFLICT (email, address) DO UPDATE SET
       attempts = ${NEXT_ATTEMPTS},
       failures = CASE WHEN t.last_attempt_at < now() - make_interval(mins => $6)
         THEN 0 ELSE t.failures END,
       blocked_until = ${waitAfter(NEXT_ATTEMPTS)},
       last_attempt_at = now()
     WHERE t.blocked_until IS NULL OR t.blocked_until <= now()
     RETURNING attempts`,
    [email, address, s.maxFailures, s.delaySeconds, s.delayMaxSeconds, s.windowMinutes],
  )) as unknown[];
  if (claimed.length > 0) return null;
  const [row] = (await q.query(
    `SELECT ceil(extract(epoch FROM blocked_until - now()))::int AS wait
     FROM login_throttles WHERE email = $1 AND address = $2`,
    [email, address],
  )) as { wait: number | null }[];
  return { retryAfterSeconds: Math.max(1, row?.wait ?? 1) };
}

/**
 * Counts a wrong password from `address` toward a hard lock of `email`, forgets a few rows older
 * than the window, and returns the tally across every address.
 */
export async function countFailure(
  q: Queryable,
  email: string,
  address: string,
  windowMinutes: number,
): Promise<LockTally> {
  await q.query(
    'UPDATE login_throttles SET failures = failures + 1 WHERE email = $1 AND address = $2',
    [email, address],
  );
  await q.query(
    `DELETE FROM login_throttles WHERE ctid = ANY(ARRAY(SELECT ctid FROM login_throttles
       WHERE last_attempt_at < now() - make_interval(mins => $1) LIMIT 100))`,
    [windowMinutes],
  );
  const [tally] = (await q.query(
    `SELECT count(*) FILTER (WHERE failures > 0)::int AS addresses,
       coalesce(sum(failures), 0)::int AS failures
     FROM login_throttles
     WHERE email = $1 AND last_attempt_at >= now() - make_interval(mins => $2)`,
    [email, windowMinutes],
  )) as LockTally[];
  return tally ?? { addresses: 0, failures: 0 };
}

/** A right password from `address`: its attempts and wait are forgotten (others' are not). */
export async function forgetAddress(q: Queryable, email: string, address: string): Promise<void> {
  await q.query('DELETE FROM login_throttles WHERE email = $1 AND address = $2', [email, address]);
}

/**
 * Starts the count toward a hard lock afresh (the account was just locked, unlocked by an
 * administrator, or given a new password). The waits of each address stay.
 */
export async function resetLockTally(q: Queryable, email: string): Promise<void> {
  await q.query('UPDATE login_throttles SET failures = 0 WHERE email = $1 AND failures > 0', [
    email,
  ]);
}
