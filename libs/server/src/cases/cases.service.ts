import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { subject } from '@casl/ability';
import {
  clearanceCovers,
  DomainError,
  reviewIntervalDays,
  type Action,
  type Classification,
  type JsonValue,
} from '@vigil/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { abilityToSql } from '../authorization/rules-to-sql.js';
import { decodeKeysetCursor, type Page, toPage } from '../common/pagination.js';
import { type RequestContext, requireActor } from '../common/request-context.js';
import { CreationBudgets } from '../limits/creation-budgets.js';
import { AccessChanges } from '../authorization/access-changes.js';
import { allocateCaseReference } from './case-reference.js';
import { CaseEventsService } from './case-events.service.js';
import { insertCreatorMembership, userStanding } from './case-members.store.js';
import {
  CASE_SQL_FIELDS,
  caseCountsByCountryAndStage,
  caseRowsPage,
  caseSubject,
  findCaseRow,
  insertCase,
  type CaseRow,
  presentCase,
  updateCaseFields,
} from './case.store.js';
import { countryName as countryNameOf, isCountryCode } from './countries.js';
import type { CreateCaseDto, UpdateCaseDto } from './dto/case-input.dto.js';
import type { CaseResponse, CaseStatsResponse } from './dto/case.response.js';
import type { CaseFiltersDto, ListCasesQueryDto } from './dto/list-cases.query.js';
import { caseFilterSql, CASE_SORT_SQL } from './case-filters.js';

/**
 * Country situations: create, read, list, edit (members: CaseMembersService)
 * (docs/architecture.md §6).
 */
@Injectable()
export class CasesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly events: CaseEventsService,
    private readonly access: AccessChanges,
    private readonly budgets: CreationBudgets,
  ) {}

  /**
   * Loads a case the caller may read (else "not found": hidden means absent), optionally locked,
   * and checks `action` on it (403 when readable but not allowed).
   */
  async loadCase(
    manager: EntityManager,
    context: RequestContext,
    id: string,
    action: Action = 'read',
    lock = false,
  ): Promise<CaseRow> {
    const row = await findCaseRow(manager, id, lock);
    if (!row || !context.ability.can('read', subject('Case', caseSubject(row)))) {
      throw new DomainError('not_found', 'No such case.');
    }
    if (action !== 'read' && !context.ability.can(action, subject('Case', caseSubject(row)))) {
      throw new DomainError(
        'forbidden',
        `You may not ${ACTION_WORDS[action] ?? action} this case.`,
      );
    }
    return row;
  }

  /**
   * Loads a record that belongs to a case (an assessment, a recommendation, an engagement) through
   * that case: 404 when the record is missing or its case hidden (alike), 403 when `action` is not
   * allowed on the case. With `lock`, the case row and then the record are locked, in that order
   * everywhere, so writers on one case queue instead of deadlocking.
   */
  async loadRecordOf<Row extends { case_id: string }>(
    m: EntityManager,
    context: RequestContext,
    record: {
      read: (lock: boolean) => Promise<Row | undefined>;
      missing: string;
      action: Action;
      lock: boolean;
    },
  ): Promise<{ row: Row; caseRow: CaseRow }> {
    const notFound = () => new DomainError('not_found', record.missing);
    const found = await record.read(false);
    if (!found) throw notFound();
    let caseRow: CaseRow;
    try {
      caseRow = await this.loadCase(m, context, found.case_id, record.action, record.lock);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'not_found') throw notFound();
      throw error;
    }
    const row = record.lock ? await record.read(true) : found;
    if (!row) throw notFound();
    return { row, caseRow };
  }

  async get(context: RequestContext, id: string): Promise<CaseResponse> {
    return presentCase(await this.loadCase(this.db.manager, context, id));
  }

  async create(context: RequestContext, dto: CreateCaseDto): Promise<CaseResponse> {
    const actor = requireActor(context);
    const classification = dto.classification ?? 'confidential';
    if (!isCountryCode(dto.country)) {
      throw new DomainError('validation_failed', `Unknown country code ${dto.country}.`, [
        { field: 'country', message: 'must be an ISO 3166-1 alpha-3 code such as KEN' },
      ]);
    }
    if (
      !context.ability.can(
        'create',
        subject('Case', {
          id: '',
          classification,
          leadAnalystId: null,
          memberIds: [],
          prioritySituation: false,
        }),
      )
    ) {
      throw new DomainError(
        'forbidden',
        `Your clearance does not allow creating a case classified ${classification}.`,
      );
    }
    const leadAnalystId = dto.leadAnalystId ?? (actor.roles.includes('analyst') ? actor.id : null);
    const id = await this.db.transaction(async (m) => {
      // Budget before the reference counter: a refused creation never queues behind the counter.
      await this.budgets.spend(m, actor.id, 'case');
      if (leadAnalystId) await assertCanLead(m, leadAnalystId, classification);
      const reference = await allocateCaseReference(m);
      const caseId = await insertCase(m, {
        reference,
        title: dto.title,
        country: dto.country,
        summary: dto.summary,
        classification,
        leadAnalystId,
        createdBy: actor.id,
        reviewIntervalDays: reviewIntervalDays('monitoring'),
      });
      if (leadAnalystId !== actor.id) {
        const role = actor.roles.includes('adviser') ? 'adviser' : 'analyst';
        await insertCreatorMembership(m, caseId, actor.id, role);
      }
      const diff = {
        reference,
        title: dto.title,
        country: dto.country,
        classification,
        leadAnalystId,
      };
      await this.events.record(m, context, caseId, {
        type: 'case.created',
        toStage: 'monitoring',
        payload: diff,
      });
      this.audit.append(m, context, {
        action: 'case.create',
        entity: 'case',
        entityId: caseId,
        caseId,
        diff,
      });
      return caseId;
    });
    return this.get(context, id);
  }

  /**
   * Edits a case, each field by its own right (a member edits the text; changing who leads it or
   * how it is classified decides who may read it, so those need more). A change of lead or
   * classification re-checks every open socket on the case.
   */
  async update(context: RequestContext, id: string, dto: UpdateCaseDto): Promise<CaseResponse> {
    const written = await this.db.transaction(async (m): Promise<CaseRow | null> => {
      const row = await this.loadCase(m, context, id, 'read', true);
      const may = (action: Action) =>
        context.ability.can(action, subject('Case', caseSubject(row)));
      if (!may('update') && !may('manageMembers') && !may('reclassify')) {
        throw new DomainError('forbidden', 'You may not edit this case.');
      }
      if (row.version !== dto.version) {
        throw new DomainError(
          'stale_version',
          `This case was changed by someone else (now version ${row.version}). Reload and apply your change again.`,
          {
            currentVersion: row.version,
          },
        );
      }
      const actor = requireActor(context);
      const need = (action: Action, field: string, words: string) => {
        if (!may(action))
          throw new DomainError('forbidden', `You may not ${words} this case.`, [
            { field, message: `needs the right to ${words} the case` },
          ]);
      };
      const diff: Record<string, JsonValue> = {};
      if (dto.title !== undefined && dto.title !== row.title) {
        need('update', 'title', 'edit the title of');
        diff.title = { from: row.title, to: dto.title };
      }
      if (dto.summary !== undefined && dto.summary !== row.summary) {
        need('update', 'summary', 'edit the summary of');
        diff.summary = { from: row.summary, to: dto.summary };
      }
      const classification = dto.classification ?? row.classification;
      const reclassified = classification !== row.classification;
      if (reclassified) {
        need('reclassify', 'classification', 'change the classification of');
        if (!clearanceCovers(actor.clearance, classification)) {
          throw new DomainError(
            'forbidden',
            `Your clearance does not allow classifying a case ${classification}.`,
            [{ field: 'classification', message: 'above your clearance' }],
          );
        }
        diff.classification = { from: row.classification, to: classification };
      }
      if (dto.leadAnalystId !== undefined && dto.leadAnalystId !== row.lead_analyst_id) {
        need('manageMembers', 'leadAnalystId', 'change the lead analyst of');
        await assertCanLead(m, dto.leadAnalystId, dto.classification ?? row.classification);
        diff.leadAnalystId = { from: row.lead_analyst_id, to: dto.leadAnalystId };
      }
      if (Object.keys(diff).length === 0) return null;
      await updateCaseFields(m, id, {
        title: dto.title ?? row.title,
        summary: dto.summary ?? row.summary,
        classification: dto.classification ?? row.classification,
        leadAnalystId: dto.leadAnalystId ?? row.lead_analyst_id,
      });
      await this.events.record(m, context, id, {
        type: 'case.updated',
        payload: { fields: Object.keys(diff) },
      });
      if (reclassified) {
        await this.events.record(m, context, id, {
          type: 'case.reclassified',
          payload: { from: row.classification, to: classification },
        });
      }
      if (reclassified || diff.leadAnalystId) await this.access.announce(m, { caseId: id });
      this.audit.append(m, context, {
        action: 'case.update',
        entity: 'case',
        entityId: id,
        caseId: id,
        diff,
      });
      return (await findCaseRow(m, id)) ?? null;
    });
    // Someone who gave the lead away may no longer read the case: they get what they wrote.
    return this.get(context, id).catch((error: unknown) => {
      if (written && error instanceof DomainError && error.code === 'not_found')
        return presentCase(written);
      throw error;
    });
  }

  /** Cases the caller may read, filtered, sorted and keyset-paged in SQL. */
  async list(context: RequestContext, query: ListCasesQueryDto): Promise<Page<CaseResponse>> {
    const limit = query.limit ?? 50;
    const sort = CASE_SORT_SQL[query.sort ?? 'updatedAt'];
    const order = query.order ?? (query.sort && query.sort !== 'updatedAt' ? 'asc' : 'desc');
    const after = query.cursor ? decodeKeysetCursor(query.cursor, [sort.part, 'uuid']) : undefined;
    const rows = await caseRowsPage(this.db, this.filters(context, query, true), {
      sort,
      order,
      fetch: limit + 1,
      after,
    });
    return toPage(
      rows,
      limit,
      (r) => presentCase(r),
      (r) => [sort.cursorValue(r), r.id],
    );
  }

  /** Counts per stage and per country under the same filters (stage aside), for the list and map. */
  async stats(context: RequestContext, query: CaseFiltersDto): Promise<CaseStatsResponse> {
    const rows = await caseCountsByCountryAndStage(this.db, this.filters(context, query, false));
    return summariseCounts(rows);
  }

  private filters(context: RequestContext, query: CaseFiltersDto, withStage: boolean) {
    const acl = abilityToSql(context.ability, 'read', 'Case', CASE_SQL_FIELDS);
    const filter = caseFilterSql(query, withStage);
    return { where: [acl.sql, ...filter.where], params: { ...acl.params, ...filter.params } };
  }
}

const ACTION_WORDS: Partial<Record<Action, string>> = {
  update: 'edit',
  manageMembers: 'change the members of',
  propose: 'propose a move of',
  approve: 'decide proposals on',
  review: 'record a review of',
  reopen: 'reopen',
};

// A lead analyst must be an active analyst cleared for the case.
async function assertCanLead(
  m: EntityManager,
  userId: string,
  classification: Classification,
): Promise<void> {
  const user = await userStanding(m, userId);
  const problem = !user
    ? 'no user has this id'
    : !user.active || !user.roles.includes('analyst')
      ? 'the lead must be an active analyst'
      : !clearanceCovers(user.clearance, classification)
        ? `their clearance is below the case's classification (${classification})`
        : null;
  if (problem)
    throw new DomainError('validation_failed', `Cannot make them lead analyst: ${problem}.`, [
      { field: 'leadAnalystId', message: problem },
    ]);
}

const STAGE_ORDER = ['closed', 'monitoring', 'alert', 'recommendation', 'mobilisation'] as const;

function summariseCounts(rows: { country: string; stage: string; n: number }[]): CaseStatsResponse {
  const byStage = { monitoring: 0, alert: 0, recommendation: 0, mobilisation: 0, closed: 0 };
  const countries = new Map<string, { total: number; highest: number }>();
  let total = 0;
  for (const r of rows) {
    byStage[r.stage as keyof typeof byStage] += r.n;
    total += r.n;
    const entry = countries.get(r.country) ?? { total: 0, highest: 0 };
    entry.total += r.n;
    entry.highest = Math.max(
      entry.highest,
      STAGE_ORDER.indexOf(r.stage as (typeof STAGE_ORDER)[number]),
    );
    countries.set(r.country, entry);
  }
  return {
    byStage,
    total,
    byCountry: [...countries.entries()].map(([country, e]) => ({
      country,
      countryName: countryNameOf(country),
      total: e.total,
      highestStage: STAGE_ORDER[e.highest] ?? 'monitoring',
    })),
  };
}
