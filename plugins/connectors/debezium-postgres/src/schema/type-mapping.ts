// Column type -> Connect schema and text value -> Connect value, following Debezium's defaults
// (PostgresValueConverter.schemaBuilder / converter and JdbcValueConverters): decimal.handling.mode
// =precise (numeric(p,s) -> Decimal with connect.decimal.precision, unconstrained numeric ->
// io.debezium.data.VariableScaleDecimal), time.precision.mode=adaptive (Date, Time/MicroTime,
// Timestamp/MicroTimestamp by the column's precision), timestamptz -> ZonedTimestamp in UTC,
// interval -> MicroDuration, binary.handling.mode=bytes, and Debezium's semantic names for
// json, uuid, xml, enum, bits. A type it does not map is skipped unless
// include.unknown.datatypes=true, as in Debezium.
//
// This file owns the dispatch from a column type (built-in OID, domain, enum, array, extension
// type) to its mapping, and the string, enum and binary mappings; numeric and money types are in
// numeric-mappings.ts, dates and times in temporal-mappings.ts.

import { SchemaBuilder } from '@polyconnect/sdk';
import type { BinaryHandlingMode, ConverterSettings } from './converter-settings.js';
import { DebeziumNames } from './debezium-names.js';
import { moneyMapping, numericMapping, parseFloatText } from './numeric-mappings.js';
import {
  bitsToBytes,
  formatZonedTime,
  formatZonedTimestamp,
  int64Value,
  intervalIsoString,
  intervalMicros,
  parseArray,
  parseBytea,
  parseInterval,
  parseTimeTzToUtcMicros,
  parseTimestampMicros,
} from './pg-text.js';
import { dateMapping, timeMapping, timePrecision, timestampMapping } from './temporal-mappings.js';
import { type PgType, PgOid, type TypeRegistry } from './type-registry.js';

/** A schema builder and the text -> value function for one type (before optionality is applied). */
export interface TypeMapping {
  readonly builder: () => SchemaBuilder;
  readonly convert: (text: string) => unknown;
}

/** The mapping of a column type, or undefined when Debezium would skip it. */
export function typeMapping(oid: number, typmod: number, types: TypeRegistry, settings: ConverterSettings): TypeMapping | undefined {
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
