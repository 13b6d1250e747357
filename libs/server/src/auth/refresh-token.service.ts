import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '@vigil/domain';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';

interface TokenRow {
  id: string;
  user_id: string;
  family_id: string;
  expires_at: Date;
  used_at: Date | null;
  revoked_at: Date | null;
}

/** Outcome of presenting a refresh token. */
export type RefreshOutcome =
  | { kind: 'rotated'; userId: string; familyId: string; token: string }
  | { kind: 'reused'; userId: string; familyId: string }
  | { kind: 'invalid'; reason: string };

/**
 * Opaque refresh tokens, stored hashed, rotated on every use. Presenting a token that was already
 * used (or revoked) is treated as theft: the whole family is revoked.
 */
@Injectable()
export class RefreshTokenService {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** Starts a new family (a sign-in) and returns the token to hand out. */
  issue(manager: EntityManager, userId: string, familyId: string = randomUUID()): Promise<string> {
    return this.insert(manager, userId, familyId);
  }

  /** Consumes `token` and, if it is current, issues its successor in the same family. */
  async rotate(manager: EntityManager, token: string): Promise<RefreshOutcome> {
    const [row] = (await manager.query(
      'SELECT id, user_id, family_id, expires_at, used_at, revoked_at FROM refresh_tokens WHERE token_hash = $1 FOR UPDATE',
      [hashToken(token)],
    )) as TokenRow[];
    if (!row) return { kind: 'invalid', reason: 'The refresh token is not valid.' };
    // A rotated token presented again means two holders: theft. A revoked one (sign-out,
    // deactivation, new password) is simply over.
    if (row.used_at) {
      await this.revokeFamily(manager, row.family_id);
      return { kind: 'reused', userId: row.user_id, familyId: row.family_id };
    }
    if (row.revoked_at)
      return { kind: 'invalid', reason: 'This session has been signed out: sign in again.' };
    if (row.expires_at.getTime() <= Date.now()) {
      return { kind: 'invalid', reason: 'The session has expired: sign in again.' };
    }
    await manager.query('UPDATE refresh_tokens SET used_at = now() WHERE id = $1', [row.id]);
    const next = await this.insert(manager, row.user_id, row.family_id);
    return { kind: 'rotated', userId: row.user_id, familyId: row.family_id, token: next };
  }

  /** Revokes the family `token` belongs to (sign-out). Returns its user, if the token was known. */
  async revokeByToken(
    manager: EntityManager,
    token: string,
  ): Promise<{ userId: string; familyId: string } | null> {
    const [row] = (await manager.query(
      'SELECT user_id, family_id FROM refresh_tokens WHERE token_hash = $1',
      [hashToken(token)],
    )) as { user_id: string; family_id: string }[];
    if (!row) return null;
    await this.revokeFamily(manager, row.family_id);
    return { userId: row.user_id, familyId: row.family_id };
  }

  /** Revokes every live token of a user (deactivation, password reset). Returns how many. */
  async revokeAllForUser(manager: EntityManager, userId: string): Promise<number> {
    const [row] = (await manager.query(
      `WITH revoked AS (UPDATE refresh_tokens SET revoked_at = now()
         WHERE user_id = $1 AND revoked_at IS NULL RETURNING id)
       SELECT count(*)::int AS n FROM revoked`,
      [userId],
    )) as { n: number }[];
    return row?.n ?? 0;
  }

  private async revokeFamily(manager: EntityManager, familyId: string): Promise<void> {
    await manager.query(
      'UPDATE refresh_tokens SET revoked_at = now() WHERE family_id = $1 AND revoked_at IS NULL',
      [familyId],
    );
  }

  private async insert(manager: EntityManager, userId: string, familyId: string): Promise<string> {
    if (!userId) throw new DomainError('unauthenticated', 'No user for this session.');
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + this.config.REFRESH_TOKEN_TTL_DAYS * 86_400_000);
    await manager.query(
      'INSERT INTO refresh_tokens (user_id, family_id, token_hash, expires_at) VALUES ($1, $2, $3, $4)',
      [userId, familyId, hashToken(token), expiresAt],
    );
    return token;
  }
}

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
