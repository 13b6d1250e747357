import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { stringify } from 'csv-stringify/sync';
import type { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import type { RequestContext } from '../common/request-context.js';
import type { ItemSummaryResponse } from './dto/item.response.js';
import { InformationItemsService } from './information-items.service.js';
import type { ItemSearchFilters } from './item-search.store.js';

const BATCH = 500;

const COLUMNS: [header: string, value: (item: ItemSummaryResponse) => string][] = [
  ['id', (i) => i.id],
  ['title', (i) => i.title],
  ['country', (i) => i.country],
  ['place', (i) => i.placeName ?? ''],
  ['event date', (i) => i.eventDate],
  ['received', (i) => i.receivedDate],
  ['kind', (i) => i.kind],
  ['grade', (i) => i.grade],
  ['source', (i) => i.source.name],
  ['classification', (i) => i.classification],
  ['crime types', (i) => i.crimeTypes.join('; ')],
  ['indicators', (i) => i.indicatorIds.join('; ')],
  ['cases', (i) => i.cases.map((c) => c.reference).join('; ')],
];

/** A CSV export of the current filter: exactly what the caller may read, and audited. */
@Injectable()
export class ItemExportService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly items: InformationItemsService,
  ) {}

  async exportCsv(
    context: RequestContext,
    filters: ItemSearchFilters,
  ): Promise<{ csv: string; rows: number; truncated: boolean }> {
    const max = this.config.EXPORT_MAX_ROWS;
    const rows: ItemSummaryResponse[] = [];
    let cursor: string | undefined;
    let truncated = false;
    // The same search as the list, page by page: no second access path to get wrong.
    for (;;) {
      const page = await this.items.list(context, {
        ...filters,
        cursor,
        limit: Math.min(BATCH, max - rows.length),
      });
      rows.push(...page.items);
      if (page.nextCursor === null) break;
      if (rows.length >= max) {
        truncated = true;
        break;
      }
      cursor = page.nextCursor;
    }
    await this.db.transaction(async (m) => {
      this.audit.append(m, context, {
        action: 'information.export',
        entity: 'information_item',
        entityId: null,
        caseId: null,
        diff: { filters: auditableFilters(filters), rows: rows.length, truncated },
      });
    });
    const csv = stringify(
      [
        COLUMNS.map(([header]) => header),
        ...rows.map((r) => COLUMNS.map(([, v]) => safeCell(v(r)))),
      ],
      { bom: true },
    );
    return { csv, rows: rows.length, truncated };
  }
}

/** A cell a spreadsheet would run as a formula gets a leading apostrophe (CSV injection). */
function safeCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function auditableFilters(
  f: ItemSearchFilters,
): Record<string, string | number | string[] | number[]> {
  const out: Record<string, string | number | string[] | number[]> = {};
  for (const [key, value] of Object.entries(f)) {
    if (value === undefined || key === 'cursor' || key === 'limit') continue;
    out[key] = value as string | number | string[] | number[];
  }
  return out;
}
