import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainError, type Clearance, type Role } from '@vigil/domain';
import type { DataSource } from 'typeorm';
import type { Actor } from '../common/request-context.js';

interface AccessClaims {
  sub: string;
  typ: 'access';
}

interface ActorRow {
  id: string;
  email: string;
  display_name: string;
  roles: Role[];
  clearance: Clearance;
  organisation_id: string;
  active: boolean;
}

/** Signs short-lived access tokens and turns a presented one back into the current Actor. */
@Injectable()
export class AccessTokenService {
  constructor(
    private readonly jwt: JwtService,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  sign(userId: string): Promise<string> {
    const claims: AccessClaims = { sub: userId, typ: 'access' };
    return this.jwt.signAsync(claims);
  }

  /** Verifies the token and loads the user as they are now (roles, clearance, active). */
  async authenticate(token: string | null): Promise<Actor> {
    if (!token)
      throw new DomainError('unauthenticated', 'Sign in first: this needs an access token.');
    let claims: AccessClaims;
    try {
      claims = await this.jwt.verifyAsync<AccessClaims>(token, { algorithms: ['HS256'] });
    } catch (error) {
      const expired = error instanceof Error && error.name === 'TokenExpiredError';
      throw new DomainError(
        'unauthenticated',
        expired
          ? 'Your session has expired: refresh it or sign in again.'
          : 'The access token is not valid.',
      );
    }
    if (claims.typ !== 'access' || typeof claims.sub !== 'string') {
      throw new DomainError('unauthenticated', 'The access token is not valid.');
    }
    return this.loadActor(claims.sub);
  }

  /** The user as they are now; refuses unknown and deactivated accounts. */
  async loadActor(userId: string): Promise<Actor> {
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(userId)) {
      throw new DomainError('unauthenticated', 'The access token is not valid.');
    }
    const [row] = (await this.db.query(
      'SELECT id, email, display_name, roles, clearance, organisation_id, active FROM users WHERE id = $1',
      [userId],
    )) as ActorRow[];
    if (!row) throw new DomainError('unauthenticated', 'The access token is not valid.');
    if (!row.active) throw new DomainError('unauthenticated', 'This account has been deactivated.');
    return {
      id: row.id,
      email: row.email,
      displayName: row.display_name,
      roles: row.roles,
      clearance: row.clearance,
      organisationId: row.organisation_id,
    };
  }
}
