// Type mapping: each PostgreSQL type's Connect schema (Debezium's names and parameters, with
// Debezium's default modes) and the value made from PostgreSQL's text output.

import { BigDecimal, type Schema, Struct } from '@polyconnect/sdk';
import { describe, expect, it } from 'vitest';
import {
  bitsToBytes,
  formatZonedTimestamp,
  intervalIsoString,
  intervalMicros,
  parseArray,
  parseBytea,
  parseDate,
  parseInterval,
  parseTimestampMicros,
} from '../src/schema/pg-text.js';
import { type PgType, PgOid, TypeRegistry } from '../src/schema/type-registry.js';
import { type ColumnConverter, type ConverterSettings, DEFAULT_CONVERTER_SETTINGS, columnConverter, numericPrecisionScale } from '../src/schema/value-converters.js';

const MOOD: PgType = { oid: 90001, name: 'mood', schema: 'public', kind: 'e', category: 'E', elementOid: 0, baseOid: 0, baseTypmod: -1, enumValues: ['sad', 'ok', 'happy'] };
const MOOD_ARRAY: PgType = { oid: 90002, name: '_mood', schema: 'public', kind: 'b', category: 'A', elementOid: 90001, baseOid: 0, baseTypmod: -1, enumValues: [] };
const INT4_ARRAY: PgType = { oid: 1007, name: '_int4', schema: 'pg_catalog', kind: 'b', category: 'A', elementOid: PgOid.INT4, baseOid: 0, baseTypmod: -1, enumValues: [] };
const TEXT_ARRAY: PgType = { oid: 1009, name: '_text', schema: 'pg_catalog', kind: 'b', category: 'A', elementOid: PgOid.TEXT, baseOid: 0, baseTypmod: -1, enumValues: [] };
const NUMERIC_ARRAY: PgType = { oid: 1231, name: '_numeric', schema: 'pg_catalog', kind: 'b', category: 'A', elementOid: PgOid.NUMERIC, baseOid: 0, baseTypmod: -1, enumValues: [] };
const POSITIVE: PgType = { oid: 90003, name: 'positive', schema: 'public', kind: 'd', category: 'N', elementOid: 0, baseOid: PgOid.INT8, baseTypmod: -1, enumValues: [] };
const POINT: PgType = { oid: PgOid.POINT, name: 'point', schema: 'pg_catalog', kind: 'b', category: 'G', elementOid: 0, baseOid: 0, baseTypmod: -1, enumValues: [] };
const types = TypeRegistry.of([MOOD, MOOD_ARRAY, INT4_ARRAY, TEXT_ARRAY, NUMERIC_ARRAY, POSITIVE, POINT]);

function converter(typeOid: number, typmod = -1, settings: Partial<ConverterSettings> = {}, optional = true): ColumnConverter {
  const result = columnConverter({ name: 'c', typeOid, typmod, optional }, types, { ...DEFAULT_CONVERTER_SETTINGS, ...settings });
  if (result === undefined) throw new Error(`type ${typeOid} is not mapped`);
  return result;
}

function describeSchema(schema: Schema): Record<string, unknown> {
  return { type: schema.type, name: schema.name ?? null, version: schema.version ?? null, parameters: schema.parameters ?? null, optional: schema.optional };
}

const numericTypmod = (precision: number, scale: number): number => ((precision << 16) | (scale & 0x7ff)) + 4;

describe('schemas for PostgreSQL types (Debezium defaults)', () => {
  it.each([
    ['bool', PgOid.BOOL, -1, { type: 'BOOLEAN', name: null }],
    ['int2', PgOid.INT2, -1, { type: 'INT16', name: null }],
    ['int4', PgOid.INT4, -1, { type: 'INT32', name: null }],
    ['int8', PgOid.INT8, -1, { type: 'INT64', name: null }],
    ['oid', PgOid.OID, -1, { type: 'INT64', name: null }],
    ['float4', PgOid.FLOAT4, -1, { type: 'FLOAT32', name: null }],
    ['float8', PgOid.FLOAT8, -1, { type: 'FLOAT64', name: null }],
    ['text', PgOid.TEXT, -1, { type: 'STRING', name: null }],
    ['varchar(20)', PgOid.VARCHAR, 24, { type: 'STRING', name: null }],
    ['char(3)', PgOid.BPCHAR, 7, { type: 'STRING', name: null }],
    ['inet', PgOid.INET, -1, { type: 'STRING', name: null }],
    ['uuid', PgOid.UUID, -1, { type: 'STRING', name: 'io.debezium.data.Uuid', version: 1 }],
    ['json', PgOid.JSON, -1, { type: 'STRING', name: 'io.debezium.data.Json', version: 1 }],
    ['jsonb', PgOid.JSONB, -1, { type: 'STRING', name: 'io.debezium.data.Json', version: 1 }],
    ['xml', PgOid.XML, -1, { type: 'STRING', name: 'io.debezium.data.Xml', version: 1 }],
    ['bytea', PgOid.BYTEA, -1, { type: 'BYTES', name: null }],
    ['date', PgOid.DATE, -1, { type: 'INT32', name: 'io.debezium.time.Date', version: 1 }],
    ['time(3)', PgOid.TIME, 3, { type: 'INT32', name: 'io.debezium.time.Time', version: 1 }],
    ['time', PgOid.TIME, -1, { type: 'INT64', name: 'io.debezium.time.MicroTime', version: 1 }],
    ['timestamp(0)', PgOid.TIMESTAMP, 0, { type: 'INT64', name: 'io.debezium.time.Timestamp', version: 1 }],
    ['timestamp', PgOid.TIMESTAMP, -1, { type: 'INT64', name: 'io.debezium.time.MicroTimestamp', version: 1 }],
    ['timestamptz', PgOid.TIMESTAMPTZ, -1, { type: 'STRING', name: 'io.debezium.time.ZonedTimestamp', version: 1 }],
    ['timetz', PgOid.TIMETZ, -1, { type: 'STRING', name: 'io.debezium.time.ZonedTime', version: 1 }],
    ['interval', PgOid.INTERVAL, -1, { type: 'INT64', name: 'io.debezium.time.MicroDuration', version: 1 }],
    ['bit(1)', PgOid.BIT, 1, { type: 'BOOLEAN', name: null }],
    ['bit(12)', PgOid.BIT, 12, { type: 'BYTES', name: 'io.debezium.data.Bits', version: 1, parameters: { length: '12' } }],
    ['numeric(10,2)', PgOid.NUMERIC, numericTypmod(10, 2), { type: 'BYTES', name: 'org.apache.kafka.connect.data.Decimal', version: 1, parameters: { scale: '2', 'connect.decimal.precision': '10' } }],
    ['money', PgOid.MONEY, -1, { type: 'BYTES', name: 'org.apache.kafka.connect.data.Decimal', parameters: { scale: '2' } }],
    ['enum mood', MOOD.oid, -1, { type: 'STRING', name: 'io.debezium.data.Enum', version: 1, parameters: { allowed: 'sad,ok,happy' } }],
    ['domain over int8', POSITIVE.oid, -1, { type: 'INT64', name: null }],
  ])('%s', (_label, oid, typmod, expected) => {
    expect(describeSchema(converter(oid, typmod).schema)).toMatchObject({ optional: true, ...expected });
  });

  it('maps unconstrained numeric to io.debezium.data.VariableScaleDecimal {scale, value}', () => {
    const schema = converter(PgOid.NUMERIC).schema;
    expect(schema.name).toBe('io.debezium.data.VariableScaleDecimal');
    expect(schema.doc).toBe('Variable scaled decimal');
    expect(schema.fields.map((field) => [field.name, field.schema.type, field.schema.optional])).toEqual([
      ['scale', 'INT32', false],
      ['value', 'BYTES', false],
    ]);
  });

  it('maps arrays to ARRAY of optional element schemas, enum arrays to arrays of Enum', () => {
    expect(describeSchema(converter(INT4_ARRAY.oid).schema.valueSchema!)).toMatchObject({ type: 'INT32', optional: true });
    expect(describeSchema(converter(MOOD_ARRAY.oid).schema.valueSchema!)).toMatchObject({ type: 'STRING', name: 'io.debezium.data.Enum' });
  });

  it('leaves out types it does not map, unless include.unknown.datatypes=true (then bytes of the text)', () => {
    expect(columnConverter({ name: 'p', typeOid: PgOid.POINT, typmod: -1, optional: true }, types, DEFAULT_CONVERTER_SETTINGS)).toBeUndefined();
    const included = converter(PgOid.POINT, -1, { includeUnknownDatatypes: true });
    expect(included.schema.type).toBe('BYTES');
    expect(included.convert('(1,2)')).toEqual(Buffer.from('(1,2)'));
  });

  it('honours decimal.handling.mode, time.precision.mode, binary.handling.mode and interval.handling.mode', () => {
    expect(converter(PgOid.NUMERIC, numericTypmod(5, 1), { decimalHandlingMode: 'double' }).convert('12.5')).toBe(12.5);
    expect(converter(PgOid.NUMERIC, -1, { decimalHandlingMode: 'string' }).convert('12.50')).toBe('12.50');
    expect(converter(PgOid.TIME, 3, { timePrecisionMode: 'adaptive_time_microseconds' }).schema.name).toBe('io.debezium.time.MicroTime');
    const connectTimestamp = converter(PgOid.TIMESTAMP, -1, { timePrecisionMode: 'connect' });
    expect(connectTimestamp.schema.name).toBe('org.apache.kafka.connect.data.Timestamp');
    expect(connectTimestamp.convert('2024-01-02 03:04:05.678901')).toEqual(new Date('2024-01-02T03:04:05.678Z'));
    expect(converter(PgOid.BYTEA, -1, { binaryHandlingMode: 'base64' }).convert('\\x0102ff')).toBe('AQL/');
    expect(converter(PgOid.BYTEA, -1, { binaryHandlingMode: 'hex' }).convert('\\x0102ff')).toBe('0102ff');
    const interval = converter(PgOid.INTERVAL, -1, { intervalHandlingMode: 'string' });
    expect(interval.schema.name).toBe('io.debezium.time.Interval');
    expect(interval.convert('1 year 2 mons 3 days 04:05:06.780')).toBe('P1Y2M3DT4H5M6.78S');
  });

  it('makes NOT NULL columns required', () => {
    expect(converter(PgOid.INT4, -1, {}, false).schema.optional).toBe(false);
  });
});

describe('values from PostgreSQL text', () => {
  it('converts scalars', () => {
    expect(converter(PgOid.BOOL).convert('t')).toBe(true);
    expect(converter(PgOid.BOOL).convert('f')).toBe(false);
    expect(converter(PgOid.INT2).convert('-32768')).toBe(-32768);
    expect(converter(PgOid.INT8).convert('9007199254740993')).toBe(9007199254740993n);
    expect(converter(PgOid.INT8).convert('42')).toBe(42);
    expect(converter(PgOid.FLOAT4).convert('1.5')).toBe(1.5);
    expect(converter(PgOid.FLOAT8).convert('NaN')).toBeNaN();
    expect(converter(PgOid.FLOAT8).convert('-Infinity')).toBe(Number.NEGATIVE_INFINITY);
    expect(converter(PgOid.UUID).convert('a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11')).toBe('a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11');
    expect(converter(PgOid.JSONB).convert('{"a": 1}')).toBe('{"a": 1}');
    expect(converter(PgOid.BYTEA).convert('\\x0102ff')).toEqual(Buffer.from([1, 2, 255]));
    expect(converter(MOOD.oid).convert('happy')).toBe('happy');
  });

  it('converts numeric(p,s) to BigDecimal at the column scale, unconstrained numeric to {scale, value}, NaN to null', () => {
    const fixed = converter(PgOid.NUMERIC, numericTypmod(10, 2));
    expect(fixed.convert('-12.30')).toEqual(new BigDecimal(-1230n, 2));
    expect(fixed.convert('NaN')).toBeNull();
    const variable = converter(PgOid.NUMERIC);
    const value = variable.convert('-12.3450') as Struct;
    expect(value).toBeInstanceOf(Struct);
    expect(value.get('scale')).toBe(4);
    expect(BigDecimal.fromUnscaledBytes(value.get('value') as Uint8Array, 4)).toEqual(new BigDecimal(-123450n, 4));
    expect(variable.convert('NaN')).toBeNull();
    expect(numericPrecisionScale(numericTypmod(5, -2))).toEqual({ precision: 5, scale: -2 });
  });

  it('converts money at money.fraction.digits', () => {
    expect(converter(PgOid.MONEY).convert('$1,234.56')).toEqual(new BigDecimal(123456n, 2));
    expect(converter(PgOid.MONEY).convert('-$0.50')).toEqual(new BigDecimal(-50n, 2));
  });

  it('converts dates, times and timestamps adaptively', () => {
    expect(converter(PgOid.DATE).convert('2024-02-29')).toBe(19782);
    expect(converter(PgOid.DATE).convert('1969-12-31')).toBe(-1);
    expect(converter(PgOid.DATE).convert('infinity')).toBeNull();
    expect(converter(PgOid.TIME, 3).convert('10:11:12.345')).toBe(36_672_345);
    expect(converter(PgOid.TIME).convert('10:11:12.345678')).toBe(36_672_345_678);
    expect(converter(PgOid.TIME).convert('24:00:00')).toBe(86_400_000_000);
    expect(converter(PgOid.TIMESTAMP, 3).convert('2024-01-02 03:04:05.678')).toBe(1_704_164_645_678);
    expect(converter(PgOid.TIMESTAMP).convert('2024-01-02 03:04:05.678901')).toBe(1_704_164_645_678_901);
    expect(converter(PgOid.TIMESTAMP).convert('1969-12-31 23:59:59.999999')).toBe(-1);
  });

  it('writes timestamptz as ZonedTimestamp in UTC with the column precision, timetz as ZonedTime in UTC', () => {
    expect(converter(PgOid.TIMESTAMPTZ).convert('2024-01-02 03:04:05.5+02')).toBe('2024-01-02T01:04:05.500000Z');
    expect(converter(PgOid.TIMESTAMPTZ, 3).convert('2024-01-02 03:04:05.5+00')).toBe('2024-01-02T03:04:05.500Z');
    expect(converter(PgOid.TIMESTAMPTZ, 0).convert('2024-01-02 03:04:05+05:30')).toBe('2024-01-01T21:34:05Z');
    expect(converter(PgOid.TIMESTAMPTZ).convert('infinity')).toBe('infinity');
    expect(converter(PgOid.TIMETZ).convert('10:11:12.5+02')).toBe('08:11:12.5Z');
    expect(converter(PgOid.TIMETZ).convert('01:00:00-03')).toBe('04:00:00Z');
  });

  it('converts intervals to microseconds as Debezium does (a month is 365.25/12 days)', () => {
    expect(converter(PgOid.INTERVAL).convert('1 year 2 mons 3 days 04:05:06.5')).toBe(37_091_106_500_000);
    expect(converter(PgOid.INTERVAL).convert('-1 days +02:03:00')).toBe(-86_400_000_000 + 7_380_000_000);
    expect(converter(PgOid.INTERVAL).convert('-00:00:01.5')).toBe(-1_500_000);
    expect(converter(PgOid.INTERVAL).convert('00:00:00')).toBe(0);
  });

  it('converts bit strings to booleans or little-endian Bits bytes', () => {
    expect(converter(PgOid.BIT, 1).convert('1')).toBe(true);
    expect(converter(PgOid.BIT, 12).convert('000000000101')).toEqual(Buffer.from([0b101]));
    expect(converter(PgOid.BIT, 12).convert('100000000001')).toEqual(Buffer.from([0x01, 0x08]));
    expect(bitsToBytes('0000')).toEqual(Buffer.alloc(0));
  });

  it('converts arrays element by element, NULL elements to null', () => {
    expect(converter(INT4_ARRAY.oid).convert('{1,NULL,3}')).toEqual([1, null, 3]);
    expect(converter(TEXT_ARRAY.oid).convert('{"a b",c,"q\\"x","NULL",NULL}')).toEqual(['a b', 'c', 'q"x', 'NULL', null]);
    expect(converter(INT4_ARRAY.oid).convert('{}')).toEqual([]);
    const numerics = converter(NUMERIC_ARRAY.oid).convert('{1.5,NULL}') as Array<Struct | null>;
    expect(numerics[0]?.get('scale')).toBe(1);
    expect(numerics[1]).toBeNull();
  });

  it('has Debezium fallbacks for required columns without a value and the TOAST placeholder', () => {
    expect(converter(PgOid.TEXT, -1, {}, false).fallback).toBe('');
    expect(converter(PgOid.INT4, -1, {}, false).fallback).toBe(0);
    expect(converter(PgOid.BOOL, -1, {}, false).fallback).toBe(false);
    expect(converter(PgOid.NUMERIC, numericTypmod(6, 2), {}, false).fallback).toEqual(new BigDecimal(0n, 2));
    expect(converter(PgOid.TIMESTAMPTZ, -1, {}, false).fallback).toBe('1970-01-01T00:00:00Z');
    expect(converter(PgOid.INT4, -1, {}, true).fallback).toBeNull();
    expect(converter(PgOid.TEXT).unavailable).toBe('__debezium_unavailable_value');
    expect(converter(PgOid.BYTEA).unavailable).toEqual(Buffer.from('__debezium_unavailable_value'));
    expect(converter(TEXT_ARRAY.oid).unavailable).toEqual(['__debezium_unavailable_value']);
  });
});

describe('PostgreSQL text parsing', () => {
  it('parses dates and timestamps, BC included', () => {
    expect(parseDate('1970-01-01')).toBe(0);
    expect(parseDate('0001-01-01 BC')).toBe(parseDate('0000-01-01'));
    expect(parseTimestampMicros('2000-01-01 00:00:00')).toBe(946_684_800_000_000n);
    expect(parseTimestampMicros('2000-01-01 01:30:00+01:30')).toBe(946_684_800_000_000n);
    expect(() => parseDate('01/02/2024')).toThrow(/Not a date/);
  });

  it('formats ZonedTimestamp like java.time (fraction width, years past 9999)', () => {
    expect(formatZonedTimestamp(0n, 6)).toBe('1970-01-01T00:00:00.000000Z');
    expect(formatZonedTimestamp(1_500_000n, 0)).toBe('1970-01-01T00:00:01.5Z');
    expect(formatZonedTimestamp(-1n, 6)).toBe('1969-12-31T23:59:59.999999Z');
    expect(formatZonedTimestamp(253_402_300_800_000_000n, 0)).toBe('+10000-01-01T00:00:00Z');
  });

  it('parses intervals into parts', () => {
    const parts = parseInterval('2 years -1 mons 5 days -01:02:03.25');
    expect(parts).toEqual({ years: 2, months: -1, days: 5, hours: -1, minutes: -2, seconds: '-03.25' });
    expect(intervalIsoString(parts)).toBe('P2Y-1M5DT-1H-2M-3.25S');
    expect(intervalMicros(parseInterval('1 day'))).toBe(86_400_000_000);
  });

  it('parses bytea in both output formats and array literals with bounds', () => {
    expect(parseBytea('\\x00ff')).toEqual(Buffer.from([0, 255]));
    expect(parseBytea('a\\\\b\\001')).toEqual(Buffer.from([0x61, 0x5c, 0x62, 1]));
    expect(parseArray('[0:1]={7,8}')).toEqual(['7', '8']);
    expect(() => parseArray('{{1,2},{3,4}}')).toThrow(/Multi-dimensional/);
  });
});
