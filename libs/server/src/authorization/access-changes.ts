import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { insertAccessEvent } from './access-changes.store.js';

/** Whose access to rooms must be checked again: one person, or everyone in one case's rooms. */
export type AccessChange = { userId: string } | { caseId: string };

/**
 * Announces, inside the transaction that changed someone's access (membership, clearance, roles,
 * deactivation, unsharing), that open sockets must be re-checked. It travels by the outbox, so it
 * takes effect once committed, on every api instance.
 */
@Injectable()
export class AccessChanges {
  async announce(manager: EntityManager, change: AccessChange): Promise<void> {
    if ('caseId' in change) await insertAccessEvent(manager, change.caseId, null);
    else await insertAccessEvent(manager, null, change.userId);
  }
}
