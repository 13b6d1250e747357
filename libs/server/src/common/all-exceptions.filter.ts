import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import { DomainError, type ErrorCode } from '@vigil/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { STATUS_CODES } from 'node:http';
import type { ErrorResponse } from './error-response.js';

const STATUS_BY_CODE: Record<ErrorCode, number> = {
  validation_failed: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  account_locked: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  stale_version: 409,
  not_allowed_now: 409,
  rate_limited: 429,
  payload_too_large: 413,
  unsupported_media_type: 415,
  too_complex: 422,
  server_busy: 503,
};

/**
 * Turns any thrown value into the error shape of docs/architecture.md §16. Unknown errors become a
 * bare 500.
 */
export function toErrorResponse(error: unknown): ErrorResponse {
  if (error instanceof DomainError) {
    const statusCode = STATUS_BY_CODE[error.code];
    return shape(statusCode, error.message, error.details);
  }
  if (error instanceof HttpException) {
    const body = error.getResponse();
    const message =
      typeof body === 'string'
        ? body
        : typeof body === 'object' && body !== null && 'message' in body
          ? String(Array.isArray(body.message) ? body.message.join('; ') : body.message)
          : error.message;
    return shape(error.getStatus(), message);
  }
  // Errors raised by Fastify itself (malformed JSON, body too large, bad content type) carry a
  // 4xx statusCode and a safe message.
  if (isClientError(error)) {
    return shape(error.statusCode, friendlyFastifyMessage(error));
  }
  return shape(500, 'Internal server error');
}

function shape(
  statusCode: number,
  message: string,
  details?: ErrorResponse['details'],
): ErrorResponse {
  const body: ErrorResponse = { statusCode, error: STATUS_CODES[statusCode] ?? 'Error', message };
  if (details !== undefined) body.details = details;
  return body;
}

interface ClientError {
  statusCode: number;
  code?: string;
  message: string;
}

function isClientError(error: unknown): error is ClientError {
  if (typeof error !== 'object' || error === null || !('statusCode' in error)) return false;
  const status = (error as { statusCode: unknown }).statusCode;
  return typeof status === 'number' && status >= 400 && status < 500;
}

function friendlyFastifyMessage(error: ClientError): string {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return 'Request body is too large.';
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return 'Unsupported content type: send application/json.';
    case 'FST_REQ_FILE_TOO_LARGE':
      return 'The file is larger than the attachment size limit.';
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return 'Send the file as multipart/form-data.';
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return 'Request body is empty but the content type says JSON.';
    default:
      return error.statusCode === 400 && /JSON/i.test(error.message)
        ? 'Request body is not valid JSON.'
        : error.message;
  }
}

/** A 429 or 503 tells the client when to come back, in the header as well as in the body. */
function retryAfterOf(body: ErrorResponse): number | null {
  if (body.statusCode !== 429 && body.statusCode !== 503) return null;
  if (!body.details || Array.isArray(body.details)) return null;
  const seconds = body.details.retryAfterSeconds;
  return typeof seconds === 'number' && Number.isFinite(seconds) ? seconds : null;
}

/** The one exception filter of the API. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    const request = http.getRequest<FastifyRequest>();
    const body = toErrorResponse(error);
    if (body.statusCode >= HttpStatus.INTERNAL_SERVER_ERROR) {
      this.logger.error(
        { err: error, reqId: request.id, url: request.url.split('?')[0] },
        'Unhandled error',
      );
    }
    const retryAfter = retryAfterOf(body);
    if (retryAfter !== null) void reply.header('Retry-After', String(retryAfter));
    void reply.status(body.statusCode).send(body);
  }
}
