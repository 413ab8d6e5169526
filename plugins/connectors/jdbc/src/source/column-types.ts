// From PostgreSQL result columns to Connect schemas and values, as Confluent's
// GenericDatabaseDialect/PostgreSqlDatabaseDialect do through pgjdbc's JDBC types:
//   bool, bit(1)          -> BOOLEAN          int2 -> INT16, int4 -> INT32, int8/oid -> INT64
//   bit(2..8) -> INT8, bit(n>8) -> BYTES      float4 -> FLOAT32, float8/money -> FLOAT64
//   numeric(p,s)          -> Decimal(scale s) with parameter connect.decimal.precision=p; an
//                            unconstrained numeric gets scale 127 (NUMERIC_TYPE_SCALE_HIGH); other
//                            numeric.mapping values map by precision and scale to INT8..INT64/FLOAT64
//   char, varchar, text, name, xml, json, jsonb, uuid, enums -> STRING    bytea -> BYTES
//   date -> Date, time/timetz -> Time, timestamp/timestamptz -> Timestamp (or the
//   timestamp.granularity representation)
// Columns of other types (arrays, intervals, network types, composites, ...) are left out of the
// record with a warning, as Confluent does. A column is optional unless it is a table column
// declared NOT NULL (pgjdbc's isNullable). Values are read from the text format.

import {
  BigDecimal,
  BOOLEAN_SCHEMA,
  BYTES_SCHEMA,
  DateSchema,
  DecimalSchema,
  FLOAT32_SCHEMA,
  FLOAT64_SCHEMA,
  INT16_SCHEMA,
  INT32_SCHEMA,
  INT64_SCHEMA,
  INT8_SCHEMA,
  OPTIONAL_BOOLEAN_SCHEMA,
  OPTIONAL_BYTES_SCHEMA,
  OPTIONAL_FLOAT32_SCHEMA,
  OPTIONAL_FLOAT64_SCHEMA,
  OPTIONAL_INT16_SCHEMA,
  OPTIONAL_INT32_SCHEMA,
  OPTIONAL_INT64_SCHEMA,
  OPTIONAL_INT8_SCHEMA,
  OPTIONAL_STRING_SCHEMA,
  STRING_SCHEMA,
  type Schema,
  SchemaBuilder,
  TimeSchema,
  TimestampSchema,
  DataException,
} from '@polyconnect/sdk';
import type { NumericMapping, TimestampGranularity } from './source-config.js';
import { Instant, parseDate, parseTime, parseTimestamp, zoneOffsetSeconds } from '../time.js';

/** Confluent's NUMERIC_TYPE_SCALE_HIGH, used when a numeric column has no declared scale. */
export const NUMERIC_TYPE_SCALE_HIGH = 127;
const NUMERIC_TYPE_SCALE_LOW = -84;
const MAX_INTEGER_TYPE_PRECISION = 18;
export const DECIMAL_PRECISION_PARAMETER = 'connect.decimal.precision';

/** What the mapping needs to know about a result column. */
export interface ColumnDescription {
  /** The column label (Confluent's aliasOrName). */
  readonly name: string;
  /** The type OID, already resolved through domains to their base type. */
  readonly typeOid: number;
  readonly typeModifier: number;
  /** The type's name (pg_type.typname), for messages. */
  readonly typeName: string;
  /** pg_type.typtype of a type that is not built in: 'e' enum, 'b' base, 'c' composite, ... */
  readonly typeKind?: string;
  /** pg_type.typcategory ('S' string, 'A' array, ...) of a type that is not built in. */
  readonly typeCategory?: string;
  /** false only for a table column declared NOT NULL. */
  readonly nullable: boolean;
}

export type ColumnReader = (text: string) => unknown;

export interface FieldMapping {
  readonly field: string;
  readonly schema: Schema;
  readonly read: ColumnReader;
  /** Set for date-time columns: reads the exact instant (for timestamp offsets). */
  readonly readInstant?: (text: string) => Instant;
}

export interface MappingOptions {
  readonly numericMapping: NumericMapping;
  readonly granularity: TimestampGranularity;
  /** db.timezone */
  readonly zone: string;
}

export const OID = {
  bool: 16,
  bytea: 17,
  char: 18,
  name: 19,
  int8: 20,
  int2: 21,
  int4: 23,
  text: 25,
  oid: 26,
  json: 114,
  xml: 142,
  float4: 700,
  float8: 701,
  money: 790,
  bpchar: 1042,
  varchar: 1043,
  date: 1082,
  time: 1083,
  timestamp: 1114,
  timestamptz: 1184,
  timetz: 1266,
  bit: 1560,
  numeric: 1700,
  uuid: 2950,
  jsonb: 3802,
} as const;

const STRING_TYPES = new Set<number>([OID.char, OID.name, OID.text, OID.xml, OID.json, OID.bpchar, OID.varchar, OID.uuid, OID.jsonb]);

/** The numeric precision and scale a type modifier declares; (0, 0) when it declares none, as pgjdbc reports. */
export function numericPrecisionScale(typeModifier: number): { precision: number; scale: number } {
  if (typeModifier < 4) return { precision: 0, scale: 0 };
  const value = typeModifier - 4;
  // PostgreSQL 15+ stores the scale as an 11-bit signed number.
  return { precision: (value >> 16) & 0xffff, scale: ((value & 0x7ff) ^ 1024) - 1024 };
}

/** PostgreSqlDatabaseDialect.decimalScale: an unconstrained numeric (precision 0) gets scale 127. */
export function decimalScale(precision: number, scale: number): number {
  return precision === 0 && scale === 0 ? NUMERIC_TYPE_SCALE_HIGH : scale;
}

function choose(optional: boolean, required: Schema, optionalSchema: Schema): Schema {
  return optional ? optionalSchema : required;
}

function integerSchema(optional: boolean, precision: number): { schema: Schema; read: ColumnReader } {
  if (precision > 9) return { schema: choose(optional, INT64_SCHEMA, OPTIONAL_INT64_SCHEMA), read: readInt64Truncating };
  if (precision > 4) return { schema: choose(optional, INT32_SCHEMA, OPTIONAL_INT32_SCHEMA), read: readIntTruncating };
  if (precision > 2) return { schema: choose(optional, INT16_SCHEMA, OPTIONAL_INT16_SCHEMA), read: readIntTruncating };
  return { schema: choose(optional, INT8_SCHEMA, OPTIONAL_INT8_SCHEMA), read: readIntTruncating };
}

/** The field for a column, or undefined for a type Confluent does not map (the column is skipped). */
export function mapColumn(column: ColumnDescription, options: MappingOptions): FieldMapping | undefined {
  const optional = column.nullable;
  const field = column.name;
  const oid = column.typeOid;
  if (oid === OID.bool) return { field, schema: choose(optional, BOOLEAN_SCHEMA, OPTIONAL_BOOLEAN_SCHEMA), read: (t) => t === 't' };
  if (oid === OID.bit) {
    const bits = column.typeModifier > 0 ? column.typeModifier : 1;
    if (bits <= 1) return { field, schema: choose(optional, BOOLEAN_SCHEMA, OPTIONAL_BOOLEAN_SCHEMA), read: (t) => t === '1' };
    if (bits <= 8) return { field, schema: choose(optional, INT8_SCHEMA, OPTIONAL_INT8_SCHEMA), read: (t) => ((Number.parseInt(t, 2) << 24) >> 24) };
    return { field, schema: choose(optional, BYTES_SCHEMA, OPTIONAL_BYTES_SCHEMA), read: (t) => Buffer.from(t, 'utf8') };
  }
  if (oid === OID.int2) return { field, schema: choose(optional, INT16_SCHEMA, OPTIONAL_INT16_SCHEMA), read: Number };
  if (oid === OID.int4) return { field, schema: choose(optional, INT32_SCHEMA, OPTIONAL_INT32_SCHEMA), read: Number };
  if (oid === OID.int8 || oid === OID.oid) return { field, schema: choose(optional, INT64_SCHEMA, OPTIONAL_INT64_SCHEMA), read: readInt64 };
  if (oid === OID.float4) return { field, schema: choose(optional, FLOAT32_SCHEMA, OPTIONAL_FLOAT32_SCHEMA), read: Number };
  if (oid === OID.float8) return { field, schema: choose(optional, FLOAT64_SCHEMA, OPTIONAL_FLOAT64_SCHEMA), read: Number };
  if (oid === OID.money) return { field, schema: choose(optional, FLOAT64_SCHEMA, OPTIONAL_FLOAT64_SCHEMA), read: readMoney };
  if (oid === OID.numeric) return mapNumeric(column, optional, options.numericMapping);
  if (STRING_TYPES.has(oid) || column.typeKind === 'e' || (column.typeCategory === 'S' && column.typeKind === 'b')) {
    return { field, schema: choose(optional, STRING_SCHEMA, OPTIONAL_STRING_SCHEMA), read: (t) => t };
  }
  if (oid === OID.bytea) return { field, schema: choose(optional, BYTES_SCHEMA, OPTIONAL_BYTES_SCHEMA), read: readBytea };
  if (oid === OID.date) {
    const builder = DateSchema.builder();
    if (optional) builder.optional();
    return { field, schema: builder.build(), read: parseDate };
  }
  if (oid === OID.time || oid === OID.timetz) {
    const builder = TimeSchema.builder();
    if (optional) builder.optional();
    return { field, schema: builder.build(), read: (t) => parseTime(t, options.zone) };
  }
  if (oid === OID.timestamp || oid === OID.timestamptz) return mapTimestamp(field, optional, options);
  return undefined;
}

function mapNumeric(column: ColumnDescription, optional: boolean, mapping: NumericMapping): FieldMapping {
  const { precision, scale } = numericPrecisionScale(column.typeModifier);
  const field = column.name;
  // GenericDatabaseDialect.addFieldToSchema / columnConverterFor, case NUMERIC.
  if (mapping === 'precision_only') {
    if (scale === 0 && precision <= MAX_INTEGER_TYPE_PRECISION) return { field, ...integerSchema(optional, precision) };
  } else if (mapping === 'best_fit') {
    if (precision <= MAX_INTEGER_TYPE_PRECISION) {
      if (scale < 1 && scale >= NUMERIC_TYPE_SCALE_LOW) return { field, ...integerSchema(optional, precision) };
      if (scale > 0) return { field, schema: choose(optional, FLOAT64_SCHEMA, OPTIONAL_FLOAT64_SCHEMA), read: readNumericDouble };
    }
  } else if (mapping === 'best_fit_eager_double') {
    if (scale < 1 && scale >= NUMERIC_TYPE_SCALE_LOW) {
      if (precision <= MAX_INTEGER_TYPE_PRECISION) return { field, ...integerSchema(optional, precision) };
    } else if (scale > 0) {
      return { field, schema: choose(optional, FLOAT64_SCHEMA, OPTIONAL_FLOAT64_SCHEMA), read: readNumericDouble };
    }
  }
  const decimal = decimalScale(precision, scale);
  const builder = DecimalSchema.builder(decimal).parameter(DECIMAL_PRECISION_PARAMETER, String(precision));
  if (optional) builder.optional();
  return { field, schema: builder.build(), read: (t) => readDecimal(t, decimal) };
}

function mapTimestamp(field: string, optional: boolean, options: MappingOptions): FieldMapping {
  const readInstant = (t: string): Instant => parseTimestamp(t, options.zone);
  switch (options.granularity) {
    case 'connect_logical': {
      const builder = TimestampSchema.builder();
      if (optional) builder.optional();
      return { field, schema: builder.build(), read: (t) => readInstant(t).toDate(), readInstant };
    }
    case 'micros_long':
      return { field, schema: choose(optional, INT64_SCHEMA, OPTIONAL_INT64_SCHEMA), read: (t) => int64(epochMicros(readInstant(t))), readInstant };
    case 'micros_string':
      return { field, schema: choose(optional, STRING_SCHEMA, OPTIONAL_STRING_SCHEMA), read: (t) => epochMicros(readInstant(t)).toString(), readInstant };
    case 'nanos_long':
      return { field, schema: choose(optional, INT64_SCHEMA, OPTIONAL_INT64_SCHEMA), read: (t) => int64(epochNanos(readInstant(t))), readInstant };
    case 'nanos_string':
      return { field, schema: choose(optional, STRING_SCHEMA, OPTIONAL_STRING_SCHEMA), read: (t) => epochNanos(readInstant(t)).toString(), readInstant };
    case 'micros_iso_datetime_string':
      return { field, schema: choose(optional, STRING_SCHEMA, OPTIONAL_STRING_SCHEMA), read: (t) => isoDateTime(readInstant(t), options.zone, 6), readInstant };
    case 'nanos_iso_datetime_string':
      return { field, schema: choose(optional, STRING_SCHEMA, OPTIONAL_STRING_SCHEMA), read: (t) => isoDateTime(readInstant(t), options.zone, 9), readInstant };
  }
}

function epochMicros(instant: Instant): bigint {
  return BigInt(instant.epochSecond) * 1_000_000n + BigInt(Math.floor(instant.nanos / 1000));
}

function epochNanos(instant: Instant): bigint {
  return BigInt(instant.epochSecond) * 1_000_000_000n + BigInt(instant.nanos);
}

function int64(value: bigint): number | bigint {
  return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value;
}

/** yyyy-MM-dd'T'HH:mm:ss.SSSSSS(SSS) in the zone, as DateTimeUtils.toIsoDateTimeString. */
function isoDateTime(instant: Instant, zone: string, digits: number): string {
  const local = instant.epochSecond + zoneOffsetSeconds(instant.epochSecond, zone);
  const date = new Date(local * 1000).toISOString().slice(0, 19);
  return `${date}.${String(instant.nanos).padStart(9, '0').slice(0, digits)}`;
}

function readInt64(text: string): number | bigint {
  const value = Number(text);
  return Number.isSafeInteger(value) ? value : BigInt(text);
}

/** getLong/getInt on numeric text: the integer part (as pgjdbc truncates). */
function readInt64Truncating(text: string): number | bigint {
  const whole = text.split('.')[0]!;
  return readInt64(whole === '' || whole === '-' ? '0' : whole);
}

function readIntTruncating(text: string): number {
  return Math.trunc(Number(text));
}

function readNumericDouble(text: string): number {
  return Number(text);
}

function readMoney(text: string): number {
  const negative = text.includes('-') || text.startsWith('(');
  const digits = text.replace(/[^0-9.]/g, '');
  const value = Number(digits);
  return negative ? -value : value;
}

/** The numeric text as a BigDecimal of the given scale, rounding half up (ResultSet.getBigDecimal(col, scale)). */
export function readDecimal(text: string, scale: number): BigDecimal {
  if (text === 'NaN' || text === 'Infinity' || text === '-Infinity') {
    throw new DataException(`The numeric value ${text} cannot be represented as a Connect Decimal`);
  }
  return setScaleHalfUp(BigDecimal.parse(text), scale);
}

export function setScaleHalfUp(value: BigDecimal, scale: number): BigDecimal {
  if (scale >= value.scale) return value.withScale(scale);
  const divisor = 10n ** BigInt(value.scale - scale);
  const negative = value.unscaled < 0n;
  const magnitude = negative ? -value.unscaled : value.unscaled;
  let quotient = magnitude / divisor;
  if ((magnitude % divisor) * 2n >= divisor) quotient += 1n;
  return new BigDecimal(negative ? -quotient : quotient, scale);
}

/** bytea in the hex output format ("\x0a0b"), or the older escape format. */
export function readBytea(text: string): Buffer {
  if (text.startsWith('\\x')) return Buffer.from(text.slice(2), 'hex');
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\') {
      if (text[i + 1] === '\\') {
        bytes.push(0x5c);
        i++;
      } else {
        bytes.push(Number.parseInt(text.slice(i + 1, i + 4), 8));
        i += 3;
      }
    } else {
      bytes.push(text.charCodeAt(i));
    }
  }
  return Buffer.from(bytes);
}

/** The record schema for the mapped fields: a struct named after the table (none for a query). */
export function recordSchema(name: string | null, fields: readonly FieldMapping[]): Schema {
  const builder = SchemaBuilder.struct();
  if (name !== null) builder.name(name);
  for (const mapping of fields) builder.field(mapping.field, mapping.schema);
  return builder.build();
}
