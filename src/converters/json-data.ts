// The JsonConverter's payload rules: Connect values to the JSON tree and back, with or without a
// schema (Kafka's JsonConverter.convertToJson / convertToConnect), including the logical types
// (Decimal as Base64 of the unscaled bytes or as a number, Date as days, Time as milliseconds of
// the day, Timestamp as epoch milliseconds), maps with non-string keys as [[key, value], ...], and
// the null/default rules of replace.null.with.default. Reading is as lenient as Kafka's, which
// leans on Jackson's coercions: an INT8 of 300 reads as 44, a STRING of 5 reads as null.
//
// Data model representation (see the SDK's struct.ts): INT8/16/32 and FLOAT32/64 are numbers, INT64
// a number or (beyond ±(2^53−1)) a bigint, BYTES a Uint8Array, ARRAY an array, MAP a Map (or a
// plain object for string keys), STRUCT a Struct, Decimal a BigDecimal, Date/Time/Timestamp a Date.
// Without a schema a JavaScript number is written as an integer when it is one (a Java Integer or
// Long) and otherwise as a Java double.

import {
  BigDecimal,
  DATE_LOGICAL_NAME,
  DECIMAL_LOGICAL_NAME,
  DataException,
  DateSchema,
  Struct,
  TIME_LOGICAL_NAME,
  TIMESTAMP_LOGICAL_NAME,
  TimeSchema,
  isPlainObject,
  mapEntries,
  type Schema,
  type SchemaType,
} from '../data/index.js';
import { decodeBase64 } from './java-json.js';
import {
  JsonBinary,
  JsonNumber,
  MISSING_NODE,
  booleanValue,
  childrenOf,
  isObjectNode,
  nodeType,
  numberOf,
  textValue,
  type JsonDocument,
  type JsonNode,
  type JsonObject,
} from './json-node.js';

export type DecimalFormat = 'BASE64' | 'NUMERIC';

export interface JsonDataOptions {
  readonly decimalFormat: DecimalFormat;
  readonly replaceNullWithDefault: boolean;
}

const INT_RANGES: Partial<Record<SchemaType, readonly [number, number]>> = {
  INT8: [-128, 127],
  INT16: [-32768, 32767],
  INT32: [-2147483648, 2147483647],
};
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const MILLIS_PER_DAY = 86_400_000;

/** Connect value → JSON tree (convertToJson). A null schema means schemaless. */
export function convertToJson(options: JsonDataOptions, schema: Schema | null, value: unknown): JsonNode {
  if (value === null || value === undefined) {
    if (schema === null) return null;
    if (schema.defaultValue !== undefined && schema.defaultValue !== null && options.replaceNullWithDefault) {
      return convertToJson(options, schema, schema.defaultValue);
    }
    if (schema.optional) return null;
    throw new DataException('Conversion error: null value for field that is required and has no default value');
  }
  if (schema !== null) {
    const logical = logicalToJson(options, schema, value);
    if (logical !== undefined) return logical;
  }
  const type = schema?.type ?? schemalessType(value);
  const invalid = (): DataException => new DataException(`Invalid type for ${schema?.type ?? 'unknown schema'}: ${javaClassOf(value)}`);
  switch (type) {
    case 'INT8':
    case 'INT16':
    case 'INT32': {
      const [min, max] = INT_RANGES[type]!;
      if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) throw invalid();
      return JsonNumber.integer(value);
    }
    case 'INT64':
      if (typeof value === 'number' && Number.isInteger(value) && !Object.is(value, -0) && BigInt(value) >= INT64_MIN && BigInt(value) <= INT64_MAX) return JsonNumber.integer(value);
      if (typeof value === 'bigint' && value >= INT64_MIN && value <= INT64_MAX) return JsonNumber.integer(value);
      throw invalid();
    case 'FLOAT32':
      if (typeof value !== 'number') throw invalid();
      return JsonNumber.float(value);
    case 'FLOAT64':
      if (typeof value !== 'number') throw invalid();
      return JsonNumber.double(value);
    case 'BOOLEAN':
      if (typeof value !== 'boolean') throw invalid();
      return value;
    case 'STRING':
      if (typeof value !== 'string') throw invalid();
      return value;
    case 'BYTES':
      if (!(value instanceof Uint8Array)) throw new DataException(`Invalid type for bytes type: ${javaClassOf(value)}`);
      return new JsonBinary(value);
    case 'ARRAY': {
      if (!Array.isArray(value)) throw invalid();
      const elementSchema = schema?.valueSchema ?? null;
      return value.map((element: unknown) => convertToJson(options, elementSchema, element));
    }
    case 'MAP':
      return mapToJson(options, schema, value, invalid);
    case 'STRUCT': {
      if (!(value instanceof Struct)) throw invalid();
      if (schema === null || !value.schema.equals(schema)) throw new DataException('Mismatching schema.');
      const object: JsonObject = new Map();
      for (const field of schema.fields) object.set(field.name, convertToJson(options, field.schema, value.getWithoutDefault(field)));
      return object;
    }
  }
}

function mapToJson(options: JsonDataOptions, schema: Schema | null, value: unknown, invalid: () => DataException): JsonNode {
  const entries = mapEntries(value);
  if (entries === undefined) throw invalid();
  const pairs = [...entries];
  const keySchema = schema?.keySchema ?? null;
  const valueSchema = schema?.valueSchema ?? null;
  const objectMode = schema === null ? pairs.every(([key]) => typeof key === 'string') : keySchema!.type === 'STRING';
  if (objectMode) {
    const object: JsonObject = new Map();
    for (const [key, element] of pairs) object.set(asText(convertToJson(options, keySchema, key)), convertToJson(options, valueSchema, element));
    return object;
  }
  return pairs.map(([key, element]) => [convertToJson(options, keySchema, key), convertToJson(options, valueSchema, element)]);
}

/** Jackson's asText() of a map key node (a text node, or null written as "null"). */
function asText(node: JsonNode): string {
  if (typeof node === 'string') return node;
  if (node === null) return 'null';
  if (node instanceof JsonNumber) return node.kind === 'integer' ? node.integer.toString() : String(node.doubleValue());
  return String(node);
}

function logicalToJson(options: JsonDataOptions, schema: Schema, value: unknown): JsonNode | undefined {
  switch (schema.name) {
    case DECIMAL_LOGICAL_NAME:
      if (!(value instanceof BigDecimal)) throw new DataException(`Invalid type for Decimal, expected BigDecimal but was ${javaClassOf(value)}`);
      if (options.decimalFormat === 'NUMERIC') return JsonNumber.decimal(value);
      return new JsonBinary(decimalBytes(schema, value));
    case DATE_LOGICAL_NAME:
      if (!(value instanceof Date)) throw new DataException(`Invalid type for Date, expected Date but was ${javaClassOf(value)}`);
      return JsonNumber.integer(DateSchema.toDays(value));
    case TIME_LOGICAL_NAME:
      if (!(value instanceof Date)) throw new DataException(`Invalid type for Time, expected Date but was ${javaClassOf(value)}`);
      return JsonNumber.integer(TimeSchema.toMillisOfDay(value));
    case TIMESTAMP_LOGICAL_NAME:
      if (!(value instanceof Date)) throw new DataException(`Invalid type for Timestamp, expected Date but was ${javaClassOf(value)}`);
      return JsonNumber.integer(value.getTime());
    default:
      return undefined;
  }
}

/** Kafka's Decimal.fromLogical: the unscaled value's bytes, after checking the scale. */
function decimalBytes(schema: Schema, value: BigDecimal): Buffer {
  const scale = decimalScale(schema);
  if (value.scale !== scale) {
    throw new DataException(`Decimal value has mismatching scale for given Decimal schema. Schema has scale ${scale}, value has scale ${value.scale}.`);
  }
  return value.unscaledBytes();
}

function decimalScale(schema: Schema): number {
  const text = schema.parameters?.['scale'];
  if (text === undefined) throw new DataException('Invalid Decimal schema: scale parameter not found.');
  if (!/^[+-]?\d+$/.test(text) || Number(text) < -(2 ** 31) || Number(text) >= 2 ** 31) {
    throw new DataException('Invalid scale parameter found in Decimal schema: ');
  }
  return Number(text);
}

/** The schema type Kafka infers from a value's Java class (ConnectSchema.schemaType). */
function schemalessType(value: unknown): SchemaType {
  switch (typeof value) {
    case 'string':
      return 'STRING';
    case 'boolean':
      return 'BOOLEAN';
    case 'bigint':
      return 'INT64';
    case 'number':
      return Number.isInteger(value) && !Object.is(value, -0) ? 'INT64' : 'FLOAT64';
    default:
      break;
  }
  if (value instanceof Uint8Array) return 'BYTES';
  if (Array.isArray(value)) return 'ARRAY';
  if (value instanceof Map || isPlainObject(value)) return 'MAP';
  if (value instanceof Struct) return 'STRUCT';
  throw new DataException(`Java class ${javaClassOf(value)} does not have corresponding schema type.`);
}

/** JSON tree → Connect value (convertToConnect). A null schema means schemaless. */
export function convertToConnect(options: JsonDataOptions, schema: Schema | null, node: JsonDocument | undefined): unknown {
  let type: SchemaType;
  if (schema !== null) {
    type = schema.type;
    if (node === undefined || node === null || node === MISSING_NODE) {
      if (schema.defaultValue !== undefined && schema.defaultValue !== null && options.replaceNullWithDefault) return schema.defaultValue;
      if (schema.optional) return null;
      throw new DataException(`Invalid null value for required ${type} field`);
    }
  } else {
    if (node === undefined || node === null || node === MISSING_NODE) return null;
    type = inferredType(node);
  }
  if (schema !== null) {
    const logical = logicalToConnect(schema, node);
    if (logical !== undefined) return logical;
  }
  switch (type) {
    case 'BOOLEAN':
      return booleanValue(node);
    case 'INT8':
      return (numberOf(node).intValue() << 24) >> 24;
    case 'INT16':
      return (numberOf(node).intValue() << 16) >> 16;
    case 'INT32':
      return numberOf(node).intValue();
    case 'INT64':
      return numberOf(node).longValue();
    case 'FLOAT32':
      return numberOf(node).floatValue();
    case 'FLOAT64':
      return numberOf(node).doubleValue();
    case 'BYTES':
      return binaryValue(node, 'Invalid bytes field');
    case 'STRING':
      return textValue(node);
    case 'ARRAY': {
      const elementSchema = schema?.valueSchema ?? null;
      return childrenOf(node).map((element) => convertToConnect(options, elementSchema, element));
    }
    case 'MAP':
      return mapToConnect(options, schema, node);
    case 'STRUCT': {
      if (!isObjectNode(node)) throw new DataException(`Structs should be encoded as JSON objects, but found ${nodeType(node)}`);
      const struct = new Struct(schema!);
      for (const field of schema!.fields) struct.put(field, convertToConnect(options, field.schema, node.get(field.name)));
      return struct;
    }
  }
}

function inferredType(node: JsonNode): SchemaType {
  if (typeof node === 'boolean') return 'BOOLEAN';
  if (typeof node === 'string') return 'STRING';
  if (node instanceof JsonNumber) return node.isIntegral() ? 'INT64' : 'FLOAT64';
  if (Array.isArray(node)) return 'ARRAY';
  if (isObjectNode(node)) return 'MAP';
  throw new DataException('Unknown schema type: null');
}

function mapToConnect(options: JsonDataOptions, schema: Schema | null, node: JsonNode): Map<unknown, unknown> {
  const keySchema = schema?.keySchema ?? null;
  const valueSchema = schema?.valueSchema ?? null;
  const result = new Map<unknown, unknown>();
  if (schema === null || keySchema!.type === 'STRING') {
    if (!isObjectNode(node)) throw new DataException(`Maps with string fields should be encoded as JSON objects, but found ${nodeType(node)}`);
    for (const [key, element] of node) result.set(key, convertToConnect(options, valueSchema, element));
    return result;
  }
  if (!Array.isArray(node)) throw new DataException(`Maps with non-string fields should be encoded as JSON array of tuples, but found ${nodeType(node)}`);
  for (const entry of node) {
    if (!Array.isArray(entry)) throw new DataException(`Found invalid map entry instead of array tuple: ${nodeType(entry)}`);
    if (entry.length !== 2) throw new DataException(`Found invalid map entry, expected length 2 but found :${entry.length}`);
    result.set(convertToConnect(options, keySchema, entry[0]), convertToConnect(options, valueSchema, entry[1]));
  }
  return result;
}

function logicalToConnect(schema: Schema, node: JsonNode): unknown {
  switch (schema.name) {
    case DECIMAL_LOGICAL_NAME:
      if (node instanceof JsonNumber) return node.decimalValue();
      if (typeof node === 'string' || node instanceof JsonBinary) {
        try {
          const bytes = node instanceof JsonBinary ? node.bytes : decodeBase64(node);
          return BigDecimal.fromUnscaledBytes(bytes, decimalScale(schema));
        } catch (error) {
          throw new DataException('Invalid bytes for Decimal field', { cause: error });
        }
      }
      throw new DataException(`Invalid type for Decimal, underlying representation should be numeric or bytes but was ${nodeType(node)}`);
    case DATE_LOGICAL_NAME:
      if (!(node instanceof JsonNumber && node.isInt())) throw new DataException(`Invalid type for Date, underlying representation should be integer but was ${nodeType(node)}`);
      return DateSchema.fromDays(node.intValue());
    case TIME_LOGICAL_NAME: {
      if (!(node instanceof JsonNumber && node.isInt())) throw new DataException(`Invalid type for Time, underlying representation should be integer but was ${nodeType(node)}`);
      const millis = node.intValue();
      if (millis < 0 || millis > MILLIS_PER_DAY) throw new DataException('Time values must use number of milliseconds greater than 0 and less than 86400000');
      return TimeSchema.fromMillisOfDay(millis);
    }
    case TIMESTAMP_LOGICAL_NAME:
      if (!(node instanceof JsonNumber && node.isIntegral())) throw new DataException(`Invalid type for Timestamp, underlying representation should be integral but was ${nodeType(node)}`);
      return new Date(Number(node.longValue()));
    default:
      return undefined;
  }
}

/** Jackson's binaryValue(): Base64 text decoded, binary as is, null for every other node. */
function binaryValue(node: JsonNode, message: string): Buffer | null {
  if (node instanceof JsonBinary) return Buffer.from(node.bytes);
  if (typeof node !== 'string') return null;
  try {
    return decodeBase64(node);
  } catch (error) {
    throw new DataException(message, { cause: error });
  }
}

/**
 * The Java class Kafka would name in an error message for a value of this JavaScript type
 * ("class java.lang.String"); numbers are named after the narrowest Java type that holds them.
 */
export function javaClassOf(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return 'class java.lang.String';
    case 'boolean':
      return 'class java.lang.Boolean';
    case 'bigint':
      return 'class java.lang.Long';
    case 'number':
      if (!Number.isInteger(value) || Object.is(value, -0)) return 'class java.lang.Double';
      return value >= -(2 ** 31) && value < 2 ** 31 ? 'class java.lang.Integer' : 'class java.lang.Long';
    default:
      break;
  }
  if (value instanceof Uint8Array) return 'class [B';
  if (value instanceof BigDecimal) return 'class java.math.BigDecimal';
  if (value instanceof Date) return 'class java.util.Date';
  if (value instanceof Struct) return 'class org.apache.kafka.connect.data.Struct';
  if (Array.isArray(value)) return 'class java.util.ArrayList';
  if (value instanceof Map || isPlainObject(value)) return 'class java.util.HashMap';
  const name = (value as { constructor?: { name?: string } } | null | undefined)?.constructor?.name;
  return `class ${name ?? typeof value}`;
}
