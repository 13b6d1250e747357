import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  classificationRank,
  clearanceCovers,
  CLASSIFICATIONS,
  DomainError,
  type Classification,
  type Role,
} from '@vigil/domain';
import type { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { RequestContext } from '../common/request-context.js';
import { namedQuery, queryRows } from '../database/named-query.js';
import { isUuid } from '../common/ids.js';
import { AccessChanges } from '../authorization/access-changes.js';
import { CaseEventsService } from './case-events.service.js';
import { CasesService } from './cases.service.js';
import type { AddCaseMemberDto } from './dto/case-input.dto.js';
import type { CaseMemberResponse, MemberCandidateResponse } from './dto/case.response.js';

/** How many candidates one search answers at most. */
const CANDIDATE_LIMIT = 20;

/** Who works a case: listing, adding and removing members, and finding people to add. */
@Injectable()
export class CaseMembersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly cases: CasesService,
    private readonly audit: AuditService,
    private readonly events: CaseEventsService,
    private readonly access: AccessChanges,
  ) {}

  async members(context: RequestContext, id: string): Promise<CaseMemberResponse[]> {
    await this.cases.loadCase(this.db.manager, context, id);
    const rows = (await this.db.query(
      `SELECT cm.user_id, u.display_name, u.email, cm.role, cm.added_at FROM case_members cm JOIN users u ON u.id = cm.user_id
       WHERE cm.case_id = $1 ORDER BY lower(u.display_name)`,
      [id],
    )) as { user_id: string; display_name: string; email: string; role: string; added_at: Date }[];
    return rows.map((r) => ({
      userId: r.user_id,
      displayName: r.display_name,
      email: r.email,
      role: r.role,
      addedAt: r.added_at.toISOString(),
    }));
  }

  /**
   * People who could be added: active Office staff (analysts, advisers) cleared for the case,
   * neither members already nor its lead, matching `q` on name or e-mail. Only those who may
   * manage the members see them, so the directory stays closed to everyone else.
   */
  async candidates(
    context: RequestContext,
    id: string,
    q: string | undefined,
  ): Promise<MemberCandidateResponse[]> {
    const row = await this.cases.loadCase(this.db.manager, context, id, 'manageMembers');
    const where = [
      'u.active',
      "u.roles && ARRAY['analyst', 'adviser']::text[]",
      'u.clearance = ANY(:cleared::text[])',
      'NOT EXISTS (SELECT 1 FROM case_members cm WHERE cm.case_id = :caseId AND cm.user_id = u.id)',
      'u.id IS DISTINCT FROM :leadId::uuid',
    ];
    const params: Record<string, unknown> = {
      caseId: row.id,
      leadId: row.lead_analyst_id,
      cleared: CLASSIFICATIONS.slice(classificationRank(row.classification)),
      limit: CANDIDATE_LIMIT,
    };
    const search = q?.trim();
    if (search) {
      where.push('(u.display_name ILIKE :q OR u.email ILIKE :q)');
      params.q = `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    }
    const rows = await namedQuery<{
      id: string;
      display_name: string;
      email: string;
      roles: Role[];
    }>(
      this.db,
      `SELECT u.id, u.display_name, u.email, u.roles FROM users u WHERE ${where.join(' AND ')}
       ORDER BY lower(u.display_name), u.id LIMIT :limit`,
      params,
    );
    return rows.map((r) => ({
      id: r.id,
      displayName: r.display_name,
      email: r.email,
      roles: r.roles,
    }));
  }

  async addMember(
    context: RequestContext,
    id: string,
    dto: AddCaseMemberDto,
  ): Promise<CaseMemberResponse[]> {
    await this.db.transaction(async (m) => {
      const row = await this.cases.loadCase(m, context, id, 'manageMembers', true);
      const [user] = (await m.query('SELECT roles, clearance, active FROM users WHERE id = $1', [
        dto.userId,
      ])) as {
        roles: string[];
        clearance: Classification;
        active: boolean;
      }[];
      const problem = !user
        ? 'no user has this id'
        : !user.active
          ? 'this account is deactivated'
          : !user.roles.some((r) => r === 'analyst' || r === 'adviser')
            ? 'only Office staff (analysts and advisers) can be members of a case'
            : !clearanceCovers(user.clearance, row.classification)
              ? `their clearance is below this case's classification (${row.classification})`
              : null;
      if (problem)
        throw new DomainError('validation_failed', `Cannot add this member: ${problem}.`, [
          { field: 'userId', message: problem },
        ]);
      await m.query(
        `INSERT INTO case_members (case_id, user_id, role, added_by) VALUES ($1, $2, $3, $4)
         ON CONFLICT (case_id, user_id) DO UPDATE SET role = EXCLUDED.role`,
        [id, dto.userId, dto.role, context.actor?.id ?? null],
      );
      await m.query('UPDATE cases SET version = version + 1, updated_at = now() WHERE id = $1', [
        id,
      ]);
      const payload = { userId: dto.userId, role: dto.role };
      await this.events.record(m, context, id, { type: 'case.member_added', payload });
      this.audit.append(m, context, {
        action: 'case.member_add',
        entity: 'case',
        entityId: id,
        caseId: id,
        diff: payload,
      });
    });
    return this.members(context, id);
  }

  async removeMember(context: RequestContext, id: string, userId: string): Promise<void> {
    await this.db.transaction(async (m) => {
      await this.cases.loadCase(m, context, id, 'manageMembers', true);
      const removed = isUuid(userId)
        ? await queryRows(
            m,
            'DELETE FROM case_members WHERE case_id = $1 AND user_id = $2 RETURNING user_id',
            [id, userId],
          )
        : [];
      if (removed.length === 0)
        throw new DomainError('not_found', 'This person is not a member of the case.');
      await m.query('UPDATE cases SET version = version + 1, updated_at = now() WHERE id = $1', [
        id,
      ]);
      await this.events.record(m, context, id, {
        type: 'case.member_removed',
        payload: { userId },
      });
      this.audit.append(m, context, {
        action: 'case.member_remove',
        entity: 'case',
        entityId: id,
        caseId: id,
        diff: { userId },
      });
      // A removed member leaves the case's room at once if they may no longer read it.
      await this.access.announce(m, { userId });
    });
  }
}
