// Column type -> Connect schema and text value -> Connect value, following Debezium's defaults
// (PostgresValueConverter.schemaBuilder / converter and JdbcValueConverters): decimal.handling.mode
// =precise (numeric(p,s) -> Decimal with connect.decimal.precision, unconstrained numeric ->
// io.debezium.data.VariableScaleDecimal), time.precision.mode=adaptive (Date, Time/MicroTime,
// Timestamp/MicroTimestamp by the column's precision), timestamptz -> ZonedTimestamp in UTC,
// interval -> MicroDuration, binary.handling.mode=bytes, and Debezium's semantic names for
// json, uuid, xml, enum, bits. A type it does not map is skipped unless
// include.unknown.datatypes=true, as in Debezium.

import {
  BigDecimal,
  DateSchema,
  DecimalSchema,
  type Schema,
  SchemaBuilder,
  Struct,
  TimeSchema,
  TimestampSchema,
} from '@polyconnect/sdk';
import {
  bitsToBytes,
  formatZonedTime,
  formatZonedTimestamp,
  int64Value,
  intervalIsoString,
  intervalMicros,
  moneyToDecimalText,
  parseArray,
  parseBytea,
  parseDate,
  parseInterval,
  parseTimeMicros,
  parseTimeTzToUtcMicros,
  parseTimestampMicros,
} from './pg-text.js';
import { type PgType, PgOid, type TypeRegistry } from './type-registry.js';

export type DecimalHandlingMode = 'precise' | 'double' | 'string';
export type TimePrecisionMode = 'adaptive' | 'adaptive_time_microseconds' | 'connect';
export type BinaryHandlingMode = 'bytes' | 'base64' | 'base64-url-safe' | 'hex';
export type IntervalHandlingMode = 'numeric' | 'string';

export interface ConverterSettings {
  readonly decimalHandlingMode: DecimalHandlingMode;
  readonly timePrecisionMode: TimePrecisionMode;
  readonly binaryHandlingMode: BinaryHandlingMode;
  readonly intervalHandlingMode: IntervalHandlingMode;
  readonly moneyFractionDigits: number;
  readonly includeUnknownDatatypes: boolean;
  /** unavailable.value.placeholder: stands for an unchanged TOASTed value the stream did not send. */
  readonly unavailableValuePlaceholder: string;
}

export const DEFAULT_CONVERTER_SETTINGS: ConverterSettings = {
  decimalHandlingMode: 'precise',
  timePrecisionMode: 'adaptive',
  binaryHandlingMode: 'bytes',
  intervalHandlingMode: 'numeric',
  moneyFractionDigits: 2,
  includeUnknownDatatypes: false,
  unavailableValuePlaceholder: '__debezium_unavailable_value',
};

/** A column as the catalog or a pgoutput Relation message describes it. */
export interface ColumnDefinition {
  readonly name: string;
  readonly typeOid: number;
  readonly typmod: number;
  readonly optional: boolean;
}

/** How one column's values become Connect values. */
export interface ColumnConverter {
  readonly name: string;
  readonly schema: Schema;
  /** Converts the column's text; null for values without a Connect representation (NaN numerics, infinite dates). */
  convert(text: string): unknown;
  /** What a required column holds when the change carries no value for it (Debezium's fallback: 0, "", epoch, ...). */
  readonly fallback: unknown;
  /** The value standing for an unchanged TOASTed value (the placeholder, where the type can hold it). */
  readonly unavailable: unknown;
}

/** Debezium's semantic type names (io.debezium.time.*, io.debezium.data.*). */
export const DebeziumNames = {
  DATE: 'io.debezium.time.Date',
  TIME: 'io.debezium.time.Time',
  MICRO_TIME: 'io.debezium.time.MicroTime',
  TIMESTAMP: 'io.debezium.time.Timestamp',
  MICRO_TIMESTAMP: 'io.debezium.time.MicroTimestamp',
  ZONED_TIMESTAMP: 'io.debezium.time.ZonedTimestamp',
  ZONED_TIME: 'io.debezium.time.ZonedTime',
  MICRO_DURATION: 'io.debezium.time.MicroDuration',
  INTERVAL: 'io.debezium.time.Interval',
  JSON: 'io.debezium.data.Json',
  UUID: 'io.debezium.data.Uuid',
  XML: 'io.debezium.data.Xml',
  ENUM: 'io.debezium.data.Enum',
  BITS: 'io.debezium.data.Bits',
  VARIABLE_SCALE_DECIMAL: 'io.debezium.data.VariableScaleDecimal',
  TS_VECTOR: 'io.debezium.data.TsVector',
} as const;

const PRECISION_PARAMETER = 'connect.decimal.precision';

/** io.debezium.data.VariableScaleDecimal (SchemaFactory.datatypeVariableScaleDecimalSchema). */
function variableScaleDecimalBuilder(): SchemaBuilder {
  return SchemaBuilder.struct()
    .name(DebeziumNames.VARIABLE_SCALE_DECIMAL)
    .version(1)
    .doc('Variable scaled decimal')
    .field('scale', SchemaBuilder.int32().build())
    .field('value', SchemaBuilder.bytes().build());
}

/** A numeric value whose schema is VariableScaleDecimal; toConnectValue makes the struct once the schema is final. */
class VariableScaleValue {
  constructor(readonly decimal: BigDecimal) {}
}

/** A schema builder and the text -> value function for one type (before optionality is applied). */
interface TypeMapping {
  readonly builder: () => SchemaBuilder;
  readonly convert: (text: string) => unknown;
}

/** The Connect mapping of a column, or undefined when Debezium would skip it. */
export function columnConverter(column: ColumnDefinition, types: TypeRegistry, settings: ConverterSettings): ColumnConverter | undefined {
  const mapping = typeMapping(column.typeOid, column.typmod, types, settings);
  if (mapping === undefined) return undefined;
  const builder = mapping.builder();
  if (column.optional) builder.optional();
  const schema = builder.build();
  return {
    name: column.name,
    schema,
    convert: (text) => toConnectValue(schema, mapping.convert(text)),
    fallback: column.optional ? null : fallbackValue(schema),
    unavailable: unavailableValue(schema, settings.unavailableValuePlaceholder, column.optional),
  };
}

function typeMapping(oid: number, typmod: number, types: TypeRegistry, settings: ConverterSettings): TypeMapping | undefined {
  const known = builtInMapping(oid, typmod, settings);
  if (known !== undefined) return known;
  const type = types.get(oid);
  if (type !== undefined) {
    if (type.kind === 'd' && type.baseOid !== 0) {
      // A domain is mapped as its base type (Debezium resolves a column's root type).
      return typeMapping(type.baseOid, typmod >= 0 ? typmod : type.baseTypmod, types, settings);
    }
    if (type.kind === 'e') return enumMapping(type);
    if (type.category === 'A' && type.elementOid !== 0) {
      const element = arrayElementMapping(type.elementOid, typmod, types, settings);
      if (element !== undefined) {
        return {
          builder: () => SchemaBuilder.array(element.builder().optional().build()),
          convert: (text) => parseArray(text).map((item) => (item === null ? null : element.convert(item))),
        };
      }
    }
    if (type.name === 'citext' || type.name === 'isbn') return stringMapping();
  }
  if (!settings.includeUnknownDatatypes) return undefined;
  // include.unknown.datatypes: the value's text as binary.handling.mode says.
  return binaryMapping(settings.binaryHandlingMode, (text) => Buffer.from(text, 'utf8'));
}

function builtInMapping(oid: number, typmod: number, settings: ConverterSettings): TypeMapping | undefined {
  switch (oid) {
    case PgOid.BOOL:
      return { builder: () => SchemaBuilder.bool(), convert: (text) => text === 't' || text === 'true' };
    case PgOid.INT2:
      return { builder: () => SchemaBuilder.int16(), convert: Number };
    case PgOid.INT4:
      return { builder: () => SchemaBuilder.int32(), convert: Number };
    case PgOid.INT8:
    case PgOid.OID:
      return { builder: () => SchemaBuilder.int64(), convert: (text) => int64Value(BigInt(text)) };
    case PgOid.FLOAT4:
      return { builder: () => SchemaBuilder.float32(), convert: parseFloatText };
    case PgOid.FLOAT8:
      return { builder: () => SchemaBuilder.float64(), convert: parseFloatText };
    case PgOid.NUMERIC:
      return numericMapping(typmod, settings.decimalHandlingMode);
    case PgOid.MONEY:
      return moneyMapping(settings);
    case PgOid.CHAR:
    case PgOid.NAME:
    case PgOid.TEXT:
    case PgOid.BPCHAR:
    case PgOid.VARCHAR:
    case PgOid.INET:
    case PgOid.CIDR:
    case PgOid.MACADDR:
    case PgOid.MACADDR8:
    case PgOid.INT4RANGE:
    case PgOid.INT8RANGE:
    case PgOid.NUMRANGE:
    case PgOid.TSRANGE:
    case PgOid.TSTZRANGE:
    case PgOid.DATERANGE:
      return stringMapping();
    case PgOid.UUID:
      return namedStringMapping(DebeziumNames.UUID);
    case PgOid.JSON:
    case PgOid.JSONB:
      return namedStringMapping(DebeziumNames.JSON);
    case PgOid.XML:
      return namedStringMapping(DebeziumNames.XML);
    case PgOid.TSVECTOR:
      return namedStringMapping(DebeziumNames.TS_VECTOR);
    case PgOid.BYTEA:
      return binaryMapping(settings.binaryHandlingMode, parseBytea);
    case PgOid.DATE:
      return dateMapping(settings.timePrecisionMode);
    case PgOid.TIME:
      return timeMapping(timePrecision(typmod), settings.timePrecisionMode);
    case PgOid.TIMESTAMP:
      return timestampMapping(timePrecision(typmod), settings.timePrecisionMode);
    case PgOid.TIMESTAMPTZ: {
      const width = timePrecision(typmod);
      return {
        builder: () => SchemaBuilder.string().name(DebeziumNames.ZONED_TIMESTAMP).version(1),
        convert: (text) => {
          const micros = parseTimestampMicros(text);
          return micros === undefined ? text : formatZonedTimestamp(micros, width);
        },
      };
    }
    case PgOid.TIMETZ:
      return {
        builder: () => SchemaBuilder.string().name(DebeziumNames.ZONED_TIME).version(1),
        convert: (text) => formatZonedTime(parseTimeTzToUtcMicros(text)),
      };
    case PgOid.INTERVAL:
      return settings.intervalHandlingMode === 'string'
        ? { builder: () => SchemaBuilder.string().name(DebeziumNames.INTERVAL).version(1), convert: (text) => intervalIsoString(parseInterval(text)) }
        : { builder: () => SchemaBuilder.int64().name(DebeziumNames.MICRO_DURATION).version(1), convert: (text) => intervalMicros(parseInterval(text)) };
    case PgOid.BIT:
    case PgOid.VARBIT: {
      // bit(1) is a boolean; longer bit strings are io.debezium.data.Bits with their length.
      const length = typmod < 0 ? (oid === PgOid.BIT ? 1 : 2147483647) : typmod;
      if (length <= 1) return { builder: () => SchemaBuilder.bool(), convert: (text) => text.includes('1') };
      return { builder: () => SchemaBuilder.bytes().name(DebeziumNames.BITS).version(1).parameter('length', String(length)), convert: bitsToBytes };
    }
    default:
      return undefined;
  }
}

/** Array elements Debezium maps (PostgresValueConverter's *_ARRAY cases): built-in scalars and enums. */
function arrayElementMapping(oid: number, typmod: number, types: TypeRegistry, settings: ConverterSettings): TypeMapping | undefined {
  switch (oid) {
    case PgOid.MONEY:
    case PgOid.NAME:
    case PgOid.INTERVAL:
    case PgOid.VARBIT:
    case PgOid.BIT:
    case PgOid.XML:
    case PgOid.POINT:
      return undefined; // Debezium has no schema for these arrays yet
    default:
      break;
  }
  const builtIn = builtInMapping(oid, typmod, settings);
  if (builtIn !== undefined) return builtIn;
  const type = types.get(oid);
  if (type?.kind === 'e') return enumMapping(type);
  return undefined;
}

function stringMapping(): TypeMapping {
  return { builder: () => SchemaBuilder.string(), convert: (text) => text };
}

function namedStringMapping(name: string): TypeMapping {
  return { builder: () => SchemaBuilder.string().name(name).version(1), convert: (text) => text };
}

function enumMapping(type: PgType): TypeMapping {
  const allowed = type.enumValues.join(',');
  return { builder: () => SchemaBuilder.string().name(DebeziumNames.ENUM).version(1).parameter('allowed', allowed), convert: (text) => text };
}

function parseFloatText(text: string): number {
  if (text === 'NaN') return Number.NaN;
  if (text === 'Infinity') return Number.POSITIVE_INFINITY;
  if (text === '-Infinity') return Number.NEGATIVE_INFINITY;
  return Number(text);
}

/** numeric(p,s): typmod = ((p << 16) | s) + 4, with s an 11-bit signed number since PostgreSQL 15. */
export function numericPrecisionScale(typmod: number): { precision: number; scale: number } | undefined {
  if (typmod < 4) return undefined;
  const value = typmod - 4;
  return { precision: (value >> 16) & 0xffff, scale: ((value & 0x7ff) ^ 1024) - 1024 };
}

function numericMapping(typmod: number, mode: DecimalHandlingMode): TypeMapping {
  const special = (text: string): boolean => text === 'NaN' || text === 'Infinity' || text === '-Infinity';
  if (mode === 'double') return { builder: () => SchemaBuilder.float64(), convert: parseFloatText };
  if (mode === 'string') return { builder: () => SchemaBuilder.string(), convert: (text) => text };
  const declared = numericPrecisionScale(typmod);
  if (declared === undefined || (declared.precision === 0 && declared.scale === 0)) {
    // Unconstrained numeric: the scale travels with each value (VariableScaleDecimal).
    return {
      builder: variableScaleDecimalBuilder,
      convert: (text) => (special(text) ? null : new VariableScaleValue(BigDecimal.parse(text))),
    };
  }
  return {
    builder: () => DecimalSchema.builder(declared.scale).parameter(PRECISION_PARAMETER, String(declared.precision)),
    convert: (text) => (special(text) ? null : BigDecimal.parse(text).withScale(declared.scale)),
  };
}

function moneyMapping(settings: ConverterSettings): TypeMapping {
  const scale = settings.moneyFractionDigits;
  const decimal = (text: string): BigDecimal => rescale(BigDecimal.parse(moneyToDecimalText(text)), scale);
  switch (settings.decimalHandlingMode) {
    case 'double':
      return { builder: () => SchemaBuilder.float64(), convert: (text) => decimal(text).toNumber() };
    case 'string':
      return { builder: () => SchemaBuilder.string(), convert: (text) => decimal(text).toPlainString() };
    default:
      return { builder: () => DecimalSchema.builder(scale), convert: decimal };
  }
}

/** Sets the scale, dropping extra digits (money has the scale lc_monetary gives it). */
function rescale(value: BigDecimal, scale: number): BigDecimal {
  if (scale >= value.scale) return value.withScale(scale);
  return new BigDecimal(value.unscaled / 10n ** BigInt(value.scale - scale), scale);
}

function binaryMapping(mode: BinaryHandlingMode, toBytes: (text: string) => Buffer): TypeMapping {
  switch (mode) {
    case 'base64':
      return { builder: () => SchemaBuilder.string(), convert: (text) => toBytes(text).toString('base64') };
    case 'base64-url-safe':
      return { builder: () => SchemaBuilder.string(), convert: (text) => toBytes(text).toString('base64url') };
    case 'hex':
      return { builder: () => SchemaBuilder.string(), convert: (text) => toBytes(text).toString('hex') };
    default:
      return { builder: () => SchemaBuilder.bytes(), convert: toBytes };
  }
}

/** time(p) / timestamp(p): p is the typmod; without one PostgreSQL keeps microseconds (6). */
function timePrecision(typmod: number): number {
  return typmod < 0 ? 6 : typmod;
}

function dateMapping(mode: TimePrecisionMode): TypeMapping {
  if (mode === 'connect') {
    return { builder: () => DateSchema.builder(), convert: (text) => nullable(parseDate(text), (days) => DateSchema.fromDays(days)) };
  }
  return { builder: () => SchemaBuilder.int32().name(DebeziumNames.DATE).version(1), convert: (text) => parseDate(text) ?? null };
}

function timeMapping(precision: number, mode: TimePrecisionMode): TypeMapping {
  if (mode === 'connect') {
    return { builder: () => TimeSchema.builder(), convert: (text) => new Date(Number(parseTimeMicros(text) / 1000n)) };
  }
  if (mode === 'adaptive' && precision <= 3) {
    return { builder: () => SchemaBuilder.int32().name(DebeziumNames.TIME).version(1), convert: (text) => Number(parseTimeMicros(text) / 1000n) };
  }
  return { builder: () => SchemaBuilder.int64().name(DebeziumNames.MICRO_TIME).version(1), convert: (text) => int64Value(parseTimeMicros(text)) };
}

function timestampMapping(precision: number, mode: TimePrecisionMode): TypeMapping {
  const micros = (text: string): bigint | undefined => parseTimestampMicros(text);
  if (mode === 'connect') {
    return { builder: () => TimestampSchema.builder(), convert: (text) => nullable(micros(text), (value) => new Date(Number(floorDiv(value, 1000n)))) };
  }
  if (precision <= 3) {
    return { builder: () => SchemaBuilder.int64().name(DebeziumNames.TIMESTAMP).version(1), convert: (text) => nullable(micros(text), (value) => int64Value(floorDiv(value, 1000n))) };
  }
  return { builder: () => SchemaBuilder.int64().name(DebeziumNames.MICRO_TIMESTAMP).version(1), convert: (text) => nullable(micros(text), int64Value) };
}

function floorDiv(value: bigint, divisor: bigint): bigint {
  const quotient = value / divisor;
  return value % divisor < 0n ? quotient - 1n : quotient;
}

function nullable<T, R>(value: T | undefined, map: (value: T) => R): R | null {
  return value === undefined ? null : map(value);
}

/** Turns a converted value into what the schema holds: VariableScaleDecimal values become structs of the final schema. */
export function toConnectValue(schema: Schema, value: unknown): unknown {
  if (value instanceof VariableScaleValue) {
    return new Struct(schema).put('scale', value.decimal.scale).put('value', value.decimal.unscaledBytes());
  }
  if (Array.isArray(value) && schema.type === 'ARRAY') return value.map((element) => toConnectValue(schema.valueSchema!, element));
  return value;
}

/** Debezium's fallback for a required column without a value (JdbcValueConverters' "fallback" arguments). */
export function fallbackValue(schema: Schema): unknown {
  switch (schema.name) {
    case DecimalSchema.LOGICAL_NAME:
      return new BigDecimal(0n, DecimalSchema.scaleOf(schema));
    case DateSchema.LOGICAL_NAME:
    case TimeSchema.LOGICAL_NAME:
    case TimestampSchema.LOGICAL_NAME:
      return new Date(0);
    case DebeziumNames.ZONED_TIMESTAMP:
      return '1970-01-01T00:00:00Z';
    case DebeziumNames.ZONED_TIME:
      return '00:00:00Z';
    case DebeziumNames.VARIABLE_SCALE_DECIMAL:
      return new Struct(schema).put('scale', 0).put('value', Buffer.from([0]));
    default:
      break;
  }
  switch (schema.type) {
    case 'BOOLEAN':
      return false;
    case 'STRING':
      return '';
    case 'BYTES':
      return Buffer.alloc(0);
    case 'ARRAY':
      return [];
    case 'INT8':
    case 'INT16':
    case 'INT32':
    case 'INT64':
    case 'FLOAT32':
    case 'FLOAT64':
      return 0;
    default:
      return null;
  }
}

/** Debezium's placeholder for an unchanged TOASTed value, where the schema can hold it; else the fallback. */
function unavailableValue(schema: Schema, placeholder: string, optional: boolean): unknown {
  if (schema.type === 'STRING' && schema.name !== DebeziumNames.ENUM) return placeholder;
  if (schema.type === 'BYTES' && schema.name === undefined) return Buffer.from(placeholder, 'utf8');
  if (schema.type === 'ARRAY' && schema.valueSchema?.type === 'STRING') return [placeholder];
  return optional ? null : fallbackValue(schema);
}

