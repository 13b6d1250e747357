/** What went wrong, in terms the transport maps to a status (one place: the exception filter). */
export type ErrorCode =
  | 'validation_failed'
  | 'unauthenticated'
  | 'invalid_credentials'
  | 'account_locked'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'stale_version'
  | 'not_allowed_now'
  | 'rate_limited'
  | 'payload_too_large'
  | 'unsupported_media_type'
  /** Well-formed but beyond what can be processed (nested too deeply, over a time budget): 422. */
  | 'too_complex'
  /** The server cannot take this work now (a full queue): 503, try again later. */
  | 'server_busy';

/** A field-level problem reported with a validation error. */
export interface FieldProblem {
  field: string;
  message: string;
}

/** An expected failure with a message fit to show the user. */
export class DomainError extends Error {
  override readonly name = 'DomainError';

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: FieldProblem[] | Record<string, unknown>,
  ) {
    super(message);
  }
}
