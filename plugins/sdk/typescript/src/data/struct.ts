// Struct (a value of a STRUCT schema, as Kafka's Struct) and validateValue, the check that a value
// fits a schema (Kafka's ConnectSchema.validateValue), which Struct.put applies to every field.
//
// Value representation: INT8/16/32, FLOAT32/64 -> number; INT64 -> number, or bigint beyond
// ±(2^53 - 1); BOOLEAN -> boolean; STRING -> string; BYTES -> Uint8Array (Buffer); ARRAY -> array;
// MAP -> Map (a plain object is accepted for string keys); STRUCT -> Struct; Decimal -> BigDecimal;
// Date, Time, Timestamp -> Date.

import { BigDecimal } from './big-decimal.js';
import { DataException } from './errors.js';
import { DATE_LOGICAL_NAME, DECIMAL_LOGICAL_NAME, TIME_LOGICAL_NAME, TIMESTAMP_LOGICAL_NAME } from './logical-names.js';
import type { Field, Schema, SchemaType } from './schema.js';
import { valueEquals } from './value-equality.js';

const INTEGER_RANGES: Partial<Record<SchemaType, readonly [number, number]>> = {
  INT8: [-128, 127],
  INT16: [-32768, 32767],
  INT32: [-2147483648, 2147483647],
};
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

export class Struct {
  readonly schema: Schema;
  readonly #values: unknown[];

  constructor(schema: Schema) {
    if (schema.type !== 'STRUCT') throw new DataException(`Not a struct schema: ${schema.toString()}`);
    this.schema = schema;
    this.#values = new Array<unknown>(schema.fields.length).fill(null);
  }

  /**
   * A struct from one value per field, in field order, that the caller has already checked against
   * the field schemas (the wire decoder does, as it parses each value by its schema). Only the
   * check the decoder cannot make is made here: a required field without a default is not null.
   */
  static fromCheckedValues(schema: Schema, values: unknown[]): Struct {
    const struct = new Struct(schema);
    const fields = schema.fields;
    for (let i = 0; i < fields.length; i++) {
      const value = values[i] ?? null;
      const field = fields[i]!;
      if (value === null && !field.schema.optional && !field.schema.hasDefault()) {
        validateValue(field.schema, value, field.name); // throws Kafka's message
      }
      struct.#values[i] = value;
    }
    return struct;
  }

  /** The field's value, or its schema default when the value is null. */
  get(field: string | Field): unknown {
    const resolved = this.#lookup(field);
    const value = this.#values[resolved.index];
    return value === null || value === undefined ? (resolved.schema.defaultValue ?? null) : value;
  }

  /** The field's value as stored, without applying a default. */
  getWithoutDefault(field: string | Field): unknown {
    return this.#values[this.#lookup(field).index] ?? null;
  }

  /** Sets a field after checking the value against the field's schema. */
  put(field: string | Field, value: unknown): this {
    const resolved = this.#lookup(field);
    validateValue(resolved.schema, value, resolved.name);
    this.#values[resolved.index] = value ?? null;
    return this;
  }

  /** Checks that every required field without a default has a value. */
  validate(): void {
    validateValue(this.schema, this);
  }

  equals(other: unknown): boolean {
    if (!(other instanceof Struct) || !this.schema.equals(other.schema)) return false;
    return this.#values.every((value, i) => valueEquals(value, other.#values[i]));
  }

  toString(): string {
    const parts = this.schema.fields
      .filter((field) => this.#values[field.index] !== null)
      .map((field) => `${field.name}=${String(this.#values[field.index])}`);
    return `Struct{${parts.join(',')}}`;
  }

  #lookup(field: string | Field): Field {
    if (typeof field !== 'string') return field;
    const resolved = this.schema.field(field);
    if (resolved === undefined) throw new DataException(`${field} is not a valid field name`);
    return resolved;
  }
}

/** Throws a DataException when `value` does not fit `schema`. */
export function validateValue(schema: Schema, value: unknown, fieldName?: string): void {
  const where = fieldName === undefined ? '' : ` for field: "${fieldName}"`;
  if (value === null || value === undefined) {
    if (schema.optional || schema.defaultValue !== undefined) return;
    throw new DataException(`Invalid value: null used for required field${fieldName === undefined ? '' : `: "${fieldName}"`}, schema type: ${schema.type}`);
  }
  const mismatch = (): DataException =>
    new DataException(`Invalid value of type ${describeType(value)} for schema with type ${schema.type}${schema.name === undefined ? '' : ` (${schema.name})`}${where}`);
  switch (schema.name) {
    case DECIMAL_LOGICAL_NAME:
      if (!(value instanceof BigDecimal)) throw mismatch();
      return;
    case DATE_LOGICAL_NAME:
    case TIME_LOGICAL_NAME:
    case TIMESTAMP_LOGICAL_NAME:
      if (!(value instanceof Date)) throw mismatch();
      return;
    default:
      break;
  }
  switch (schema.type) {
    case 'INT8':
    case 'INT16':
    case 'INT32': {
      const [min, max] = INTEGER_RANGES[schema.type]!;
      if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) throw mismatch();
      return;
    }
    case 'INT64':
      if (typeof value === 'number' && Number.isSafeInteger(value)) return;
      if (typeof value === 'bigint' && value >= INT64_MIN && value <= INT64_MAX) return;
      throw mismatch();
    case 'FLOAT32':
    case 'FLOAT64':
      if (typeof value !== 'number') throw mismatch();
      return;
    case 'BOOLEAN':
      if (typeof value !== 'boolean') throw mismatch();
      return;
    case 'STRING':
      if (typeof value !== 'string') throw mismatch();
      return;
    case 'BYTES':
      if (!(value instanceof Uint8Array)) throw mismatch();
      return;
    case 'ARRAY':
      if (!Array.isArray(value)) throw mismatch();
      for (const element of value) validateValue(schema.valueSchema!, element, fieldName);
      return;
    case 'MAP':
      for (const [key, element] of mapEntries(value) ?? throwError(mismatch())) {
        validateValue(schema.keySchema!, key, fieldName);
        validateValue(schema.valueSchema!, element, fieldName);
      }
      return;
    case 'STRUCT':
      if (!(value instanceof Struct)) throw mismatch();
      if (!value.schema.equals(schema)) {
        throw new DataException(`Struct schemas do not match${where}: expected ${schema.toString()}, got ${value.schema.toString()}`);
      }
      for (const field of schema.fields) validateValue(field.schema, value.getWithoutDefault(field), field.name);
      return;
  }
}

/** The entries of a MAP value: a Map, or a plain object standing for a string-keyed map. */
export function mapEntries(value: unknown): Iterable<[unknown, unknown]> | undefined {
  if (value instanceof Map) return value.entries();
  if (isPlainObject(value)) return Object.entries(value);
  return undefined;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value !== 'object') return typeof value;
  return (value as object).constructor?.name ?? 'object';
}

function throwError(error: Error): never {
  throw error;
}
