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

/** Fields of `value` holding a string with a NUL character, which PostgreSQL text cannot store. */
function nulFields(value: unknown, prefix = ''): string[] {
  if (typeof value === 'string') return value.includes('\u0000') ? [prefix] : [];
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, v]) =>
    nulFields(v, prefix ? `${prefix}.${key}` : key),
  );
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
      const fields = nulFields(value);
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
