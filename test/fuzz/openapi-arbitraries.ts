import fc from 'fast-check';
import {
  boundaryNumber,
  EXTRA_PROPERTIES,
  hugeString,
  beyondLimitString,
  nastyString,
  rawBody,
  type RawBody,
  withOwnProperty,
  wrongTypedValue,
} from './mutations.js';

/** The parts of an OpenAPI 3 schema object the api's document uses. */
export interface SchemaObject {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  maxItems?: number;
  items?: SchemaObject;
  properties?: Record<string, SchemaObject>;
  required?: string[];
  nullable?: boolean;
  example?: unknown;
  default?: unknown;
}

/** One parameter of an operation. */
export interface ParameterObject {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: SchemaObject;
}

/** One operation (method on a path). */
export interface OperationObject {
  operationId?: string;
  tags?: string[];
  parameters?: ParameterObject[];
  requestBody?: { required?: boolean; content: Record<string, { schema?: SchemaObject }> };
  responses: Record<string, { content?: Record<string, unknown> }>;
  security?: Record<string, string[]>[];
}

/** The api's OpenAPI document, as far as the fuzzer reads it. */
export interface OpenApiDocument {
  paths: Record<string, Record<string, OperationObject>>;
  components: { schemas: Record<string, SchemaObject> };
}

/** What generated values may use: fixture ids for uuid fields, so requests get past lookups. */
export interface GenerationContext {
  doc: OpenApiDocument;
  /** Ids of rows the test created; a uuid field picks one of these most of the time. */
  knownIds: readonly string[];
  /** The ids that make sense for a named field (`sourceId`, `caseIds` …), picked first. */
  idsByField: Readonly<Record<string, readonly string[]>>;
}

/** Follows a `$ref` to `#/components/schemas/...` (one level at a time, as Nest writes them). */
export function resolveSchema(doc: OpenApiDocument, schema: SchemaObject): SchemaObject {
  let current = schema;
  for (let hops = 0; current.$ref && hops < 10; hops += 1) {
    const name = current.$ref.replace('#/components/schemas/', '');
    const target = doc.components.schemas[name];
    if (!target) throw new Error(`unresolved $ref ${current.$ref}`);
    current = target;
  }
  return current;
}

const isoDate = fc
  .date({ min: new Date('1990-01-01'), max: new Date('2030-12-31'), noInvalidDate: true })
  .map((d) => d.toISOString());

/** A value the schema accepts (as far as its keywords say; domain rules may still refuse it). */
export function validValue(
  ctx: GenerationContext,
  raw: SchemaObject,
  depth = 0,
  field = '',
): fc.Arbitrary<unknown> {
  const schema = resolveSchema(ctx.doc, raw);
  const base = validNonNull(ctx, schema, depth, field);
  return schema.nullable
    ? fc.oneof({ weight: 5, arbitrary: base }, { weight: 1, arbitrary: fc.constant(null) })
    : base;
}

function validNonNull(ctx: GenerationContext, schema: SchemaObject, depth: number, field: string) {
  if (schema.enum?.length) return fc.constantFrom(...schema.enum);
  switch (schema.type) {
    case 'string':
      return validString(ctx, schema, field);
    case 'number':
    case 'integer': {
      const min = schema.minimum ?? 0;
      const max = schema.maximum ?? Math.max(min, 1000);
      const ints = fc.integer({ min: Math.ceil(min), max: Math.floor(max) });
      return typeof schema.example === 'number'
        ? fc.oneof(fc.constant(schema.example), ints)
        : ints;
    }
    case 'boolean':
      return fc.boolean();
    case 'array': {
      const items = schema.items ?? {};
      const maxLength = Math.min(schema.maxItems ?? 3, 3);
      if (Array.isArray(schema.example)) {
        return fc.oneof(
          fc.constant(schema.example),
          fc.array(validValue(ctx, items, depth + 1, field), { maxLength }),
        );
      }
      return fc.array(validValue(ctx, items, depth + 1, field), { maxLength });
    }
    case 'object':
    default:
      return validObject(ctx, schema, depth);
  }
}

function validString(
  ctx: GenerationContext,
  schema: SchemaObject,
  field: string,
): fc.Arbitrary<string> {
  switch (schema.format) {
    case 'uuid': {
      const options: fc.WeightedArbitrary<string>[] = [{ weight: 1, arbitrary: fc.uuid() }];
      const meant = ctx.idsByField[field];
      if (meant?.length) options.push({ weight: 6, arbitrary: fc.constantFrom(...meant) });
      if (ctx.knownIds.length)
        options.push({ weight: 2, arbitrary: fc.constantFrom(...ctx.knownIds) });
      return fc.oneof(...options);
    }
    case 'email':
      return fc.emailAddress().map((e) => e.toLowerCase());
    case 'date':
      return isoDate.map((d) => d.slice(0, 10));
    case 'date-time':
      return isoDate;
    case 'binary':
      return fc.string();
    default: {
      const minLength = schema.minLength ?? 0;
      const maxLength = Math.min(schema.maxLength ?? 60, 200);
      const text = fc.string({ minLength: Math.max(minLength, 1), maxLength, unit: 'grapheme' });
      return typeof schema.example === 'string'
        ? fc.oneof({ weight: 3, arbitrary: fc.constant(schema.example) }, text)
        : text;
    }
  }
}

function validObject(
  ctx: GenerationContext,
  schema: SchemaObject,
  depth: number,
): fc.Arbitrary<Record<string, unknown>> {
  const props = Object.entries(schema.properties ?? {});
  if (!props.length || depth > 4) return fc.constant({});
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [name, prop] of props) model[name] = validValue(ctx, prop, depth + 1, name);
  return fc.record(model, { requiredKeys: schema.required ?? [] });
}

/** A value for a field of `schema` that breaks it: wrong type, null, nasty text, boundaries. */
export function mutatedValue(ctx: GenerationContext, raw: SchemaObject): fc.Arbitrary<unknown> {
  const schema = resolveSchema(ctx.doc, raw);
  const options: fc.WeightedArbitrary<unknown>[] = [
    { weight: 3, arbitrary: wrongTypedValue },
    { weight: 2, arbitrary: fc.constant(null) },
    { weight: 3, arbitrary: nastyString },
    { weight: 2, arbitrary: boundaryNumber },
    { weight: 1, arbitrary: hugeString },
  ];
  if (schema.type === 'array') {
    options.push({
      weight: 2,
      arbitrary: fc.array(mutatedLeaf(ctx, schema.items ?? {}), { minLength: 1, maxLength: 3 }),
    });
    options.push({ weight: 1, arbitrary: fc.constant(new Array<number>(500).fill(1)) });
  }
  if (schema.type === 'object' || schema.properties) {
    options.push({ weight: 3, arbitrary: mutatedObject(ctx, schema) });
  }
  return fc.oneof(...options);
}

function mutatedLeaf(ctx: GenerationContext, raw: SchemaObject): fc.Arbitrary<unknown> {
  const schema = resolveSchema(ctx.doc, raw);
  return schema.properties
    ? mutatedObject(ctx, schema)
    : fc.oneof(wrongTypedValue, nastyString, boundaryNumber);
}

/**
 * A body object derived from a valid one by one or two mutations: a field dropped, a field set
 * to a broken value, an extra (forbidden or prototype-polluting) property added.
 */
export function mutatedObject(
  ctx: GenerationContext,
  schema: SchemaObject,
): fc.Arbitrary<Record<string, unknown>> {
  const names = Object.keys(schema.properties ?? {});
  const mutation = fc.oneof(
    names.length
      ? fc.constantFrom(...names).chain((name) =>
          fc.oneof(
            mutatedValue(ctx, schema.properties?.[name] ?? {}).map((value) => ({
              op: 'set' as const,
              name,
              value,
            })),
            fc.constant({ op: 'drop' as const, name, value: undefined }),
          ),
        )
      : fc.constant({ op: 'drop' as const, name: 'nothing', value: undefined }),
    fc
      .constantFrom(...EXTRA_PROPERTIES)
      .map(([name, value]) => ({ op: 'set' as const, name, value })),
  );
  return fc
    .tuple(validObject(ctx, schema, 0), fc.array(mutation, { minLength: 1, maxLength: 2 }))
    .map(([valid, mutations]) => {
      let body: Record<string, unknown> = valid;
      for (const m of mutations) {
        if (m.op === 'drop') {
          const { [m.name]: _dropped, ...rest } = body;
          body = rest;
        } else {
          body = withOwnProperty(body, m.name, m.value);
        }
      }
      return body;
    });
}

/** A request body: JSON (serialised by the sender) or raw text. */
export type FuzzBody = { kind: 'none' } | { kind: 'json'; value: unknown } | RawBody;

/** Bodies for an operation: mostly valid or mutated JSON objects, some raw or non-object ones. */
export function bodyArbitrary(ctx: GenerationContext, op: OperationObject): fc.Arbitrary<FuzzBody> {
  const schema = op.requestBody?.content['application/json']?.schema;
  const json = (a: fc.Arbitrary<unknown>) => a.map((value): FuzzBody => ({ kind: 'json', value }));
  const nonObject = json(fc.oneof(wrongTypedValue, fc.constant([{}])));
  const tooLarge = json(beyondLimitString.map((s) => ({ filler: s })));
  if (!schema) {
    return fc.oneof(
      { weight: 6, arbitrary: fc.constant<FuzzBody>({ kind: 'none' }) },
      { weight: 2, arbitrary: json(fc.dictionary(nastyString, nastyString, { maxKeys: 2 })) },
      { weight: 1, arbitrary: rawBody },
    );
  }
  return fc.oneof(
    { weight: 4, arbitrary: json(validValue(ctx, schema)) },
    { weight: 8, arbitrary: json(mutatedObject(ctx, resolveSchema(ctx.doc, schema))) },
    { weight: 1, arbitrary: nonObject },
    { weight: 2, arbitrary: rawBody },
    { weight: 1, arbitrary: fc.constant<FuzzBody>({ kind: 'none' }) },
    { weight: 1, arbitrary: tooLarge },
  );
}

/** A query parameter's value as sent: one string, or several (a repeated key). */
export type QueryValue = string | string[];

/** Longest query value sent: Node refuses a request line over 16 KB before the app sees it. */
const MAX_QUERY_VALUE = 3000;

function asQueryValue(value: unknown): QueryValue {
  const one = (v: unknown) =>
    (typeof v === 'string' ? v : JSON.stringify(v)).slice(0, MAX_QUERY_VALUE);
  return Array.isArray(value) ? value.slice(0, 5).map(one) : one(value);
}

/** Query parameters of an operation: each valid, absent or mutated, plus unknown ones. */
export function queryArbitrary(
  ctx: GenerationContext,
  op: OperationObject,
): fc.Arbitrary<[string, QueryValue][]> {
  const params = (op.parameters ?? []).filter((p) => p.in === 'query');
  const each = params.map((p) => {
    const schema = p.schema ?? { type: 'string' };
    const present = fc.oneof(
      { weight: 3, arbitrary: validValue(ctx, schema, 0, p.name).map(asQueryValue) },
      { weight: 3, arbitrary: mutatedValue(ctx, schema).map(asQueryValue) },
      { weight: 1, arbitrary: fc.array(nastyString, { minLength: 2, maxLength: 3 }) },
    );
    const value = p.required ? present : fc.option(present, { freq: 2, nil: undefined });
    return value.map((v) => (v === undefined ? null : ([p.name, v] as [string, QueryValue])));
  });
  const unknown = fc.option(
    fc.tuple(fc.constantFrom('unknown', '__proto__', 'constructor', 'limit[]'), nastyString),
    { freq: 5, nil: undefined },
  );
  const validOnly = params.map((p) => {
    const value = validValue(ctx, p.schema ?? { type: 'string' }, 0, p.name).map(asQueryValue);
    const maybe = p.required ? value : fc.option(value, { freq: 2, nil: undefined });
    return maybe.map((v) => (v === undefined ? null : ([p.name, v] as [string, QueryValue])));
  });
  const present = (pairs: ([string, QueryValue] | null)[]) =>
    pairs.filter((p): p is [string, QueryValue] => p !== null);
  // Half the time every parameter is valid, so list routes run their queries too.
  return fc.oneof(
    fc.tuple(...validOnly).map(present),
    fc
      .tuple(fc.tuple(...each), unknown)
      .map(([pairs, extra]) => (extra ? [...present(pairs), extra] : present(pairs))),
  );
}
