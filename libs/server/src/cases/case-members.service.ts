import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { classificationRank, clearanceCovers, CLASSIFICATIONS, DomainError } from '@vigil/domain';
import type { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { RequestContext } from '../common/request-context.js';
import { isUuid } from '../common/ids.js';
import { AccessChanges } from '../authorization/access-changes.js';
import { CaseEventsService } from './case-events.service.js';
import {
  caseMembers,
  deleteCaseMember,
  memberCandidates,
  upsertCaseMember,
  userStanding,
} from './case-members.store.js';
import { bumpCaseVersion } from './case.store.js';
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
    const rows = await caseMembers(this.db, id);
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
    const rows = await memberCandidates(this.db, {
      caseId: row.id,
      leadId: row.lead_analyst_id,
      cleared: CLASSIFICATIONS.slice(classificationRank(row.classification)),
      search: q?.trim(),
      limit: CANDIDATE_LIMIT,
    });
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
      const user = await userStanding(m, dto.userId);
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
      await upsertCaseMember(m, id, dto.userId, dto.role, context.actor?.id ?? null);
      await bumpCaseVersion(m, id);
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
      const removed = isUuid(userId) && (await deleteCaseMember(m, id, userId));
      if (!removed) throw new DomainError('not_found', 'This person is not a member of the case.');
      await bumpCaseVersion(m, id);
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
