// Helpers shared by the built-in SMTs: the argument checks with Kafka's messages
// (Requirements), copying a schema's name, version, doc and parameters (SchemaUtil), and the small
// schema cache SMTs keep so a schema seen again maps to the same rebuilt schema.

import { BigDecimal, DataException, isPlainObject, type Schema, SchemaBuilder, type SchemaType, Struct } from '../data/index.js';

/** The version built-in transforms and predicates report: the Kafka release whose behaviour they match. */
export const BUILTIN_PLUGIN_VERSION = '4.1.2';

/** Kafka: "Only Map objects supported in absence of schema for [purpose], found: <class>". */
export function requireMap(value: unknown, purpose: string): Record<string, unknown> {
  if (!isPlainObject(value)) throw new DataException(`Only Map objects supported in absence of schema for [${purpose}], found: ${javaClassName(value)}`);
  return value as Record<string, unknown>;
}

/** Like requireMap, but null passes (Kafka's requireMapOrNull). */
export function requireMapOrNull(value: unknown, purpose: string): Record<string, unknown> | null {
  return value === null || value === undefined ? null : requireMap(value, purpose);
}

/** Kafka: "Only Struct objects supported for [purpose], found: <class>". */
export function requireStruct(value: unknown, purpose: string): Struct {
  if (!(value instanceof Struct)) throw new DataException(`Only Struct objects supported for [${purpose}], found: ${javaClassName(value)}`);
  return value;
}

export function requireStructOrNull(value: unknown, purpose: string): Struct | null {
  return value === null || value === undefined ? null : requireStruct(value, purpose);
}

/** Kafka: "Schema required for [purpose]". */
export function requireSchema(schema: Schema | null, purpose: string): Schema {
  if (schema === null) throw new DataException(`Schema required for [${purpose}]`);
  return schema;
}

/** The Java class name Kafka's messages would show for a value. */
export function javaClassName(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (value instanceof Struct) return 'org.apache.kafka.connect.data.Struct';
  if (Buffer.isBuffer(value) || value instanceof Uint8Array) return '[B';
  if (value instanceof Date) return 'java.util.Date';
  if (Array.isArray(value)) return 'java.util.ArrayList';
  if (isPlainObject(value) || value instanceof Map) return 'java.util.HashMap';
  if (value instanceof BigDecimal) return 'java.math.BigDecimal';
  switch (typeof value) {
    case 'string':
      return 'java.lang.String';
    case 'boolean':
      return 'java.lang.Boolean';
    case 'bigint':
      return 'java.lang.Long';
    case 'number':
      // Schemaless whole numbers are Longs (as JsonConverter reads them), others Doubles.
      return Number.isSafeInteger(value) && !Object.is(value, -0) ? 'java.lang.Long' : 'java.lang.Double';
    default:
      return (value as object).constructor?.name ?? typeof value;
  }
}

/**
 * Kafka's ConnectSchema.schemaType(value.getClass()): the Connect type of a schemaless value in
 * the data model's forms — a whole number within ±(2^53−1) counts as INT64 (a Long, as
 * JsonConverter reads integers; larger longs arrive as bigint), any other number as FLOAT64 (a
 * Double) — or undefined for values Connect has no schemaless type for (dates, decimals), which
 * Kafka's SMTs reject.
 */
export function schemalessType(value: unknown): SchemaType | undefined {
  switch (typeof value) {
    case 'number':
      return Number.isSafeInteger(value) && !Object.is(value, -0) ? 'INT64' : 'FLOAT64';
    case 'bigint':
      return 'INT64';
    case 'boolean':
      return 'BOOLEAN';
    case 'string':
      return 'STRING';
    default:
      break;
  }
  if (value instanceof Uint8Array) return 'BYTES';
  if (Array.isArray(value)) return 'ARRAY';
  if (value instanceof Struct) return 'STRUCT';
  if (value instanceof Map || isPlainObject(value)) return 'MAP';
  return undefined;
}

/** Kafka's SchemaUtil.copySchemaBasics: name, version, doc and parameters (not optionality or default). */
export function copySchemaBasics(source: Schema, builder: SchemaBuilder): SchemaBuilder {
  if (source.name !== undefined && source.name !== null) builder.name(source.name);
  if (source.version !== undefined && source.version !== null) builder.version(source.version);
  if (source.doc !== undefined && source.doc !== null) builder.doc(source.doc);
  if (source.parameters !== undefined && source.parameters !== null && Object.keys(source.parameters).length > 0) builder.parameters(source.parameters);
  return builder;
}

/** A small LRU map from input schema to the schema an SMT derived from it (Kafka keeps 16). */
export class SchemaCache {
  readonly #entries = new Map<Schema, Schema>();
  readonly #capacity: number;

  constructor(capacity = 16) {
    this.#capacity = capacity;
  }

  get(schema: Schema): Schema | undefined {
    const found = this.#entries.get(schema);
    if (found !== undefined) {
      this.#entries.delete(schema);
      this.#entries.set(schema, found);
    }
    return found;
  }

  set(schema: Schema, derived: Schema): void {
    this.#entries.delete(schema);
    this.#entries.set(schema, derived);
    if (this.#entries.size > this.#capacity) this.#entries.delete(this.#entries.keys().next().value!);
  }
}
