import {
  applyDecorators,
  Delete,
  Get,
  HttpCode,
  Patch,
  Post,
  Put,
  type Type,
} from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
} from '@nestjs/swagger';
import type { Action, SubjectName } from '@vigil/domain';
import { Authenticated, Public, RequirePolicy } from './policy.decorator.js';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** One route's contract: who may call it, what it does, what it answers. */
export interface RouteOptions {
  /** An ability the caller needs on some record, any signed-in person, or anyone. */
  access: readonly [Action, SubjectName] | 'authenticated' | 'public';
  summary: string;
  description?: string;
  /**
   * The body answered: a response class (in brackets for a list), or the description of a body
   * that is not JSON (a file). Left out for 204.
   */
  answers?: Type<unknown> | [Type<unknown>] | string;
  /** The success status, when not the default (201 for POST, 200 otherwise). */
  status?: 200 | 201 | 204;
}

const VERBS: Record<Method, (path?: string) => MethodDecorator> = {
  GET: Get,
  POST: Post,
  PATCH: Patch,
  PUT: Put,
  DELETE: Delete,
};

/**
 * The route, its access policy and its OpenAPI description in one decorator, so no route can be
 * declared without saying who may reach it (the AccessGuard refuses a route without a policy).
 * Error answers specific to a route keep their own `@Api…Response` decorators.
 */
export function Route(method: Method, path: string | undefined, options: RouteOptions) {
  const status = options.status ?? (method === 'POST' ? 201 : 200);
  const decorators: (MethodDecorator | ClassDecorator)[] = [
    VERBS[method](path),
    HttpCode(status),
    policy(options.access),
    ApiOperation({
      summary: options.summary,
      ...(options.description ? { description: options.description } : {}),
    }),
  ];
  const answers = options.answers;
  const body =
    typeof answers === 'string' ? { description: answers } : answers && { type: answers };
  if (status === 204) decorators.push(ApiNoContentResponse());
  else if (body) decorators.push(status === 201 ? ApiCreatedResponse(body) : ApiOkResponse(body));
  return applyDecorators(...decorators);
}

function policy(access: RouteOptions['access']): MethodDecorator & ClassDecorator {
  if (access === 'public') return Public();
  if (access === 'authenticated') return Authenticated();
  return RequirePolicy(access[0], access[1]);
}
