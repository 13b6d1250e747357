import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { subject } from '@casl/ability';
import {
  applyGrant,
  DomainError,
  ROLES,
  type Clearance,
  type JsonValue,
  type PrivilegedGrant,
} from '@vigil/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { abilityToSql } from '../authorization/rules-to-sql.js';
import { isUuid } from '../common/ids.js';
import { type Page, toPage } from '../common/pagination.js';
import type { RequestContext } from '../common/request-context.js';
import { AccessChanges } from '../authorization/access-changes.js';
import {
  type AccountChangeRow,
  findAccountChange,
  insertAccountChange,
  listAccountChanges,
  pendingChangeOf,
  settleAccountChange,
} from './account-changes.store.js';
import type { AccountChangeResponse } from './dto/account-change.response.js';
import type { ListAccountChangesQueryDto } from './dto/list-account-changes.query.js';
import { lockUserAccess, setUserAccess, USER_SQL_FIELDS } from './user.store.js';
import { statusInbox } from '../common/status-inbox.sql.js';

/** Why the requester may not decide their own request (also shown by the web app). */
export const OWN_REQUEST = 'You requested this change: another administrator must confirm it.';
/** Why the person concerned may not decide a change to their own account. */
export const OWN_ACCOUNT =
  'This change is to your own account: another administrator must confirm it.';

/**
 * Separation of duties on accounts (issue 15): a grant of the adviser or admin role, or of a
 * higher clearance, is recorded pending by one administrator and takes effect only when another
 * (never the requester, never the person concerned) confirms it. Lock order: the user row, then
 * the change row.
 */
@Injectable()
export class AccountChangesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly access: AccessChanges,
  ) {}

  /**
   * Records `grant` for the account `userId` in the caller's transaction, which holds the user's
   * row lock; one pending change per account (a second is a 409 naming the first).
   */
  async request(
    m: EntityManager,
    context: RequestContext,
    userId: string,
    grant: PrivilegedGrant,
    previousClearance: Clearance,
  ): Promise<string> {
    const requestedBy = context.actor?.id;
    if (!requestedBy) throw new Error('a grant is requested by a signed-in administrator');
    if (await pendingChangeOf(m, userId)) throw alreadyPending();
    const id = await insertAccountChange(m, { userId, requestedBy, grant, previousClearance });
    this.audit.append(m, context, {
      action: 'user.grant_requested',
      entity: 'user',
      entityId: userId,
      diff: { changeId: id, ...grantDiff(grant, previousClearance) },
    });
    return id;
  }

  /** Refuses a new grant while another waits for this account (before anything is written). */
  async assertNonePending(m: EntityManager, userId: string): Promise<void> {
    if (await pendingChangeOf(m, userId)) throw alreadyPending();
  }

  /** The pending change of an account, as the caller sees it (null when none). */
  async pendingFor(context: RequestContext, userId: string): Promise<AccountChangeResponse | null> {
    const row = await pendingChangeOf(this.db.manager, userId);
    return row && this.mayManage(context, row) ? present(row, context) : null;
  }

  /** One change, to those who may change the account it is for. */
  async get(context: RequestContext, id: string): Promise<AccountChangeResponse> {
    const row = isUuid(id) ? await findAccountChange(this.db.manager, id) : undefined;
    if (!row || !this.mayManage(context, row)) throw notFound();
    return present(row, context);
  }

  /** Changes by status: pending oldest first (the confirmation inbox), the others newest first. */
  async list(
    context: RequestContext,
    query: ListAccountChangesQueryDto,
  ): Promise<Page<AccountChangeResponse>> {
    const inbox = statusInbox(query);
    const acl = abilityToSql(context.ability, 'update', 'User', USER_SQL_FIELDS);
    const rows = await listAccountChanges(this.db, acl, inbox);
    return toPage(
      rows,
      inbox.limit,
      (r) => present(r, context),
      (r) => [r.created_key, r.id],
    );
  }

  /** Confirms (the grant takes effect) or rejects a pending change: another administrator only. */
  async decide(
    context: RequestContext,
    id: string,
    decision: 'confirm' | 'reject',
  ): Promise<AccountChangeResponse> {
    const me = context.actor?.id;
    const found = isUuid(id) ? await findAccountChange(this.db.manager, id) : undefined;
    if (!me || !found || !this.mayManage(context, found)) throw notFound();
    await this.db.transaction(async (m) => {
      const current = await lockUserAccess(m, found.user_id);
      const change = await findAccountChange(m, id, true);
      if (!current || !change) throw notFound();
      // Never allowed to these two, whatever the state: forbidden (403), not "not now" (409).
      if (change.requested_by === me) throw new DomainError('forbidden', OWN_REQUEST);
      if (change.user_id === me) throw new DomainError('forbidden', OWN_ACCOUNT);
      if (change.status !== 'pending') {
        throw new DomainError(
          'not_allowed_now',
          `This change is no longer pending: it was ${change.status}.`,
        );
      }
      const grant: PrivilegedGrant = { roles: change.add_roles, clearance: change.clearance };
      const diff: Record<string, JsonValue> = { changeId: id, requestedBy: change.requested_by };
      if (decision === 'confirm') {
        const next = applyGrant(current, grant);
        const roles = ROLES.filter((r) => next.roles.includes(r));
        await setUserAccess(m, change.user_id, roles, next.clearance);
        if (roles.length !== current.roles.length)
          diff.roles = { from: [...current.roles].sort(), to: [...roles].sort() };
        if (next.clearance !== current.clearance)
          diff.clearance = { from: current.clearance, to: next.clearance };
        // Open sockets follow the new access at once.
        await this.access.announce(m, { userId: change.user_id });
      } else {
        Object.assign(diff, grantDiff(grant, change.previous_clearance));
      }
      await settleAccountChange(m, id, decision === 'confirm' ? 'confirmed' : 'rejected', me);
      this.audit.append(m, context, {
        action: decision === 'confirm' ? 'user.grant_confirmed' : 'user.grant_rejected',
        entity: 'user',
        entityId: change.user_id,
        diff,
      });
    });
    return this.get(context, id);
  }

  private mayManage(context: RequestContext, row: AccountChangeRow): boolean {
    return context.ability.can(
      'update',
      subject('User', { id: row.user_id, organisationId: row.user_org }),
    );
  }
}

function grantDiff(
  grant: PrivilegedGrant,
  previousClearance: Clearance,
): Record<string, JsonValue> {
  const diff: Record<string, JsonValue> = {};
  if (grant.roles.length > 0) diff.addRoles = [...grant.roles];
  if (grant.clearance) diff.clearance = { from: previousClearance, to: grant.clearance };
  return diff;
}

function present(row: AccountChangeRow, context: RequestContext): AccountChangeResponse {
  const me = context.actor?.id;
  const reason =
    row.status !== 'pending'
      ? `This change was already ${row.status}.`
      : row.requested_by === me
        ? OWN_REQUEST
        : row.user_id === me
          ? OWN_ACCOUNT
          : null;
  return {
    id: row.id,
    user: { id: row.user_id, displayName: row.user_name, email: row.user_email },
    requestedBy: {
      id: row.requested_by,
      displayName: row.requester_name,
      email: row.requester_email,
    },
    addRoles: row.add_roles,
    clearance: row.clearance,
    previousClearance: row.previous_clearance,
    status: row.status,
    decidedBy: row.decided_by
      ? {
          id: row.decided_by,
          displayName: row.decider_name ?? '',
          email: row.decider_email ?? '',
        }
      : null,
    decidedAt: row.decided_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
    canDecide: reason === null && me !== undefined,
    cannotDecideReason: reason,
  };
}

function alreadyPending(): DomainError {
  return new DomainError(
    'conflict',
    "A change of this account's roles or clearance is already waiting for another administrator: confirm or reject it first.",
  );
}

function notFound(): DomainError {
  return new DomainError('not_found', 'No such account change.');
}
