// The JSON value encoding: how a Connect value travels on the wire as JSON text, interpreted
// against its schema (docs/plugin-protocol.md, "Values"). Empty text means null.
//
// With a schema: integers as JSON numbers (INT64 beyond ±(2^53-1) as a decimal string), floats as
// numbers ("NaN", "Infinity", "-Infinity" as strings), BYTES as standard Base64, ARRAY as arrays,
// MAP as objects when keys are strings and otherwise as [[key, value], ...], STRUCT as objects
// keyed by field name, Decimal as a plain decimal string with exactly the schema's scale, Date as
// days since the epoch, Time as milliseconds of the day, Timestamp as epoch milliseconds.
// Without a schema, values are plain JSON and read back as Kafka's schemaless JsonConverter reads
// them: integers as INT64, other numbers as FLOAT64, objects as string-keyed maps.

import { BigDecimal } from '../data/big-decimal.js';
import { DataException } from '../data/errors.js';
import { DateSchema, DecimalSchema, TimeSchema } from '../data/logical-types.js';
import { DATE_LOGICAL_NAME, DECIMAL_LOGICAL_NAME, TIME_LOGICAL_NAME, TIMESTAMP_LOGICAL_NAME } from '../data/logical-names.js';
import type { Schema } from '../data/schema.js';
import { Struct, isPlainObject, mapEntries, validateValue } from '../data/struct.js';

/** Encodes a value as JSON text; null becomes the empty string. */
export function encodeValue(schema: Schema | null | undefined, value: unknown): string {
  if (value === null || value === undefined) return '';
  if (schema?.type === 'STRING' && typeof value === 'string') return JSON.stringify(value);
  return JSON.stringify(schema ? toJson(schema, value) : schemalessToJson(value));
}

/** Decodes JSON text produced by encodeValue; the empty string is null. */
export function decodeValue(schema: Schema | null | undefined, text: string): unknown {
  if (text === '') return null;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new DataException(`Value is not valid JSON: ${(error as Error).message}`, { cause: error });
  }
  return schema ? fromJson(schema, json) : schemalessFromJson(json);
}

/** The JSON form (ready for JSON.stringify) of a value with a schema. */
export function toJson(schema: Schema, value: unknown): unknown {
  if (value === null || value === undefined) {
    if (!schema.optional && schema.defaultValue === undefined) throw new DataException(`Null value for a required ${describe(schema)}`);
    return null;
  }
  switch (schema.name) {
    case DECIMAL_LOGICAL_NAME:
      if (!(value instanceof BigDecimal)) throw mismatch(schema, value);
      return value.withScale(DecimalSchema.scaleOf(schema)).toPlainString();
    case DATE_LOGICAL_NAME:
      if (!(value instanceof Date)) throw mismatch(schema, value);
      return DateSchema.toDays(value);
    case TIME_LOGICAL_NAME:
      if (!(value instanceof Date)) throw mismatch(schema, value);
      return TimeSchema.toMillisOfDay(value);
    case TIMESTAMP_LOGICAL_NAME:
      if (!(value instanceof Date)) throw mismatch(schema, value);
      return value.getTime();
    default:
      break;
  }
  switch (schema.type) {
    case 'INT8':
    case 'INT16':
    case 'INT32':
      if (typeof value !== 'number' || !Number.isInteger(value)) throw mismatch(schema, value);
      return value;
    case 'INT64':
      if (typeof value === 'number' && Number.isInteger(value)) return Number.isSafeInteger(value) ? value : BigInt(value).toString();
      if (typeof value === 'bigint') return isSafe(value) ? Number(value) : value.toString();
      throw mismatch(schema, value);
    case 'FLOAT32':
    case 'FLOAT64':
      if (typeof value !== 'number') throw mismatch(schema, value);
      return Number.isFinite(value) ? value : String(value);
    case 'BOOLEAN':
      if (typeof value !== 'boolean') throw mismatch(schema, value);
      return value;
    case 'STRING':
      if (typeof value !== 'string') throw mismatch(schema, value);
      return value;
    case 'BYTES':
      if (!(value instanceof Uint8Array)) throw mismatch(schema, value);
      return Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64');
    case 'ARRAY':
      if (!Array.isArray(value)) throw mismatch(schema, value);
      return value.map((element) => toJson(schema.valueSchema!, element));
    case 'MAP': {
      const entries = mapEntries(value);
      if (entries === undefined) throw mismatch(schema, value);
      if (schema.keySchema!.type === 'STRING') {
        const object: Record<string, unknown> = {};
        for (const [key, element] of entries) object[key as string] = toJson(schema.valueSchema!, element);
        return object;
      }
      return [...entries].map(([key, element]) => [toJson(schema.keySchema!, key), toJson(schema.valueSchema!, element)]);
    }
    case 'STRUCT': {
      if (!(value instanceof Struct)) throw mismatch(schema, value);
      const object: Record<string, unknown> = {};
      for (const field of schema.fields) object[field.name] = toJson(field.schema, value.getWithoutDefault(field));
      return object;
    }
  }
}

/** The Connect value of JSON read against a schema. */
export function fromJson(schema: Schema, json: unknown, fieldName?: string): unknown {
  if (json === null || json === undefined) return null;
  switch (schema.name) {
    case DECIMAL_LOGICAL_NAME: {
      if (typeof json !== 'string' && typeof json !== 'number') throw mismatch(schema, json);
      return BigDecimal.parse(String(json)).withScale(DecimalSchema.scaleOf(schema));
    }
    case DATE_LOGICAL_NAME:
      return DateSchema.fromDays(integer(schema, json));
    case TIME_LOGICAL_NAME:
      return TimeSchema.fromMillisOfDay(integer(schema, json));
    case TIMESTAMP_LOGICAL_NAME:
      return new Date(integer(schema, json));
    default:
      break;
  }
  switch (schema.type) {
    case 'INT8':
    case 'INT16':
    case 'INT32': {
      const value = integer(schema, json);
      const limit = INTEGER_LIMITS[schema.type] ?? 2 ** 31;
      if (value < -limit || value > limit - 1) validateValue(schema, value, fieldName); // throws the data model's message
      return value;
    }
    case 'INT64': {
      if (typeof json === 'number' && Number.isInteger(json)) return json;
      if (typeof json === 'string' && /^-?\d+$/.test(json)) {
        const big = BigInt(json);
        return isSafe(big) ? Number(big) : big;
      }
      throw mismatch(schema, json);
    }
    case 'FLOAT32':
    case 'FLOAT64':
      if (typeof json === 'number') return json;
      if (json === 'NaN' || json === 'Infinity' || json === '-Infinity') return Number(json);
      throw mismatch(schema, json);
    case 'BOOLEAN':
      if (typeof json !== 'boolean') throw mismatch(schema, json);
      return json;
    case 'STRING':
      if (typeof json !== 'string') throw mismatch(schema, json);
      return json;
    case 'BYTES':
      if (typeof json !== 'string') throw mismatch(schema, json);
      return Buffer.from(json, 'base64');
    case 'ARRAY':
      if (!Array.isArray(json)) throw mismatch(schema, json);
      return json.map((element) => fromJson(schema.valueSchema!, element));
    case 'MAP': {
      const map = new Map<unknown, unknown>();
      if (Array.isArray(json)) {
        for (const pair of json) {
          if (!Array.isArray(pair) || pair.length !== 2) throw new DataException(`A ${describe(schema)} entry must be a [key, value] pair`);
          map.set(fromJson(schema.keySchema!, pair[0]), fromJson(schema.valueSchema!, pair[1]));
        }
        return map;
      }
      if (!isPlainObject(json)) throw mismatch(schema, json);
      for (const [key, element] of Object.entries(json)) map.set(fromJson(schema.keySchema!, key), fromJson(schema.valueSchema!, element));
      return map;
    }
    case 'STRUCT': {
      if (!isPlainObject(json)) throw mismatch(schema, json);
      // Each value is checked as it is parsed by its field's schema; no second check per field.
      const fields = schema.fields;
      const values = new Array<unknown>(fields.length);
      for (let i = 0; i < fields.length; i++) values[i] = fromJson(fields[i]!.schema, json[fields[i]!.name], fields[i]!.name);
      return Struct.fromCheckedValues(schema, values);
    }
  }
}

/** The JSON form of a schemaless value. */
export function schemalessToJson(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return Number.isFinite(value) ? value : String(value);
    case 'bigint':
      if (isSafe(value)) return Number(value);
      throw new DataException(`A schemaless integer beyond ±(2^53-1) cannot be encoded (${value}); give the value an INT64 schema`);
    default:
      break;
  }
  if (value instanceof Uint8Array) return Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64');
  if (value instanceof Date) return value.getTime();
  if (value instanceof Struct) return toJson(value.schema, value);
  if (Array.isArray(value)) return value.map(schemalessToJson);
  const entries = mapEntries(value);
  if (entries !== undefined) {
    const pairs = [...entries];
    if (pairs.every(([key]) => typeof key === 'string')) {
      const object: Record<string, unknown> = {};
      for (const [key, element] of pairs) object[key as string] = schemalessToJson(element);
      return object;
    }
    return pairs.map(([key, element]) => [schemalessToJson(key), schemalessToJson(element)]);
  }
  throw new DataException(`Cannot encode a schemaless value of type ${(value as object).constructor?.name ?? typeof value}`);
}

/** The Connect value of schemaless JSON (objects become string-keyed Maps). */
export function schemalessFromJson(json: unknown): unknown {
  if (json === null || typeof json !== 'object') return json;
  if (Array.isArray(json)) return json.map(schemalessFromJson);
  const map = new Map<string, unknown>();
  for (const [key, element] of Object.entries(json)) map.set(key, schemalessFromJson(element));
  return map;
}

const INTEGER_LIMITS: Record<string, number> = { INT8: 2 ** 7, INT16: 2 ** 15, INT32: 2 ** 31 };

function integer(schema: Schema, json: unknown): number {
  if (typeof json !== 'number' || !Number.isInteger(json)) throw mismatch(schema, json);
  return json;
}

function isSafe(value: bigint): boolean {
  return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER);
}

function describe(schema: Schema): string {
  return schema.name === undefined ? `${schema.type} schema` : `${schema.type} schema (${schema.name})`;
}

function mismatch(schema: Schema, value: unknown): DataException {
  const type = value === null ? 'null' : typeof value === 'object' ? ((value as object).constructor?.name ?? 'object') : typeof value;
  return new DataException(`Value of type ${type} does not fit a ${describe(schema)}`);
}
