import { subject } from '@casl/ability';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainError, frameworkTeamView, type CaseFeedEvent } from '@vigil/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { abilityToSql } from '../authorization/rules-to-sql.js';
import { CaseEventsService } from '../cases/case-events.service.js';
import { CASE_SQL_FIELDS, caseSubject, findCaseRow, type CaseRow } from '../cases/case.store.js';
import type { CaseEventPageResponse, CaseEventResponse } from '../cases/dto/case-event.response.js';
import { decodeKeysetCursor, type PageQueryDto, toPage } from '../common/pagination.js';
import type { RequestContext } from '../common/request-context.js';
import type {
  PrioritySituationPageResponse,
  PrioritySituationResponse,
} from './dto/priority-situation.response.js';
import { endorsementCounts, myEndorsements } from './endorsements.store.js';
import { approvedRecommendations, prioritySituationRows } from './priority-situations.store.js';

/** Timeline entries read per round when skipping those the Framework Team may not see. */
const EVENT_BATCH = 200;
/** Rounds per request: a page may come back short, with a cursor to continue from. */
const EVENT_ROUNDS = 10;

/**
 * The Framework Team's restricted view of the priority situations shared with it
 * (docs/architecture.md §5).
 */
@Injectable()
export class PrioritySituationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly events: CaseEventsService,
  ) {}

  /**
   * Loads a priority situation the caller may read through the restricted view; anyone else, the
   * Office included (they have the full case), gets "not found".
   */
  async loadSituation(
    manager: EntityManager,
    context: RequestContext,
    id: string,
    lock = false,
  ): Promise<CaseRow> {
    const row = await findCaseRow(manager, id, lock);
    if (!row || !context.ability.can('read', subject('PrioritySituation', caseSubject(row))))
      throw new DomainError('not_found', 'No such priority situation.');
    return row;
  }

  /** Priority situations the caller may read, most recently updated first, filtered in SQL. */
  async list(context: RequestContext, query: PageQueryDto): Promise<PrioritySituationPageResponse> {
    const limit = query.limit ?? 50;
    const acl = abilityToSql(context.ability, 'read', 'PrioritySituation', CASE_SQL_FIELDS);
    let before: { at: string; id: string } | undefined;
    if (query.cursor) {
      const [at = '', id = ''] = decodeKeysetCursor(query.cursor, ['timestamp', 'uuid']);
      before = { at, id };
    }
    const rows = await prioritySituationRows(this.db, acl, limit + 1, before);
    const page = toPage(
      rows,
      limit,
      (r) => r,
      (r) => [r.updated_key, r.id],
    );
    return { items: await this.present(context, page.items), nextCursor: page.nextCursor };
  }

  async get(context: RequestContext, id: string): Promise<PrioritySituationResponse> {
    const row = await this.loadSituation(this.db.manager, context, id);
    const [view] = await this.present(context, [row]);
    if (!view) throw new DomainError('not_found', 'No such priority situation.');
    return view;
  }

  /**
   * The timeline as the Framework Team may see it, so a client that reconnects catches up by
   * sequence. Entries for the Office only are skipped; `nextCursor` continues after the last
   * entry read, shown or not.
   */
  async timeline(
    context: RequestContext,
    id: string,
    after: number,
    limit: number,
  ): Promise<CaseEventPageResponse> {
    const row = await this.loadSituation(this.db.manager, context, id);
    const items: CaseEventResponse[] = [];
    let cursor = after;
    for (let round = 0; round < EVENT_ROUNDS; round++) {
      const batch = await this.events.list(row.id, cursor, EVENT_BATCH);
      for (const event of batch.items) {
        cursor = event.seq;
        const visible = frameworkTeamView(asFeedEvent(row.id, event));
        // The view keeps the stages, trims the payload and drops who acted (name with the id).
        if (visible)
          items.push({
            ...event,
            actorId: visible.actorId,
            actorName: null,
            payload: visible.payload,
          });
        if (items.length === limit) {
          const more = event !== batch.items[batch.items.length - 1] || batch.nextCursor !== null;
          return { items, nextCursor: more ? String(cursor) : null };
        }
      }
      if (batch.nextCursor === null) return { items, nextCursor: null };
    }
    return { items, nextCursor: String(cursor) };
  }

  private async present(
    context: RequestContext,
    rows: CaseRow[],
  ): Promise<PrioritySituationResponse[]> {
    const ids = rows.map((r) => r.id);
    const [counts, mine, recommendations] = await Promise.all([
      endorsementCounts(this.db, ids),
      context.actor ? myEndorsements(this.db, ids, context.actor.id) : new Map(),
      approvedRecommendations(this.db, ids),
    ]);
    return rows.map((r) => ({
      id: r.id,
      reference: r.reference,
      title: r.title,
      country: r.country,
      stage: r.stage,
      riskLevel: r.risk_level,
      riskTrend: r.risk_trend,
      summary: r.summary,
      approvedRecommendations: recommendations.get(r.id) ?? [],
      endorsements: counts.get(r.id) ?? { total: 0, byOrganisation: [] },
      myEndorsement: mine.get(r.id) ?? null,
      updatedAt: r.updated_at.toISOString(),
    }));
  }
}

function asFeedEvent(caseId: string, event: CaseEventResponse): CaseFeedEvent {
  return {
    caseId,
    seq: event.seq,
    type: event.type,
    actorId: event.actorId,
    fromStage: event.fromStage,
    toStage: event.toStage,
    payload: event.payload,
    at: event.at,
  };
}
