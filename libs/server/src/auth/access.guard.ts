import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError, defineAbilitiesFor } from '@vigil/domain';
import { AccessTokenService } from './access-token.service.js';
import type { VigilRequest } from '../common/request-context.js';
import { bearerToken } from '../authorization/bearer-token.js';
import { ACCESS_POLICY, type AccessPolicy } from '../authorization/policy.decorator.js';

const NOBODY = defineAbilitiesFor({
  id: '',
  roles: [],
  clearance: 'unclassified',
  organisationId: '',
  active: false,
});

/**
 * The one global guard. Every route must declare a policy; one without is refused. Authenticates
 * the bearer token against the current state of the user row, so role, clearance and deactivation
 * changes apply on the next request.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: AccessTokenService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const policy = this.reflector.getAllAndOverride<AccessPolicy | undefined>(ACCESS_POLICY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!policy) {
      throw new DomainError('forbidden', 'This route declares no access policy, so it is refused.');
    }
    const request = context.switchToHttp().getRequest<VigilRequest>();
    const base = { requestId: String(request.id), ip: request.ip };
    if (policy.kind === 'public') {
      request.vigil = { ...base, actor: null, ability: NOBODY };
      return true;
    }
    const { actor } = await this.tokens.authenticate(bearerToken(request));
    const ability = defineAbilitiesFor({ ...actor, active: true });
    request.vigil = { ...base, actor, ability };
    if (policy.kind === 'ability' && !ability.can(policy.action, policy.subject)) {
      // Hidden means absent: on a route about one record, someone who may not even read such
      // records learns nothing about whether it exists.
      const aboutOneRecord =
        Object.keys((request.params as Record<string, string> | undefined) ?? {}).length > 0;
      if (aboutOneRecord && !ability.can('read', policy.subject))
        throw new DomainError('not_found', 'Not found.');
      throw new DomainError(
        'forbidden',
        `Your role does not allow this (${policy.action} ${policy.subject}).`,
      );
    }
    return true;
  }
}
