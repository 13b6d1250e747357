import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { type AppAbility, type Clearance, DomainError, type Role } from '@vigil/domain';
import type { FastifyRequest } from 'fastify';

/** The signed-in person as the guard loaded them for this request. */
export interface Actor {
  id: string;
  email: string;
  displayName: string;
  roles: Role[];
  clearance: Clearance;
  organisationId: string;
}

/** Who is asking and under which request id; passed explicitly to every service method. */
export interface RequestContext {
  actor: Actor | null;
  ability: AppAbility;
  requestId: string;
  ip: string;
}

/** The request fields the AccessGuard fills in. */
export interface VigilRequest extends FastifyRequest {
  vigil?: RequestContext;
}

/** The signed-in caller; a request without one is refused (401). */
export function requireActor(context: RequestContext): Actor {
  if (!context.actor) throw new DomainError('unauthenticated', 'Sign in first.');
  return context.actor;
}

/** The caller's id (writes are always someone's). */
export function actorId(context: RequestContext): string {
  return requireActor(context).id;
}

/** A context for work not started by an HTTP request (CLI, worker, seed). */
export function systemContext(ability: AppAbility, requestId: string): RequestContext {
  return { actor: null, ability, requestId, ip: 'local' };
}

/** Injects the RequestContext built by the AccessGuard. */
export const Ctx = createParamDecorator(
  (_data: unknown, context: ExecutionContext): RequestContext => {
    const request = context.switchToHttp().getRequest<VigilRequest>();
    if (!request.vigil) throw new Error('RequestContext missing: is the AccessGuard installed?');
    return request.vigil;
  },
);
