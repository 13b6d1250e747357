import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainError, type JsonValue } from '@vigil/domain';
import { subject } from '@casl/ability';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { RefreshTokenService } from '../auth/refresh-token.service.js';
import { PasswordService } from '../auth/password.service.js';
import { abilityToSql, type SqlFieldMap } from '../authorization/rules-to-sql.js';
import { decodeNameIdCursor, type Page, toPage } from '../common/pagination.js';
import type { RequestContext } from '../common/request-context.js';
import { namedQuery } from '../database/named-query.js';
import { isUuid } from '../common/ids.js';
import { AccessChanges } from '../realtime/access-changes.js';
import type { CreateUserDto } from './dto/create-user.dto.js';
import type { ListUsersQueryDto } from './dto/list-users.query.js';
import type { UpdateUserDto } from './dto/update-user.dto.js';
import type { UserResponse } from './dto/user.response.js';
import { presentUser, USER_COLUMNS, USER_FROM, type UserRow } from './user-row.js';

/** Ability fields of a user, as columns of `users u`. */
export const USER_SQL_FIELDS: SqlFieldMap = {
  id: { column: 'u.id' },
  organisationId: { column: 'u.organisation_id' },
};

/** People: listing, reading, creating and changing users (DESIGN §1). */
@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly passwords: PasswordService,
    private readonly refreshTokens: RefreshTokenService,
    private readonly access: AccessChanges,
  ) {}

  /** Users the caller may read, by display name, filtered in SQL by their abilities. */
  async list(context: RequestContext, query: ListUsersQueryDto): Promise<Page<UserResponse>> {
    const limit = query.limit ?? 50;
    const acl = abilityToSql(context.ability, 'read', 'User', USER_SQL_FIELDS);
    const where = [acl.sql];
    const params: Record<string, unknown> = { ...acl.params, limit: limit + 1 };
    if (query.q) {
      where.push(`(u.display_name ILIKE :q OR u.email ILIKE :q)`);
      params.q = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    }
    if (query.cursor) {
      const [name, id] = decodeNameIdCursor(query.cursor);
      where.push('(lower(u.display_name), u.id) > (:cursorName, :cursorId::uuid)');
      params.cursorName = name;
      params.cursorId = id;
    }
    const rows = await namedQuery<UserRow>(
      this.db,
      `SELECT ${USER_COLUMNS} FROM ${USER_FROM} WHERE ${where.join(' AND ')}
       ORDER BY lower(u.display_name), u.id LIMIT :limit`,
      params,
    );
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

  /** Creates a user (administrators). */
  async create(context: RequestContext, dto: CreateUserDto): Promise<UserResponse> {
    const email = dto.email.toLowerCase();
    const passwordHash = await this.passwords.hash(dto.password);
    const id = await this.db.transaction(async (m) => {
      await this.assertOrganisationExists(m, dto.organisationId);
      const [clash] = (await m.query('SELECT 1 FROM users WHERE email = $1', [email])) as unknown[];
      if (clash) throw emailTaken();
      const [inserted] = (await m.query(
        `INSERT INTO users (email, display_name, password_hash, roles, organisation_id, clearance)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (email) DO NOTHING RETURNING id`,
        [email, dto.displayName, passwordHash, dto.roles, dto.organisationId, dto.clearance],
      )) as { id: string }[];
      if (!inserted) throw emailTaken();
      this.audit.append(m, context, {
        action: 'user.create',
        entity: 'user',
        entityId: inserted.id,
        diff: {
          email,
          displayName: dto.displayName,
          roles: dto.roles,
          clearance: dto.clearance,
          organisationId: dto.organisationId,
        },
      });
      return inserted.id;
    });
    return this.get(context, id);
  }

  /** Changes a user (administrators). Deactivation and a new password revoke every session. */
  async update(context: RequestContext, id: string, dto: UpdateUserDto): Promise<UserResponse> {
    const passwordHash =
      dto.password === undefined ? undefined : await this.passwords.hash(dto.password);
    await this.db.transaction(async (m) => {
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
      if (
        context.actor?.id === id &&
        (dto.active === false || (dto.roles && !dto.roles.includes('admin')))
      ) {
        throw new DomainError(
          'conflict',
          'You cannot deactivate yourself or remove your own admin role.',
        );
      }
      if (dto.organisationId !== undefined)
        await this.assertOrganisationExists(m, dto.organisationId);

      const diff: Record<string, JsonValue> = {};
      const sets: string[] = [];
      const values: unknown[] = [];
      const change = (
        column: string,
        field: string,
        from: JsonValue,
        to: JsonValue,
        value: unknown = to,
      ) => {
        if (JSON.stringify(from) === JSON.stringify(to)) return;
        values.push(value);
        sets.push(`${column} = $${values.length}`);
        diff[field] = { from, to };
      };
      if (dto.displayName !== undefined)
        change('display_name', 'displayName', before.display_name, dto.displayName);
      if (dto.roles !== undefined)
        change('roles', 'roles', [...before.roles].sort(), [...dto.roles].sort(), dto.roles);
      if (dto.clearance !== undefined)
        change('clearance', 'clearance', before.clearance, dto.clearance);
      if (dto.organisationId !== undefined)
        change('organisation_id', 'organisationId', before.organisation_id, dto.organisationId);
      if (dto.active !== undefined) change('active', 'active', before.active, dto.active);
      if (passwordHash !== undefined) {
        values.push(passwordHash);
        sets.push(`password_hash = $${values.length}`, 'failed_logins = 0', 'locked_until = NULL');
        diff.password = 'changed';
      }
      if (sets.length === 0) return;
      values.push(id);
      await m.query(
        `UPDATE users SET ${sets.join(', ')}, updated_at = now() WHERE id = $${values.length}`,
        values,
      );
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
      this.audit.append(m, context, {
        action: 'user.update',
        entity: 'user',
        entityId: id,
        diff,
      });
    });
    return this.get(context, id);
  }

  private async findRow(m: EntityManager, id: string, lock = false): Promise<UserRow | undefined> {
    if (!isUuid(id)) return undefined;
    const [row] = (await m.query(
      `SELECT ${USER_COLUMNS} FROM ${USER_FROM} WHERE u.id = $1 ${lock ? 'FOR UPDATE OF u' : ''}`,
      [id],
    )) as UserRow[];
    return row;
  }

  private async assertOrganisationExists(m: EntityManager, organisationId: string): Promise<void> {
    const [org] = (await m.query('SELECT 1 FROM organisations WHERE id = $1', [
      organisationId,
    ])) as unknown[];
    if (!org) {
      throw new DomainError('validation_failed', 'Unknown organisation.', [
        { field: 'organisationId', message: 'no organisation has this id' },
      ]);
    }
  }
}

function emailTaken(): DomainError {
  return new DomainError('conflict', 'A user with this e-mail already exists.', [
    { field: 'email', message: 'already used by another account' },
  ]);
}

/** True for a syntactically valid UUID (so a malformed id is a clean 404, not a SQL error). */
