import { type ArgumentMetadata, ValidationPipe, type ValidationError } from '@nestjs/common';
import { DomainError, type FieldProblem } from '@vigil/domain';

function flatten(errors: ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((message) =>
      message.startsWith('property ')
        ? { field, message: `${field} is not an accepted field` }
        : { field, message },
    );
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

/** Deepest nesting accepted in a body or query; real requests nest three or four levels. */
const MAX_DEPTH = 32;

/**
 * Fields of `value` holding a string with a NUL character (which PostgreSQL text cannot store),
 * in document order, and whether it nests deeper than MAX_DEPTH. Iterative, so that no input can
 * overflow the stack here (a recursive walk of a 2,000-deep body answered 500).
 */
function scan(value: unknown): { nulFields: string[]; tooDeep: boolean } {
  const nulFields: string[] = [];
  const pending: { v: unknown; path: string; depth: number }[] = [{ v: value, path: '', depth: 0 }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { v, path, depth } = next;
    if (typeof v === 'string') {
      if (v.includes('\u0000')) nulFields.push(path);
    } else if (typeof v === 'object' && v !== null) {
      if (depth >= MAX_DEPTH) return { nulFields, tooDeep: true };
      const children = Object.entries(v).map(([key, child]) => ({
        v: child,
        path: path ? `${path}.${key}` : key,
        depth: depth + 1,
      }));
      for (const child of children.reverse()) pending.push(child);
    }
  }
  return { nulFields, tooDeep: false };
}

/**
 * Refuses a body that is not a JSON object before field validation makes odd sense of it, and
 * text with NUL characters before it reaches the database as a SQL error.
 */
class ObjectBodyValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const isDto = typeof metadata.metatype === 'function' && metadata.metatype !== Object;
    if (
      metadata.type === 'body' &&
      isDto &&
      (typeof value !== 'object' || value === null || Array.isArray(value))
    ) {
      throw new DomainError('validation_failed', 'The request body must be a JSON object.');
    }
    if ((metadata.type === 'body' || metadata.type === 'query') && isDto) {
      const { nulFields: fields, tooDeep } = scan(value);
      if (tooDeep) {
        throw new DomainError(
          'validation_failed',
          `The request is nested too deeply (more than ${MAX_DEPTH} levels).`,
        );
      }
      if (fields.length) {
        throw new DomainError(
          'validation_failed',
          `Invalid request: check ${fields.join(', ')}.`,
          fields.map((field) => ({ field, message: `${field} must not contain NUL characters` })),
        );
      }
    }
    return super.transform(value, metadata);
  }
}

/** Global validation: strips nothing silently; unknown fields and wrong types are a 400 with fields. */
export function createValidationPipe(): ValidationPipe {
  return new ObjectBodyValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      const details = flatten(errors);
      const fields = [...new Set(details.map((d) => d.field))].join(', ');
      return new DomainError('validation_failed', `Invalid request: check ${fields}.`, details);
    },
  });
}
