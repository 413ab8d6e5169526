// MaskField$Key / $Value. Expectations from Kafka 4.1.2's MaskField.java (PRIMITIVE_VALUE_MAPPING for
// the empty values, REPLACEMENT_MAPPING_FUNC with Values.convertToX for replacements) and
// Values.asLong (BigDecimal(text).longValue(), then a narrowing cast); all also checked against
// Kafka in builtins-b.golden.test.ts.

import { describe, expect, it } from 'vitest';
import {
  BigDecimal,
  ConfigException,
  DataException,
  DateSchema,
  DecimalSchema,
  SchemaBuilder,
  Struct,
  TimestampSchema,
} from '../../../src/data/index.js';
import { applied, configured, expectError, sourceRecord } from './builtins-b-support.js';

const SCHEMA = SchemaBuilder.struct()
  .field('i8', SchemaBuilder.int8().build())
  .field('i64', SchemaBuilder.int64().build())
  .field('f32', SchemaBuilder.float32().build())
  .field('str', SchemaBuilder.string().build())
  .field('dec', DecimalSchema.schema(2))
  .field('date', DateSchema.SCHEMA)
  .field('ts', TimestampSchema.SCHEMA)
  .field('list', SchemaBuilder.array(SchemaBuilder.int32().build()).build())
  .field('map', SchemaBuilder.map(SchemaBuilder.string().build(), SchemaBuilder.int32().build()).build())
  .field('opt', SchemaBuilder.int32().optional().defaultValue(7).build())
  .field('bytes', SchemaBuilder.bytes().optional().build())
  .build();

function value(): Struct {
  return new Struct(SCHEMA)
    .put('i8', 5)
    .put('i64', 9_007_199_254_740_993n)
    .put('f32', 1.5)
    .put('str', 'secret')
    .put('dec', BigDecimal.parse('123.45'))
    .put('date', new Date(86_400_000))
    .put('ts', new Date(1))
    .put('list', [1, 2])
    .put('map', new Map([['k', 1]]));
}

describe('MaskField', () => {
  it("masks fields with their type's empty value and keeps the schema", () => {
    const transform = configured('MaskField$Value', { fields: 'i8,i64,f32,str,dec,date,ts,list,map' });
    const result = applied(transform, sourceRecord({ valueSchema: SCHEMA, value: value() }));
    const masked = result.value as Struct;
    expect(result.valueSchema).toBe(SCHEMA);
    expect(['i8', 'i64', 'f32', 'str'].map((field) => masked.get(field))).toEqual([0, 0, 0, '']);
    expect(masked.get('dec')).toEqual(new BigDecimal(0n, 0));
    expect(masked.get('date')).toEqual(new Date(0));
    expect(masked.get('ts')).toEqual(new Date(0));
    expect(masked.get('list')).toEqual([]);
    expect(masked.get('map')).toEqual(new Map());
  });

  it('masks a null with a default as the default would be masked, unless replace.null.with.default is false', () => {
    expect((applied(configured('MaskField$Value', { fields: 'opt' }), sourceRecord({ valueSchema: SCHEMA, value: value() })).value as Struct).get('opt')).toBe(0);
    const kept = applied(configured('MaskField$Value', { fields: 'opt', 'replace.null.with.default': 'false' }), sourceRecord({ valueSchema: SCHEMA, value: value() }));
    expect((kept.value as Struct).getWithoutDefault('opt')).toBeNull();
  });

  it('converts the replacement to the numeric type of each field, as Java casts do', () => {
    const transform = configured('MaskField$Value', { fields: 'i8,i64,f32,str,dec', replacement: '300.7' });
    const masked = applied(transform, sourceRecord({ valueSchema: SCHEMA, value: value() })).value as Struct;
    // (byte) 300 == 44; longValue() truncates; the float is rounded to 32 bits; the decimal keeps the written scale.
    expect([masked.get('i8'), masked.get('i64'), masked.get('f32'), masked.get('str')]).toEqual([44, 300, Math.fround(300.7), '300.7']);
    expect(masked.get('dec')).toEqual(new BigDecimal(3007n, 1));
  });

  it('wraps a long replacement beyond 64 bits, and returns bigints beyond 2^53', () => {
    const masked = applied(configured('MaskField$Value', { fields: 'i64', replacement: '18446744073709551617' }), sourceRecord({ valueSchema: SCHEMA, value: value() })).value as Struct;
    expect(masked.get('i64')).toBe(1);
    const big = applied(configured('MaskField$Value', { fields: 'i64', replacement: '9007199254740993' }), sourceRecord({ valueSchema: SCHEMA, value: value() })).value as Struct;
    expect(big.get('i64')).toBe(9_007_199_254_740_993n);
  });

  it('refuses replacements it cannot convert, and types it cannot mask', () => {
    const record = sourceRecord({ valueSchema: SCHEMA, value: value().put('bytes', Buffer.from([1])) });
    expectError(() => configured('MaskField$Value', { fields: 'i8', replacement: 'abc' }).apply(record), DataException, 'Unable to convert abc (class java.lang.String) to a number');
    expectError(() => configured('MaskField$Value', { fields: 'dec', replacement: 'abc' }).apply(record), DataException, 'Unable to convert abc (class java.lang.String) to number');
    expectError(() => configured('MaskField$Value', { fields: 'date', replacement: '1' }).apply(record), DataException, 'Cannot mask value of type class java.util.Date with custom replacement.');
    expectError(() => configured('MaskField$Value', { fields: 'bytes' }).apply(record), DataException, 'Cannot mask value of type: class [B');
  });

  it('masks schemaless maps of either kind, adding listed fields that are missing as null', () => {
    const transform = configured('MaskField$Value', { fields: 's,n,d,b,l,m,missing' });
    const input = { s: 'x', n: 12, d: 2.5, b: true, l: ['a'], m: { k: 1 }, keep: 'k' };
    expect(applied(transform, sourceRecord({ value: input })).value).toEqual({ s: '', n: 0, d: 0, b: false, l: [], m: {}, keep: 'k', missing: null });
    expect(input.s).toBe('x');
    const map = applied(transform, sourceRecord({ value: new Map<string, unknown>([['s', 'x'], ['m', new Map([['k', 1]])]]) })).value as Map<string, unknown>;
    expect(map).toEqual(new Map<string, unknown>([['s', ''], ['m', new Map()], ['n', null], ['d', null], ['b', null], ['l', null], ['missing', null]]));
  });

  it('treats schemaless whole numbers as longs and others as doubles', () => {
    const result = applied(configured('MaskField$Value', { fields: 'n,d', replacement: '7.5' }), sourceRecord({ value: { n: 12, d: 2.5 } }));
    expect(result.value).toEqual({ n: 7, d: 7.5 });
  });

  it('refuses tombstones', () => {
    expectError(() => configured('MaskField$Value', { fields: 'a' }).apply(sourceRecord({ value: null })), DataException, 'Only Map objects supported in absence of schema for [mask fields], found: null');
  });

  it('works on the key', () => {
    const result = applied(configured('MaskField$Key', { fields: 'id' }), sourceRecord({ key: { id: 'abc' }, value: 'v' }));
    expect(result.key).toEqual({ id: '' });
    expect(result.value).toBe('v');
  });

  it('checks its config', () => {
    expectError(() => configured('MaskField$Value', { fields: '' }), ConfigException, 'Invalid value [] for configuration fields: Empty list');
    expectError(() => configured('MaskField$Value', {}), ConfigException, 'Missing required configuration "fields" which has no default value.');
    expectError(() => configured('MaskField$Value', { fields: 'a', replacement: '' }), ConfigException, 'Invalid value  for configuration replacement: String must be non-empty');
  });
});
