// PostgreSQL columns to Connect schemas and values, as Confluent maps them through pgjdbc.

import { BigDecimal, type Schema } from '@polyconnect/sdk';
import { describe, expect, it } from 'vitest';
import { type ColumnDescription, type MappingOptions, OID, decimalScale, mapColumn, numericPrecisionScale, readBytea, readDecimal, recordSchema } from '../src/source/column-types.js';

const options: MappingOptions = { numericMapping: 'none', granularity: 'connect_logical', zone: 'UTC' };

function column(typeOid: number, overrides: Partial<ColumnDescription> = {}): ColumnDescription {
  return { name: 'c', typeOid, typeModifier: -1, typeName: String(typeOid), nullable: true, ...overrides };
}

function describeSchema(schema: Schema): string {
  const parameters = schema.parameters === undefined ? '' : JSON.stringify(schema.parameters);
  return `${schema.name ?? schema.type}${schema.optional ? '?' : ''}${parameters}`;
}

function schemaOf(typeOid: number, overrides: Partial<ColumnDescription> = {}, mappingOptions = options): string | undefined {
  const mapping = mapColumn(column(typeOid, overrides), mappingOptions);
  return mapping === undefined ? undefined : describeSchema(mapping.schema);
}

describe('schemas', () => {
  it('maps the built-in types as Confluent\'s PostgreSQL dialect does', () => {
    expect(schemaOf(OID.bool)).toBe('BOOLEAN?');
    expect(schemaOf(OID.int2, { nullable: false })).toBe('INT16');
    expect(schemaOf(OID.int4)).toBe('INT32?');
    expect(schemaOf(OID.int8)).toBe('INT64?');
    expect(schemaOf(OID.oid)).toBe('INT64?');
    expect(schemaOf(OID.float4)).toBe('FLOAT32?');
    expect(schemaOf(OID.float8)).toBe('FLOAT64?');
    expect(schemaOf(OID.money)).toBe('FLOAT64?');
    for (const oid of [OID.text, OID.varchar, OID.bpchar, OID.name, OID.json, OID.jsonb, OID.uuid, OID.xml]) expect(schemaOf(oid)).toBe('STRING?');
    expect(schemaOf(OID.bytea)).toBe('BYTES?');
    expect(schemaOf(OID.date)).toBe('org.apache.kafka.connect.data.Date?');
    expect(schemaOf(OID.time)).toBe('org.apache.kafka.connect.data.Time?');
    expect(schemaOf(OID.timetz)).toBe('org.apache.kafka.connect.data.Time?');
    expect(schemaOf(OID.timestamp, { nullable: false })).toBe('org.apache.kafka.connect.data.Timestamp');
    expect(schemaOf(OID.timestamptz)).toBe('org.apache.kafka.connect.data.Timestamp?');
  });

  it('maps bit(n) by its length and enums and string-like types to STRING; leaves out the rest', () => {
    expect(schemaOf(OID.bit, { typeModifier: 1 })).toBe('BOOLEAN?');
    expect(schemaOf(OID.bit, { typeModifier: 8 })).toBe('INT8?');
    expect(schemaOf(OID.bit, { typeModifier: 9 })).toBe('BYTES?');
    expect(schemaOf(99_999, { typeKind: 'e', typeCategory: 'E' })).toBe('STRING?');
    expect(schemaOf(99_998, { typeKind: 'b', typeCategory: 'S' })).toBe('STRING?');
    expect(schemaOf(1186)).toBeUndefined(); // interval
    expect(schemaOf(1007, { typeKind: 'b', typeCategory: 'A' })).toBeUndefined(); // int4[]
  });

  it('maps numeric to Decimal with its scale and precision, scale 127 when unconstrained', () => {
    const typmod = ((10 << 16) | 2) + 4; // numeric(10,2)
    expect(numericPrecisionScale(typmod)).toEqual({ precision: 10, scale: 2 });
    expect(numericPrecisionScale(-1)).toEqual({ precision: 0, scale: 0 });
    expect(decimalScale(0, 0)).toBe(127);
    expect(schemaOf(OID.numeric, { typeModifier: typmod })).toBe('org.apache.kafka.connect.data.Decimal?{"scale":"2","connect.decimal.precision":"10"}');
    expect(schemaOf(OID.numeric)).toBe('org.apache.kafka.connect.data.Decimal?{"scale":"127","connect.decimal.precision":"0"}');
  });

  it('follows numeric.mapping', () => {
    const numeric = (p: number, s: number): number => ((p << 16) | s) + 4;
    const with_ = (numericMapping: MappingOptions['numericMapping']): MappingOptions => ({ ...options, numericMapping });
    expect(schemaOf(OID.numeric, { typeModifier: numeric(4, 0) }, with_('best_fit'))).toBe('INT16?');
    expect(schemaOf(OID.numeric, { typeModifier: numeric(9, 0) }, with_('best_fit'))).toBe('INT32?');
    expect(schemaOf(OID.numeric, { typeModifier: numeric(18, 0) }, with_('best_fit'))).toBe('INT64?');
    expect(schemaOf(OID.numeric, { typeModifier: numeric(19, 0) }, with_('best_fit'))).toMatch(/^org.apache.kafka.connect.data.Decimal/);
    expect(schemaOf(OID.numeric, { typeModifier: numeric(10, 2) }, with_('best_fit'))).toBe('FLOAT64?');
    expect(schemaOf(OID.numeric, { typeModifier: numeric(30, 2) }, with_('best_fit_eager_double'))).toBe('FLOAT64?');
    expect(schemaOf(OID.numeric, { typeModifier: numeric(2, 0) }, with_('precision_only'))).toBe('INT8?');
    expect(schemaOf(OID.numeric, { typeModifier: numeric(10, 2) }, with_('precision_only'))).toMatch(/^org.apache.kafka.connect.data.Decimal/);
  });

  it('represents timestamps by timestamp.granularity', () => {
    const read = (granularity: MappingOptions['granularity']): unknown => mapColumn(column(OID.timestamp), { ...options, granularity })!.read('2024-01-01 10:00:00.123456');
    expect(read('connect_logical')).toEqual(new Date(Date.UTC(2024, 0, 1, 10, 0, 0, 123)));
    expect(read('micros_long')).toBe(1_704_103_200_123_456);
    expect(read('nanos_long')).toBe(1_704_103_200_123_456_000n);
    expect(read('nanos_string')).toBe('1704103200123456000');
    expect(read('micros_iso_datetime_string')).toBe('2024-01-01T10:00:00.123456');
  });

  it('names the record schema after the table, and not for a query', () => {
    const fields = [mapColumn(column(OID.int4, { name: 'id', nullable: false }), options)!];
    expect(recordSchema('clients', fields).name).toBe('clients');
    expect(recordSchema(null, fields).name).toBeUndefined();
  });
});

describe('values', () => {
  it('reads text values', () => {
    const read = (oid: number, text: string, overrides: Partial<ColumnDescription> = {}): unknown => mapColumn(column(oid, overrides), options)!.read(text);
    expect(read(OID.bool, 't')).toBe(true);
    expect(read(OID.int8, '9007199254740993')).toBe(9007199254740993n);
    expect(read(OID.int8, '42')).toBe(42);
    expect(read(OID.money, '-$1,234.50')).toBe(-1234.5);
    expect(read(OID.bit, '10000001', { typeModifier: 8 })).toBe(-127);
    expect(read(OID.date, '2024-02-29')).toEqual(new Date(Date.UTC(2024, 1, 29)));
    expect(read(OID.float4, 'NaN')).toBeNaN();
  });

  it('rounds decimals half up to the column scale, and refuses NaN', () => {
    expect(readDecimal('12.5', 2)).toEqual(new BigDecimal(1250n, 2));
    expect(readDecimal('-1.005', 2)).toEqual(new BigDecimal(-101n, 2));
    expect(readDecimal('7', 127).scale).toBe(127);
    expect(() => readDecimal('NaN', 2)).toThrow('cannot be represented');
  });

  it('reads bytea in both output formats', () => {
    expect(readBytea('\\x0102ff')).toEqual(Buffer.from([1, 2, 255]));
    expect(readBytea('a\\\\b\\001')).toEqual(Buffer.from([0x61, 0x5c, 0x62, 1]));
  });
});
