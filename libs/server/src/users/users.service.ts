import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  DomainError,
  NEW_ACCOUNT_ACCESS,
  splitAccountChange,
  type JsonValue,
  type Role,
  type SplitChange,
} from '@vigil/domain';
import { subject } from '@casl/ability';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { RefreshTokenService } from '../auth/refresh-token.service.js';
import { PasswordService } from '../auth/password.service.js';
import { accountWords, PasswordStrength } from '../auth/password-strength.js';
import { resetLockTally } from '../auth/sign-in-throttle.store.js';
import { abilityToSql } from '../authorization/rules-to-sql.js';
import { decodeNameIdCursor, type Page, toPage } from '../common/pagination.js';
import type { RequestContext } from '../common/request-context.js';
import { isUuid } from '../common/ids.js';
import { AccessChanges } from '../authorization/access-changes.js';
import type { CreateUserDto } from './dto/create-user.dto.js';
import type { ListUsersQueryDto } from './dto/list-users.query.js';
import type { UpdateUserDto } from './dto/update-user.dto.js';
import type { UserResponse } from './dto/user.response.js';
import type { UserChangeResponse } from './dto/account-change.response.js';
import { AccountChangesService } from './account-changes.service.js';
import { assertDisplayNameFree, displayNameConflictAsError } from './display-names.js';
import {
  changesAnything,
  emailInUse,
  findUser,
  insertUser,
  listUsers,
  presentUser,
  updateUser,
  USER_SQL_FIELDS,
  type UserChanges,
  type UserRow,
} from './user.store.js';
import { organisationExists } from '../organisations/organisations.store.js';

export { USER_SQL_FIELDS };

/** Options of UsersService.create. */
export interface CreateUserOptions {
  /**
   * The command line: an operator on the machine, who could write to the database anyway (and
   * must make the first administrator), grants roles and clearance directly. The api never does.
   */
  trustedOperator?: boolean;
}

const NOT_YOURSELF =
  'You cannot change your own roles, clearance or organisation: another administrator must do it.';

/** People: listing, reading, creating and changing users (docs/architecture.md §5). */
@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly passwords: PasswordService,
    private readonly strength: PasswordStrength,
    private readonly refreshTokens: RefreshTokenService,
    private readonly access: AccessChanges,
    private readonly accountChanges: AccountChangesService,
  ) {}

  /** Users the caller may read, by display name, filtered in SQL by their abilities. */
  async list(context: RequestContext, query: ListUsersQueryDto): Promise<Page<UserResponse>> {
    const limit = query.limit ?? 50;
    const acl = abilityToSql(context.ability, 'read', 'User', USER_SQL_FIELDS);
    const rows = await listUsers(this.db, acl, {
      search: query.q,
      after: query.cursor ? decodeNameIdCursor(query.cursor) : undefined,
      limit,
    });
    return toPage(
      rows,
      limit,
      (r) => presentUser(r),
      (r) => [r.display_name.toLowerCase(), r.id],
    );
  }

  /** One user, if the caller may read them; otherwise "not found" (hidden means absent). */
  async get(context: RequestContext, id: string): Promise<UserResponse> {
    const row = await this.findRow(this.db.manager, id);
    if (
      !row ||
      !context.ability.can(
        'read',
        subject('User', { id: row.id, organisationId: row.organisation_id }),
      )
    ) {
      throw new DomainError('not_found', 'No such user.');
    }
    return presentUser(row);
  }

  /**
   * Creates a user (administrators). The adviser and admin roles and any clearance above
   * unclassified are granted only when another administrator confirms them (a pending change);
   * until then the account holds the rest.
   */
  async create(
    context: RequestContext,
    dto: CreateUserDto,
    options: CreateUserOptions = {},
  ): Promise<UserChangeResponse> {
    const email = dto.email.toLowerCase();
    await this.strength.assertStrong(dto.password, accountWords(email, dto.displayName));
    const passwordHash = await this.passwords.hash(dto.password);
    const requested = { roles: dto.roles, clearance: dto.clearance };
    const split: SplitChange = options.trustedOperator
      ? { now: requested, pending: null }
      : splitAccountChange(NEW_ACCOUNT_ACCESS, requested);
    const id = await displayNameConflictAsError(() =>
      this.db.transaction(async (m) => {
        await this.assertOrganisationExists(m, dto.organisationId);
        if (await emailInUse(m, email)) throw emailTaken();
        await assertDisplayNameFree(m, dto.organisationId, dto.displayName, null);
        const insertedId = await insertUser(m, {
          email,
          displayName: dto.displayName,
          passwordHash,
          roles: split.now.roles,
          organisationId: dto.organisationId,
          clearance: split.now.clearance,
        });
        if (!insertedId) throw emailTaken();
        this.audit.append(m, context, {
          action: 'user.create',
          entity: 'user',
          entityId: insertedId,
          diff: {
            email,
            displayName: dto.displayName,
            roles: [...split.now.roles],
            clearance: split.now.clearance,
            organisationId: dto.organisationId,
          },
        });
        if (split.pending) {
          await this.accountChanges.request(
            m,
            context,
            insertedId,
            split.pending,
            split.now.clearance,
          );
        }
        return insertedId;
      }),
    );
    return this.withPendingChange(context, id);
  }

  /**
   * Changes a user (administrators). Nobody changes their own roles, clearance or organisation;
   * a grant of the adviser or admin role or of a higher clearance waits for another
   * administrator (the rest applies at once). Deactivation and a new password revoke every
   * session.
   */
  async update(
    context: RequestContext,
    id: string,
    dto: UpdateUserDto,
  ): Promise<UserChangeResponse> {
    const passwordHash = dto.password === undefined ? undefined : await this.newPassword(id, dto);
    await displayNameConflictAsError(() =>
      this.db.transaction(async (m) => {
        const before = await this.findRow(m, id, true);
        if (
          !before ||
          !context.ability.can(
            'update',
            subject('User', { id: before.id, organisationId: before.organisation_id }),
          )
        ) {
          throw new DomainError('not_found', 'No such user.');
        }
        const self = context.actor?.id === id;
        if (self && dto.active === false) {
          throw new DomainError('conflict', 'You cannot deactivate yourself.');
        }
        const split = splitAccountChange(before, {
          roles: dto.roles ?? before.roles,
          clearance: dto.clearance ?? before.clearance,
        });
        if (
          self &&
          ((dto.roles !== undefined && !sameRoles(dto.roles, before.roles)) ||
            (dto.clearance !== undefined && dto.clearance !== before.clearance) ||
            (dto.organisationId !== undefined && dto.organisationId !== before.organisation_id))
        ) {
          throw new DomainError('forbidden', NOT_YOURSELF);
        }
        if (dto.organisationId !== undefined)
          await this.assertOrganisationExists(m, dto.organisationId);
        if (dto.displayName !== undefined || dto.organisationId !== undefined) {
          await assertDisplayNameFree(
            m,
            dto.organisationId ?? before.organisation_id,
            dto.displayName ?? before.display_name,
            id,
          );
        }
        if (split.pending) await this.accountChanges.assertNonePending(m, id);

        await this.applyNow(m, context, before, dto, split, passwordHash);
        if (split.pending) {
          await this.accountChanges.request(m, context, id, split.pending, split.now.clearance);
        }
      }),
    );
    return this.withPendingChange(context, id);
  }

  /** Checks and hashes a new password; the account's own words may not make it up. */
  private async newPassword(id: string, dto: UpdateUserDto): Promise<string> {
    const password = dto.password ?? '';
    const target = await this.findRow(this.db.manager, id);
    // An unknown id is answered 404 by the transaction, after this.
    if (target) {
      await this.strength.assertStrong(
        password,
        accountWords(target.email, dto.displayName ?? target.display_name),
      );
    }
    return this.passwords.hash(password);
  }

  /** Writes what applies at once (everything but a held-back grant), audits it, announces it. */
  private async applyNow(
    m: EntityManager,
    context: RequestContext,
    before: UserRow,
    dto: UpdateUserDto,
    split: SplitChange,
    passwordHash: string | undefined,
  ): Promise<void> {
    const id = before.id;
    const diff: Record<string, JsonValue> = {};
    const changes: UserChanges = {};
    const change = <
      K extends 'display_name' | 'roles' | 'clearance' | 'organisation_id' | 'active',
    >(
      column: K,
      field: string,
      from: JsonValue,
      to: JsonValue,
      value: UserChanges[K],
    ) => {
      if (JSON.stringify(from) === JSON.stringify(to)) return;
      changes[column] = value;
      diff[field] = { from, to };
    };
    if (dto.displayName !== undefined)
      change('display_name', 'displayName', before.display_name, dto.displayName, dto.displayName);
    if (dto.roles !== undefined)
      change(
        'roles',
        'roles',
        [...before.roles].sort(),
        [...split.now.roles].sort(),
        split.now.roles,
      );
    if (dto.clearance !== undefined)
      change('clearance', 'clearance', before.clearance, split.now.clearance, split.now.clearance);
    if (dto.organisationId !== undefined)
      change(
        'organisation_id',
        'organisationId',
        before.organisation_id,
        dto.organisationId,
        dto.organisationId,
      );
    if (dto.active !== undefined) change('active', 'active', before.active, dto.active, dto.active);
    if (passwordHash !== undefined) {
      changes.password_hash = passwordHash;
      diff.password = 'changed';
    } else if (dto.unlock === true && before.locked_until) {
      changes.unlock = true;
      diff.unlocked = true;
    }
    if (!changesAnything(changes)) return;
    await updateUser(m, id, changes);
    // A new password or an unlock starts the count toward a hard lock afresh.
    if (diff.password || diff.unlocked) await resetLockTally(m, before.email);
    if (dto.active === false || passwordHash !== undefined) {
      diff.sessionsRevoked = await this.refreshTokens.endAllForUser(
        m,
        id,
        dto.active === false ? 'deactivated' : 'password_changed',
      );
    }
    // Open sockets follow at once: rooms the person may no longer read are left, sockets of
    // ended sessions close.
    if (
      diff.roles ||
      diff.clearance ||
      diff.active ||
      diff.organisationId ||
      diff.sessionsRevoked
    ) {
      await this.access.announce(m, { userId: id });
    }
    this.audit.append(m, context, { action: 'user.update', entity: 'user', entityId: id, diff });
  }

  /** The user as the caller sees them, with the grant still waiting for confirmation. */
  private async withPendingChange(
    context: RequestContext,
    id: string,
  ): Promise<UserChangeResponse> {
    const user = await this.get(context, id);
    return { ...user, pendingChange: await this.accountChanges.pendingFor(context, id) };
  }

  private async findRow(m: EntityManager, id: string, lock = false): Promise<UserRow | undefined> {
    return isUuid(id) ? findUser(m, id, lock) : undefined;
  }

  private async assertOrganisationExists(m: EntityManager, organisationId: string): Promise<void> {
    if (!(await organisationExists(m, organisationId))) {
      throw new DomainError('validation_failed', 'Unknown organisation.', [
        { field: 'organisationId', message: 'no organisation has this id' },
      ]);
    }
  }
}

function sameRoles(a: readonly Role[], b: readonly Role[]): boolean {
  return a.length === b.length && a.every((role) => b.includes(role));
}

function emailTaken(): DomainError {
  return new DomainError('conflict', 'A user with this e-mail already exists.', [
    { field: 'email', message: 'already used by another account' },
  ]);
}

/** True for a syntactically valid UUID (so a malformed id is a clean 404, not a SQL error). */
