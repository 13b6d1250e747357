import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { subject } from '@casl/ability';
import { describeGrade, DomainError, type Action, type JsonValue } from '@vigil/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { abilityToSql } from '../authorization/rules-to-sql.js';
import { CaseEventsService } from '../cases/case-events.service.js';
import { toPage, type Page } from '../common/pagination.js';
import { type RequestContext, requireActor } from '../common/request-context.js';
import { CreationBudgets } from '../limits/creation-budgets.js';
import type { CreateItemDto, UpdateItemDto } from './dto/item-input.dto.js';
import type { ItemCountResponse, ItemResponse, ItemSummaryResponse } from './dto/item.response.js';
import { SOURCE_SQL_FIELDS } from './item-access.sql.js';
import {
  assertIndicators,
  assertItemValues,
  assertLinkableCases,
  assertRequired,
  citableSource,
} from './item-references.js';
import {
  findItemRow,
  insertItem,
  itemSubject,
  presentItemSource,
  editableValues,
  presentScalars,
  presentSearchRow,
  SCALAR_COLUMNS,
  updateItem,
  type ItemRow,
  type ScalarField,
} from './item.store.js';
import { deleteItemCaseLinks, insertItemCaseLink, setItemIndicators } from './item-links.store.js';
import {
  countItems,
  searchItems,
  type ItemSearchFilters,
  type ItemSearchRow,
} from './item-search.store.js';
import { ItemDetailsService } from './item-details.service.js';
import { SourceStore } from '../sources/source.store.js';

/** Counting stops here: "1,000+" is all a reader needs, and counting further costs. */
export const COUNT_CAP = 1_000;

/** The precursor database: information items, links, tags and search (docs/architecture.md §8). */
@Injectable()
export class InformationItemsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly events: CaseEventsService,
    private readonly details: ItemDetailsService,
    private readonly sources: SourceStore,
    private readonly budgets: CreationBudgets,
  ) {}

  /** An item the caller may read (else "not found"), optionally locked, checked for `action`. */
  async loadItem(
    m: EntityManager,
    context: RequestContext,
    id: string,
    action: Action = 'read',
    lock = false,
  ): Promise<ItemRow> {
    const row = await findItemRow(m, id, lock);
    if (!row || !context.ability.can('read', subject('InformationItem', itemSubject(row)))) {
      throw new DomainError('not_found', 'No such information item.');
    }
    if (
      action !== 'read' &&
      !context.ability.can(action, subject('InformationItem', itemSubject(row)))
    ) {
      throw new DomainError('forbidden', 'You may not edit this information item.');
    }
    return row;
  }

  async get(context: RequestContext, id: string): Promise<ItemResponse> {
    const row = await this.loadItem(this.db.manager, context, id);
    return this.present(this.db.manager, context, row);
  }

  async create(context: RequestContext, dto: CreateItemDto): Promise<ItemResponse> {
    assertRequired(dto);
    const actor = requireActor(context);
    const classification = dto.classification ?? 'confidential';
    assertItemValues(context, {
      country: dto.country,
      classification,
      eventType: dto.eventType ?? null,
      eventSubtype: dto.eventSubtype ?? null,
      latitude: dto.latitude ?? null,
      longitude: dto.longitude ?? null,
    });
    const indicatorIds = unique(dto.indicatorIds ?? []);
    const caseIds = unique(dto.caseIds ?? []);
    const id = await this.db.transaction(async (m) => {
      await this.budgets.spend(m, actor.id, 'item');
      await assertIndicators(m, indicatorIds);
      await assertLinkableCases(m, context, caseIds);
      const source = await citableSource(m, context, dto.sourceId);
      const itemId = await insertItem(m, {
        title: dto.title,
        description: dto.description,
        country: dto.country,
        adminArea: dto.adminArea ?? null,
        placeName: dto.placeName ?? null,
        latitude: dto.latitude ?? null,
        longitude: dto.longitude ?? null,
        eventDate: dto.eventDate,
        receivedDate: dto.receivedDate ?? null,
        kind: dto.kind,
        crimeTypes: unique(dto.crimeTypes ?? []),
        affectedGroups: unique(dto.affectedGroups ?? []),
        sourceId: source.id,
        sourceReliability: source.reliability,
        credibility: dto.credibility,
        consent: dto.consent,
        classification,
        eventType: dto.eventType ?? null,
        eventSubtype: dto.eventSubtype ?? null,
        actorTypes: unique(dto.actorTypes ?? []),
        timePrecision: dto.timePrecision ?? null,
        geoPrecision: dto.geoPrecision ?? null,
        createdBy: actor.id,
      });
      await setItemIndicators(m, itemId, indicatorIds);
      await this.linkCases(m, context, itemId, caseIds);
      this.audit.append(m, context, {
        action: 'information.create',
        entity: 'information_item',
        entityId: itemId,
        caseId: null,
        // The source is named by id only: identities stay out of the audit diff too.
        diff: {
          title: dto.title ?? null,
          country: dto.country ?? null,
          kind: dto.kind ?? null,
          classification,
          grade: `${source.reliability}${dto.credibility}`,
          sourceId: source.id,
          caseIds,
          indicatorIds,
        },
      });
      return itemId;
    });
    return this.get(context, id);
  }

  async update(context: RequestContext, id: string, dto: UpdateItemDto): Promise<ItemResponse> {
    await this.db.transaction(async (m) => {
      const row = await this.loadItem(m, context, id, 'update', true);
      if (row.version !== dto.version) {
        throw new DomainError(
          'stale_version',
          `This item was changed by someone else (now version ${row.version}). Reload and apply your change again.`,
          { currentVersion: row.version },
        );
      }
      const current: Record<ScalarField, JsonValue> = editableValues(row);
      const next = { ...current };
      const diff: Record<string, JsonValue> = {};
      for (const field of Object.keys(SCALAR_COLUMNS) as ScalarField[]) {
        const given = dto[field];
        if (given === undefined) continue;
        if (given === null && REQUIRED.has(field)) continue;
        const value = (Array.isArray(given) ? unique(given) : given) as JsonValue;
        if (JSON.stringify(value) !== JSON.stringify(current[field])) {
          diff[field] = { from: current[field], to: value };
          next[field] = value;
        }
      }
      assertItemValues(context, {
        country: next.country as string,
        classification: next.classification as ItemRow['classification'],
        eventType: next.eventType as string | null,
        eventSubtype: next.eventSubtype as string | null,
        latitude: next.latitude as number | null,
        longitude: next.longitude as number | null,
      });
      let reliability = row.source_reliability;
      if (dto.sourceId !== undefined) {
        // Checked even when unchanged: answering "fine" for the item's own protected source and
        // "no such source" for another would tell which source it cites.
        const cited = await citableSource(m, context, dto.sourceId);
        if (dto.sourceId !== row.source_id) {
          reliability = cited.reliability;
          diff.sourceId = { from: row.source_id, to: dto.sourceId };
        }
      }
      const indicatorIds = dto.indicatorIds === undefined ? null : unique(dto.indicatorIds);
      if (indicatorIds && !sameSet(indicatorIds, row.indicator_ids)) {
        await assertIndicators(m, indicatorIds);
        await setItemIndicators(m, id, indicatorIds);
        diff.indicatorIds = { from: row.indicator_ids, to: indicatorIds };
      }
      if (dto.caseIds !== undefined) {
        // The caller edits the links they can see: links to cases hidden from them stay as they
        // are, and are never named back to them.
        const visible = (await this.details.readableCaseLinks(m, context, row.case_ids)).map(
          (link) => link.id,
        );
        const wanted = unique(dto.caseIds);
        // Every id sent must be a case the caller may read, linked or not: a hidden case that
        // happens to be linked answers as one that does not exist.
        await assertLinkableCases(
          m,
          context,
          wanted.filter((c) => !visible.includes(c)),
        );
        const added = wanted.filter((c) => !row.case_ids.includes(c));
        const removed = visible.filter((c) => !wanted.includes(c));
        if (added.length > 0 || removed.length > 0) {
          await deleteItemCaseLinks(m, id, removed);
          await this.linkCases(m, context, id, added);
          diff.caseIds = { added, removed };
        }
      }
      if (Object.keys(diff).length === 0) return;
      await updateItem(
        m,
        id,
        next,
        { id: dto.sourceId ?? row.source_id, reliability },
        requireActor(context).id,
      );
      this.audit.append(m, context, {
        action: 'information.update',
        entity: 'information_item',
        entityId: id,
        caseId: null,
        diff,
      });
    });
    return this.get(context, id);
  }

  /** One page of the items the caller may read, searched and filtered in SQL. */
  async list(
    context: RequestContext,
    filters: ItemSearchFilters,
  ): Promise<Page<ItemSummaryResponse>> {
    const { rows, limit } = await searchItems(this.db, context.ability, filters);
    return toPage(
      rows,
      limit,
      (r) => presentSearchRow(r, this.sourceName(r)),
      (r) => [r.sort_key, r.id],
    );
  }

  /** How many items the caller may read match the filters, up to COUNT_CAP. */
  async count(context: RequestContext, filters: ItemSearchFilters): Promise<ItemCountResponse> {
    const n = await countItems(this.db, context.ability, filters, COUNT_CAP + 1);
    return { total: Math.min(n, COUNT_CAP), capped: n > COUNT_CAP };
  }

  /** The full response for one readable row. */
  async present(m: EntityManager, context: RequestContext, row: ItemRow): Promise<ItemResponse> {
    const acl = abilityToSql(context.ability, 'read', 'Source', SOURCE_SQL_FIELDS);
    const source = await this.sources.knownSource(m, acl, row.source_id);
    const [attachments, speechAssessment, caseLinks] = await Promise.all([
      this.details.attachments(m, row.id),
      this.details.speechAssessment(m, row.id),
      this.details.readableCaseLinks(m, context, row.case_ids),
    ]);
    const grade = `${row.source_reliability}${row.credibility}`;
    return {
      ...presentScalars(row),
      source: presentItemSource(row.source_reliability, source),
      grade,
      gradeMeaning: describeGrade(grade),
      indicatorIds: row.indicator_ids,
      cases: caseLinks,
      titleHighlight: [{ text: row.title, match: false }],
      snippet: [],
      attachments,
      speechAssessment,
      createdBy: { id: row.created_by, displayName: row.author_name },
      canEdit: context.ability.can('update', subject('InformationItem', itemSubject(row))),
    };
  }

  /** The decrypted name of a search row's source, when the row carries its identity. */
  private sourceName(row: ItemSearchRow): string | null {
    if (row.source_key_id === null || row.source_name_enc === null) return null;
    return this.sources.nameOf({
      id: row.source_id,
      key_id: row.source_key_id,
      name_enc: row.source_name_enc,
    });
  }

  /** Links the item to cases; each case's timeline records it (payload: the item id only). */
  private async linkCases(
    m: EntityManager,
    context: RequestContext,
    itemId: string,
    caseIds: string[],
  ): Promise<void> {
    for (const caseId of caseIds) {
      await insertItemCaseLink(m, itemId, caseId, context.actor?.id ?? null);
      await this.events.record(m, context, caseId, {
        type: 'information.linked',
        payload: { itemId },
      });
    }
  }
}

const REQUIRED = new Set<ScalarField>([
  'title',
  'description',
  'country',
  'eventDate',
  'kind',
  'credibility',
  'consent',
  'classification',
  'crimeTypes',
  'affectedGroups',
  'actorTypes',
]);

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}
