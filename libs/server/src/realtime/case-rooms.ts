import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { subject } from '@casl/ability';
import { defineAbilitiesFor } from '@vigil/domain';
import type { DataSource } from 'typeorm';
import { caseSubject, findCaseRow } from '../cases/case.store.js';
import type { Actor } from '../common/request-context.js';

/** Which part of a case's feed a person receives: everything, or the Framework Team's view. */
export type CaseView = 'office' | 'framework_team';

/** The Socket.IO room of one view of a case. */
export function caseRoom(caseId: string, view: CaseView): string {
  return view === 'office' ? `case:${caseId}` : `case:${caseId}:ft`;
}

/** The case and view of a case room's name, or null for any other room. */
export function parseCaseRoom(room: string): { caseId: string; view: CaseView } | null {
  const match = /^case:([0-9a-f-]{36})(:ft)?$/.exec(room);
  if (!match?.[1]) return null;
  return { caseId: match[1], view: match[2] ? 'framework_team' : 'office' };
}

/** The room of one person's sockets (notifications, access changes). */
export function userRoom(userId: string): string {
  return `user:${userId}`;
}

/**
 * Decides which room of a case a person may join, with the same rules as `GET /api/cases/:id`
 * (Office) and `GET /api/priority-situations/:id` (Framework Team). Null: may not (or no such case).
 */
@Injectable()
export class CaseRooms {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async viewFor(actor: Actor, caseId: string): Promise<CaseView | null> {
    const row = await findCaseRow(this.db, caseId);
    if (!row) return null;
    const ability = defineAbilitiesFor({ ...actor, active: true });
    // subject() tags the object it is given, so each check gets its own.
    if (ability.can('read', subject('Case', caseSubject(row)))) return 'office';
    if (ability.can('read', subject('PrioritySituation', caseSubject(row))))
      return 'framework_team';
    return null;
  }
}
