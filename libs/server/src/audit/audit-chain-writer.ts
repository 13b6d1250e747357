import {
  EventSubscriber,
  type EntitySubscriberInterface,
  type QueryRunner,
  type TransactionCommitEvent,
  type TransactionRollbackEvent,
  type TransactionStartEvent,
} from 'typeorm';
import type { UnnumberedFields } from './audit-chain.js';
import { auditAppendQuery } from './audit-chain.store.js';

export { auditAppendQuery };

/** A transaction's audit entries not yet written, and where each nested level began. */
interface PendingEntries {
  entries: UnnumberedFields[];
  levelStarts: number[];
}

const pendingByRunner = new WeakMap<QueryRunner, PendingEntries>();

/** Queues an entry to be written when `runner`'s transaction commits, or dropped if it rolls back. */
export function queueAuditEntry(runner: QueryRunner | undefined, entry: UnnumberedFields): void {
  const pending = runner && pendingByRunner.get(runner);
  if (!runner?.isTransactionActive || !pending || pending.levelStarts.length === 0) {
    throw new Error('AuditService.append must run inside the transaction of the change it records');
  }
  pending.entries.push(entry);
}

/**
 * Writes each transaction's audit entries as its last statements, just before COMMIT. Every writer
 * in the system queues on the chain's lock, held from the append to the commit, so the entries go
 * last, in one round trip each: the lock is then held for about one round trip and the commit,
 * not for the rest of the transaction (bench/workflow).
 */
@EventSubscriber()
export class AuditChainSubscriber implements EntitySubscriberInterface {
  afterTransactionStart({ queryRunner }: TransactionStartEvent): void {
    const pending = pendingByRunner.get(queryRunner) ?? { entries: [], levelStarts: [] };
    pending.levelStarts.push(pending.entries.length);
    pendingByRunner.set(queryRunner, pending);
  }

  async beforeTransactionCommit({ queryRunner }: TransactionCommitEvent): Promise<void> {
    const pending = pendingByRunner.get(queryRunner);
    // A savepoint's entries stay queued for the outer commit.
    if (!pending || pending.levelStarts.length !== 1 || pending.entries.length === 0) return;
    const entries = pending.entries.splice(0);
    // One after another: node-postgres deprecates a query sent while another is running.
    for (const entry of entries) {
      const { text, values } = auditAppendQuery(entry);
      await queryRunner.query(text, values);
    }
  }

  afterTransactionCommit({ queryRunner }: TransactionCommitEvent): void {
    pendingByRunner.get(queryRunner)?.levelStarts.pop();
  }

  afterTransactionRollback({ queryRunner }: TransactionRollbackEvent): void {
    const pending = pendingByRunner.get(queryRunner);
    if (!pending) return;
    const start = pending.levelStarts.pop() ?? 0;
    pending.entries.length = Math.min(pending.entries.length, start);
  }
}
