import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import type { VigilRequest } from '../common/request-context.js';
import { WriteRateLimiter } from './write-rate-limiter.js';

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Counts every write by a signed-in person against their allowance before the handler runs, so a
 * refused request changes nothing. Runs after the AccessGuard, which identifies the person. Public
 * routes (sign-in, refresh, sign-out) have no person and are left to the sign-in limiter.
 */
@Injectable()
export class WriteRateLimitGuard implements CanActivate {
  constructor(private readonly limiter: WriteRateLimiter) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<VigilRequest>();
    const actor = request.vigil?.actor;
    if (actor && WRITES.has(request.method.toUpperCase())) await this.limiter.consume(actor.id);
    return true;
  }
}
