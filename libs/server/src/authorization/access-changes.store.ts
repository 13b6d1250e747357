import type { EntityManager } from 'typeorm';

/**
 * Queues an "access" outbox event: the sockets of one person (`userId`) or of everyone in one
 * case's rooms (`caseId`) are checked again once the transaction commits.
 */
export async function insertAccessEvent(
  m: EntityManager,
  caseId: string | null,
  userId: string | null,
): Promise<void> {
  await m.query(`INSERT INTO outbox_events (topic, case_id, user_id) VALUES ('access', $1, $2)`, [
    caseId,
    userId,
  ]);
}
