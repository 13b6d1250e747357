import type { Action } from '@vigil/domain';
import type { EntityManager } from 'typeorm';
import { isUuid } from '../common/ids.js';
import type { RequestContext } from '../common/request-context.js';
import type { Db } from '../database/named-query.js';
import type { CaseRow } from './case.store.js';
import type { CasesService } from './cases.service.js';

/** How one kind of case record is read: its statement, the alias it locks, its 404 words. */
export interface CaseRecordKind {
  /** `SELECT … FROM …` over the record's table under `alias`, without WHERE. */
  select: string;
  /** The alias of the record's table in `select`; `FOR UPDATE OF` locks only that row. */
  alias: string;
  /** The 404 message, alike whether the record is missing or its case hidden ("No such …."). */
  missing: string;
}

/**
 * The records of one kind that belong to a case (assessments, recommendations, …), reached
 * through that case: by id (404 unless a UUID of a record whose case the caller may read), with
 * `action` checked on the case (403), and with `lock` the case row then the record locked, in that
 * order everywhere (CasesService.loadRecordOf), so writers on one case queue instead of deadlocking.
 */
export class CaseRecords<Row extends { case_id: string }> {
  constructor(
    private readonly cases: CasesService,
    private readonly kind: CaseRecordKind,
  ) {}

  /** Loads the record through its case (404/403 as above), locking case then record with `lock`. */
  async loadFor(
    m: EntityManager,
    context: RequestContext,
    id: string,
    action: Action,
    lock = false,
  ): Promise<{ row: Row; caseRow: CaseRow }> {
    return this.cases.loadRecordOf(m, context, {
      read: (lockRow) => (isUuid(id) ? this.row(m, id, lockRow) : Promise.resolve(undefined)),
      missing: this.kind.missing,
      action,
      lock,
    });
  }

  /** One record by id, no access check (the id must be a UUID); with `lock`, its row locked. */
  async row(db: Db, id: string, lock = false): Promise<Row | undefined> {
    const { select, alias } = this.kind;
    const rows = (await db.query(
      `${select} WHERE ${alias}.id = $1 ${lock ? `FOR UPDATE OF ${alias}` : ''}`,
      [id],
    )) as Row[];
    return rows[0];
  }
}
