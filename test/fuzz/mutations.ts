import fc from 'fast-check';

/** The body limit of the test api (the default `BODY_LIMIT_BYTES`). */
export const BODY_LIMIT_BYTES = 1_048_576;

/** Strings of at least 100 KB, built once: one well inside the body limit, one beyond it. */
const HUGE_INSIDE = 'x'.repeat(100 * 1024 + 7);
const HUGE_UNICODE = '👩🏽‍⚕️ש'.repeat(12_000);
const HUGE_BEYOND = 'y'.repeat(BODY_LIMIT_BYTES + 1024);

/** Texts that have broken parsers, encoders, databases and renderers before. */
export const NASTY_STRINGS: readonly string[] = [
  '',
  ' ',
  'a\u0000b',
  '\u0000',
  '\ud800',
  'lone \udfff surrogate',
  '\udbff\udfff',
  '\u202eevil\u202c',
  'مرحبا بالعالم',
  'שלום',
  '👩‍👩‍👧‍👦🏳️‍🌈',
  'e\u0301\u0301\u0301',
  '\u200b\u200d\ufeff',
  '\uffff\ufffe',
  "' OR 1=1 --",
  '"; DROP TABLE cases; --',
  '%',
  '%%%25',
  '_\\%',
  '\\',
  '${7*7}{{7*7}}',
  '<script>alert(1)</script>',
  '../../etc/passwd',
  '\r\nX-Injected: 1',
  'NaN',
  'Infinity',
  '-Infinity',
  '1e308',
  '0x10',
  ' 1',
  '1_000',
  '-0',
  'null',
  'true',
  '[]',
  '{}',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '9999-12-31',
  '0000-00-00',
  '2026-02-30',
  '2026-13',
  '+275760-09-13T00:00:00.000Z',
  'KEN ',
  'ken',
  'XXX',
  'a'.repeat(255),
  'a'.repeat(5000),
];

/** Numbers at and beyond every boundary a field might have. */
export const BOUNDARY_NUMBERS: readonly number[] = [
  -1,
  0,
  -0,
  0.5,
  1,
  2 ** 31 - 1,
  2 ** 31,
  -(2 ** 31) - 1,
  2 ** 53,
  -(2 ** 53),
  Number.MAX_SAFE_INTEGER + 2,
  1e308,
  -1e308,
  5e-324,
];

/** A text a user could type or paste, or one of the nasty ones. */
export const nastyString: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
);

/** A string of 100 KB or more, within the body limit. */
export const hugeString: fc.Arbitrary<string> = fc.constantFrom(HUGE_INSIDE, HUGE_UNICODE);

/** A string whose JSON alone is larger than the body limit. */
export const beyondLimitString: fc.Arbitrary<string> = fc.constant(HUGE_BEYOND);

/** A number at a boundary. */
export const boundaryNumber: fc.Arbitrary<number> = fc.constantFrom(...BOUNDARY_NUMBERS);

/** Any JSON value of a type the schema did not ask for (the caller picks which are wrong). */
export const wrongTypedValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  boundaryNumber,
  nastyString,
  fc.constant([]),
  fc.array(fc.oneof(fc.integer(), nastyString), { minLength: 1, maxLength: 3 }),
  fc.constant({}),
  fc.dictionary(fc.constantFrom('a', 'id', '$gt', 'length'), fc.oneof(fc.integer(), nastyString), {
    maxKeys: 2,
  }),
);

/** Properties nobody may set through the API, and prototype-pollution keys. */
export const EXTRA_PROPERTIES: readonly (readonly [string, unknown])[] = [
  ['stage', 'mobilisation'],
  ['id', '00000000-0000-4000-8000-000000000000'],
  ['version', 999],
  ['createdBy', '00000000-0000-4000-8000-000000000000'],
  ['classification', 'strictly_confidential'],
  ['status', 'finalised'],
  ['roles', ['admin']],
  ['__proto__', { isAdmin: true }],
  ['constructor', { prototype: { isAdmin: true } }],
  ['prototype', {}],
  ['', ''],
  ['k'.repeat(2000), 1],
];

/** An object with `key` set as an own enumerable property, so JSON.stringify sends it. */
export function withOwnProperty(
  target: Record<string, unknown>,
  key: string,
  value: unknown,
): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...target };
  Object.defineProperty(copy, key, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

/** A body sent as raw text: malformed JSON, the wrong content type, deep nesting. */
export interface RawBody {
  kind: 'raw';
  contentType: string;
  text: string;
}

/** Raw bodies no client library would send, but an attacker or a broken proxy might. */
export const rawBody: fc.Arbitrary<RawBody> = fc
  .oneof(
    fc.constantFrom<[string, string]>(
      ['application/json', '{"title":'],
      ['application/json', '{"a":1}garbage'],
      ['application/json', "{'single':'quotes'}"],
      ['application/json', '{"a":1,"a":2}'],
      ['application/json', 'null'],
      ['application/json', '"just a string"'],
      ['application/json', '12345678901234567890123456789'],
      ['application/json', '[]'],
      ['application/json', '{"__proto__":{"polluted":true}}'],
      ['application/json', '{"constructor":{"prototype":{"polluted":true}}}'],
      ['application/json', '{"x":"\\ud800"}'],
      ['application/json', '{"x":"\\u0000"}'],
      ['application/json', '\ufeff{}'],
      ['application/json', `${'['.repeat(5000)}${']'.repeat(5000)}`],
      ['application/json', `{"a":${'{"a":'.repeat(2000)}1${'}'.repeat(2000)}}`],
      ['application/json; charset=utf-16', '{}'],
      ['application/json', ''],
      ['text/plain', 'hello'],
      ['application/x-www-form-urlencoded', 'title=x&country=KEN'],
      ['application/xml', '<a/>'],
      ['application/octet-stream', '{"title":"binary content type"}'],
    ),
    fc.string({ unit: 'binary', maxLength: 64 }).map((s) => ['application/json', s] as const),
  )
  .map(([contentType, text]) => ({ kind: 'raw' as const, contentType, text }));

/** Path segment values that are not what the route expects, already percent-encoded. */
export const mutatedPathSegment: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    'not-a-uuid',
    '00000000-0000-0000-0000-000000000000',
    '00000000-0000-4000-8000-00000000000g',
    '{00000000-0000-4000-8000-000000000000}',
    '0',
    '-1',
    '2147483648',
    '9007199254740993',
    '1e308',
    'NaN',
    'null',
    'undefined',
    '%00',
    '%ED%A0%80',
    '%zz',
    '%E0%A4%A',
    '..%2F..%2Fhealth',
    '%20',
    '%F0%9F%91%A9%E2%80%8D%F0%9F%91%A9',
    'a'.repeat(101),
    'a'.repeat(4000),
  ),
  nastyString.filter((s) => s.length > 0).map(encodeLoosely),
);

/**
 * Percent-encodes `value` for a URL; a lone surrogate (which encodeURIComponent refuses) becomes
 * the bytes of its invalid UTF-8 encoding, as a careless client would send it.
 */
export function encodeLoosely(value: string): string {
  let out = '';
  for (const ch of value) {
    const code = ch.codePointAt(0) ?? 0;
    if (code >= 0xd800 && code <= 0xdfff) {
      out += [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)]
        .map((b) => `%${b.toString(16).toUpperCase()}`)
        .join('');
    } else {
      out += encodeURIComponent(ch);
    }
  }
  return out;
}
