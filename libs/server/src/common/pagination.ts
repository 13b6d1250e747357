import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { DomainError } from '@vigil/domain';
import { isUuid } from './ids.js';

/** `cursor` and `limit` accepted by every list route (keyset paging, docs/architecture.md §16). */
export class PageQueryDto {
  /** Opaque cursor from the previous page's `nextCursor`. */
  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  cursor?: string;

  /** Page size, 1–100 (default 50). */
  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}

/** A page of results. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Encodes the sort key of the last row of a page. */
export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/** Decodes a cursor, refusing anything this API did not produce. */
export function decodeCursor(cursor: string, arity: number): (string | number)[] {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(key) &&
      key.length === arity &&
      key.every((k) => typeof k === 'string' || typeof k === 'number')
    ) {
      return key as (string | number)[];
    }
  } catch {
    // fall through
  }
  throw invalidCursor();
}

/** The SQL type of one part of a keyset cursor. */
export type CursorPart = 'text' | 'uuid' | 'timestamp' | 'integer' | 'date' | 'real';

function partIsValid(value: string | number, part: CursorPart): boolean {
  if (typeof value !== 'string') return false;
  switch (part) {
    case 'text':
      return !value.includes('\u0000') && value.length <= 1000;
    case 'uuid':
      return isUuid(value);
    case 'timestamp':
      return isRealInstant(value);
    case 'integer':
      return /^\d{1,18}$/.test(value);
    case 'date':
      return isRealInstant(`${value}T00:00:00Z`);
    case 'real':
      return /^-?\d{1,20}(\.\d{1,20})?(e-?\d{1,3})?$/i.test(value);
  }
}

const INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(\.\d{1,6})?(Z|[+-]\d{2}(:?\d{2})?)$/;

// A date-time PostgreSQL will accept: JavaScript's Date rolls 31 February over to March, PostgreSQL
// refuses it, so the calendar is checked field by field.
function isRealInstant(value: string): boolean {
  const match = INSTANT.exec(value);
  if (!match) return false;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day &&
    hour < 24 &&
    minute < 60 &&
    second < 60
  );
}

/**
 * Decodes a keyset cursor and checks each part against the SQL type it will be compared with,
 * so a forged cursor is a 400, never a SQL error.
 */
export function decodeKeysetCursor(cursor: string, parts: readonly CursorPart[]): string[] {
  const values = decodeCursor(cursor, parts.length);
  if (values.every((v, i) => partIsValid(v, parts[i] ?? 'text'))) return values as string[];
  throw invalidCursor();
}

/** Decodes the cursor of a list sorted by (lower(name), id). */
export function decodeNameIdCursor(cursor: string): [name: string, id: string] {
  const [name = '', id = ''] = decodeKeysetCursor(cursor, ['text', 'uuid']);
  return [name, id];
}

function invalidCursor(): DomainError {
  return new DomainError('validation_failed', 'cursor is not valid for this list', [
    { field: 'cursor', message: 'pass back the nextCursor of the previous page unchanged' },
  ]);
}

/** Cuts the extra row fetched to know whether another page exists. */
export function toPage<R, T>(
  rows: R[],
  limit: number,
  present: (row: R) => T,
  key: (row: R) => (string | number)[],
): Page<T> {
  const more = rows.length > limit;
  const pageRows = more ? rows.slice(0, limit) : rows;
  const last = pageRows[pageRows.length - 1];
  return {
    items: pageRows.map(present),
    nextCursor: more && last !== undefined ? encodeCursor(key(last)) : null,
  };
}
