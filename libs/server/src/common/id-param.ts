import { Injectable, Param, type PipeTransform } from '@nestjs/common';
import { DomainError } from '@vigil/domain';
import { isUuid } from './ids.js';

/**
 * Refuses an id in the address that is not a UUID with 400 before the route runs, so no service
 * sees a malformed id. It says nothing of any record: every malformed id gets the same answer.
 */
@Injectable()
export class UuidPipe implements PipeTransform<string, string> {
  constructor(private readonly name = 'id') {}

  transform(value: string): string {
    if (!isUuid(value)) {
      throw new DomainError(
        'validation_failed',
        `The ${this.name} in the address must be a UUID.`,
        [{ field: this.name, message: 'must be a UUID' }],
      );
    }
    return value;
  }
}

/** A route parameter holding a record's id, checked to be a UUID (400 otherwise). */
export const IdParam = (name = 'id'): ParameterDecorator => Param(name, new UuidPipe(name));
