import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainError, type JsonValue } from '@vigil/domain';
import { type DataSource, type EntityManager, QueryFailedError } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { abilityToSql } from '../authorization/rules-to-sql.js';
import { decodeNameIdCursor, type Page, PageQueryDto, toPage } from '../common/pagination.js';
import type { RequestContext } from '../common/request-context.js';
import { isUuid } from '../common/ids.js';
import type {
  CreateOrganisationDto,
  OrganisationResponse,
  UpdateOrganisationDto,
} from './dto/organisation.dto.js';
import {
  findOrganisation,
  insertOrganisation,
  listOrganisations,
  lockOrganisation,
  ORGANISATION_SQL_FIELDS,
  organisationsNamed,
  presentOrganisation,
  updateOrganisation,
} from './organisations.store.js';

/** The directory of organisations users belong to and cases engage with. */
@Injectable()
export class OrganisationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(context: RequestContext, query: PageQueryDto): Promise<Page<OrganisationResponse>> {
    const limit = query.limit ?? 50;
    const acl = abilityToSql(context.ability, 'read', 'Organisation', ORGANISATION_SQL_FIELDS);
    const rows = await listOrganisations(this.db, acl, {
      after: query.cursor ? decodeNameIdCursor(query.cursor) : undefined,
      limit,
    });
    return toPage(rows, limit, presentOrganisation, (r) => [r.name.toLowerCase(), r.id]);
  }

  /** Two admins racing to create the same organisation get a 409 each but one, never a 500. */
  async create(context: RequestContext, dto: CreateOrganisationDto): Promise<OrganisationResponse> {
    return uniqueAsConflict(() => this.insert(context, dto));
  }

  async update(
    context: RequestContext,
    id: string,
    dto: UpdateOrganisationDto,
  ): Promise<OrganisationResponse> {
    return uniqueAsConflict(() => this.change(context, id, dto));
  }

  private async insert(
    context: RequestContext,
    dto: CreateOrganisationDto,
  ): Promise<OrganisationResponse> {
    return this.db.transaction(async (m) => {
      await this.assertUnique(m, dto.name, dto.acronym, null);
      const row = await insertOrganisation(m, dto);
      if (!row) throw new Error('insert returned no row');
      this.audit.append(m, context, {
        action: 'organisation.create',
        entity: 'organisation',
        entityId: row.id,
        diff: { name: dto.name, acronym: dto.acronym, kind: dto.kind },
      });
      return presentOrganisation(row);
    });
  }

  private async change(
    context: RequestContext,
    id: string,
    dto: UpdateOrganisationDto,
  ): Promise<OrganisationResponse> {
    return this.db.transaction(async (m) => {
      const before = isUuid(id) ? await lockOrganisation(m, id) : undefined;
      if (!before) throw new DomainError('not_found', 'No such organisation.');
      await this.assertUnique(m, dto.name, dto.acronym, id);
      const diff: Record<string, JsonValue> = {};
      for (const key of ['name', 'acronym', 'kind'] as const) {
        const to = dto[key];
        if (to !== undefined && to !== before[key]) diff[key] = { from: before[key], to };
      }
      if (Object.keys(diff).length === 0) return presentOrganisation(before);
      await updateOrganisation(m, id, {
        name: dto.name ?? before.name,
        acronym: dto.acronym ?? before.acronym,
        kind: dto.kind ?? before.kind,
      });
      this.audit.append(m, context, {
        action: 'organisation.update',
        entity: 'organisation',
        entityId: id,
        diff,
      });
      const updated = await findOrganisation(m, id);
      return presentOrganisation(updated ?? before);
    });
  }

  private async assertUnique(
    m: EntityManager,
    name: string | undefined,
    acronym: string | undefined,
    selfId: string | null,
  ) {
    const clash = await organisationsNamed(m, name ?? null, acronym ?? null, selfId);
    const details = [];
    if (name && clash.some((c) => c.name.toLowerCase() === name.toLowerCase())) {
      details.push({ field: 'name', message: 'another organisation has this name' });
    }
    if (acronym && clash.some((c) => c.acronym.toLowerCase() === acronym.toLowerCase())) {
      details.push({ field: 'acronym', message: 'another organisation has this acronym' });
    }
    if (details.length) throw nameOrAcronymTaken(details);
  }
}

function nameOrAcronymTaken(details: { field: string; message: string }[]): DomainError {
  return new DomainError('conflict', 'An organisation with this name or acronym exists.', details);
}

// The unique indexes behind assertUnique, for a concurrent writer that got past its check.
const UNIQUE_FIELDS: Record<string, { field: string; message: string }> = {
  organisations_name_key: { field: 'name', message: 'another organisation has this name' },
  organisations_acronym_key: { field: 'acronym', message: 'another organisation has this acronym' },
};

/** Runs `work`; a unique-index violation on name or acronym is the same 409 as assertUnique's. */
async function uniqueAsConflict<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const pgError =
      error instanceof QueryFailedError
        ? (error.driverError as { code?: unknown; constraint?: unknown })
        : null;
    const problem =
      pgError?.code === '23505' ? UNIQUE_FIELDS[String(pgError.constraint)] : undefined;
    if (problem) throw nameOrAcronymTaken([problem]);
    throw error;
  }
}
