// Cast$Key / Cast$Value (src/transforms/cast.ts, cast-value.ts). Most casting rules are checked
// against Kafka 4.1.2 itself in golden.test.ts; this file covers what the golden files cannot carry
// (struct defaults, dates and decimals without a schema, bigint longs, plain-object maps, schema
// reuse) and spells out the main rules. Expectations are read from Kafka's Cast.java:
// getOrBuildSchema (basics, optional and default copied; cast fields get a fresh schema; the
// default is cast to the new type), castValueToType (input check, logical encoding), the castTo*
// helpers and parseFieldTypes.

import { describe, expect, it } from 'vitest';
import {
  BigDecimal,
  ConfigException,
  DataException,
  DecimalSchema,
  INT32_SCHEMA,
  INT64_SCHEMA,
  OPTIONAL_INT32_SCHEMA,
  STRING_SCHEMA,
  SchemaBuilder,
  Struct,
  TimestampSchema,
} from '../../../src/data/index.js';
import { Cast } from '../../../src/transforms/cast.js';
import { VALUE } from '../../../src/transforms/record-part.js';
import { T, configured, sinkRecord } from './support.js';

const castValue = (spec: string, extra: Record<string, string> = {}) => configured(`${T}Cast$Value`, { spec, ...extra });

describe('Cast with a schema', () => {
  const schema = SchemaBuilder.struct()
    .name('com.example.Order')
    .version(2)
    .doc('an order')
    .field('id', INT64_SCHEMA)
    .field('qty', SchemaBuilder.int32().optional().defaultValue(1).build())
    .field('note', STRING_SCHEMA)
    .optional()
    .build();

  it('rebuilds the struct schema: basics and optionality copied, cast fields fresh with their optionality and cast default', () => {
    const value = new Struct(schema).put('id', 7).put('qty', null).put('note', 'n');
    const out = castValue('id:string,qty:float64').apply(sinkRecord({ valueSchema: schema, value }))!;
    const updated = out.valueSchema!;
    expect([updated.name, updated.version, updated.doc, updated.optional]).toEqual(['com.example.Order', 2, 'an order', true]);
    expect(updated.field('id')!.schema).toEqual(STRING_SCHEMA);
    expect(updated.field('qty')!.schema).toEqual(SchemaBuilder.float64().optional().defaultValue(1).build());
    expect(updated.field('note')!.schema).toBe(STRING_SCHEMA);
    // replace.null.with.default=true: the null qty reads as its default, then is cast.
    expect((out.value as Struct).get('qty')).toBe(1);
    expect((out.value as Struct).get('id')).toBe('7');
    expect((out.value as Struct).getWithoutDefault('qty')).toBe(1);
  });

  it('keeps nulls with replace.null.with.default=false', () => {
    const value = new Struct(schema).put('id', 7).put('qty', null).put('note', 'n');
    const out = castValue('qty:string', { 'replace.null.with.default': 'false' }).apply(sinkRecord({ valueSchema: schema, value }))!;
    expect((out.value as Struct).getWithoutDefault('qty')).toBeNull();
  });

  it('reuses the rebuilt schema for the same input schema', () => {
    const transform = castValue('id:int32');
    const a = transform.apply(sinkRecord({ valueSchema: schema, value: new Struct(schema).put('id', 1).put('note', '') }))!;
    const b = transform.apply(sinkRecord({ valueSchema: schema, value: new Struct(schema).put('id', 2).put('note', '') }))!;
    expect(a.valueSchema).toBe(b.valueSchema);
  });

  it('fails on a struct schema with a default, as Kafka casts that default to STRUCT', () => {
    const base = SchemaBuilder.struct().field('a', INT32_SCHEMA).build();
    const withDefault = SchemaBuilder.struct().field('a', INT32_SCHEMA).defaultValue(new Struct(base).put('a', 1)).build();
    expect(() => castValue('a:string').apply(sinkRecord({ valueSchema: withDefault, value: new Struct(withDefault).put('a', 2) }))).toThrow(
      new DataException('Cast transformation does not support casting from STRUCT; supported types are [INT8, INT16, INT32, INT64, FLOAT32, FLOAT64, BOOLEAN, STRING, BYTES]'),
    );
  });

  it('casts logical values through their encoding, except to string', () => {
    const logical = SchemaBuilder.struct().field('ts', TimestampSchema.SCHEMA).field('dec', DecimalSchema.schema(2)).build();
    const value = new Struct(logical).put('ts', new Date(Date.UTC(2024, 1, 29, 13, 45, 30, 5))).put('dec', new BigDecimal(-1299n, 2));
    expect((castValue('ts:int64,dec:int32').apply(sinkRecord({ valueSchema: logical, value }))!.value as Struct).get('ts')).toBe(1709214330005);
    const strings = castValue('ts:string,dec:string').apply(sinkRecord({ valueSchema: logical, value }))!.value as Struct;
    expect([strings.get('ts'), strings.get('dec')]).toEqual(['2024-02-29T13:45:30.005Z', '-12.99']);
  });

  it('keeps a logical schema name on a whole-value cast (Kafka copies the basics), with the encoded value', () => {
    const out = castValue('int64').apply(sinkRecord({ valueSchema: TimestampSchema.SCHEMA, value: new Date(1000) }))!;
    expect(out.value).toBe(1000);
    expect(out.valueSchema?.name).toBe(TimestampSchema.LOGICAL_NAME);
    expect(out.valueSchema?.type).toBe('INT64');
  });

  it('holds longs beyond ±(2^53−1) as bigint, and narrows them as Java does', () => {
    const schema64 = SchemaBuilder.struct().field('n', INT64_SCHEMA).field('s', STRING_SCHEMA).build();
    const value = new Struct(schema64).put('n', 2n ** 62n + 5n).put('s', '9223372036854775807');
    const out = castValue('n:int32,s:int64').apply(sinkRecord({ valueSchema: schema64, value }))!.value as Struct;
    expect(out.get('n')).toBe(5);
    expect(out.get('s')).toBe(9223372036854775807n);
  });

  it('casts bytes only to string (Base64)', () => {
    const bytes = SchemaBuilder.struct().field('b', SchemaBuilder.bytes().build()).build();
    const value = new Struct(bytes).put('b', Buffer.from([0, 255, 1]));
    expect((castValue('b:string').apply(sinkRecord({ valueSchema: bytes, value }))!.value as Struct).get('b')).toBe('AP8B');
    expect(() => castValue('b:int8').apply(sinkRecord({ valueSchema: bytes, value }))).toThrow('Unexpected type in Cast transformation: class [B');
  });

  it('needs a Struct for field casts', () => {
    expect(() => castValue('a:int8').apply(sinkRecord({ valueSchema: STRING_SCHEMA, value: 'x' }))).toThrow('Cannot list fields on non-struct type');
  });
});

describe('Cast without a schema', () => {
  it('casts map entries, keeping the map’s kind and adding missing spec fields as null (Kafka’s quirk)', () => {
    const out = castValue('a:int16,missing:string').apply(sinkRecord({ value: { a: '12', b: true } }))!;
    expect(out.value).toEqual({ a: 12, b: true, missing: null });
    const fromMap = castValue('a:boolean').apply(sinkRecord({ value: new Map<string, unknown>([['a', 0]]) }))!;
    expect(fromMap.value).toEqual(new Map([['a', false]]));
  });

  it('infers the input type from the value, rejecting dates and decimals (no schemaless Connect type)', () => {
    expect(() => castValue('string').apply(sinkRecord({ value: new Date(0) }))).toThrow(
      "Cast transformation was passed a value of type class java.util.Date which is not supported by Connect's data API",
    );
    expect(() => castValue('a:string').apply(sinkRecord({ value: { a: new BigDecimal(1n, 0) } }))).toThrow(
      "Cast transformation was passed a value of type class java.math.BigDecimal which is not supported by Connect's data API",
    );
  });

  it('writes numbers as Java would print a Long or a Double', () => {
    expect(castValue('string').apply(sinkRecord({ value: 12 }))!.value).toBe('12');
    expect(castValue('string').apply(sinkRecord({ value: 0.1 }))!.value).toBe('0.1');
    expect(castValue('string').apply(sinkRecord({ value: 1e21 }))!.value).toBe('1.0E21');
    expect(castValue('string').apply(sinkRecord({ value: 2n ** 63n - 1n }))!.value).toBe('9223372036854775807');
  });

  it('wraps narrowing as Java’s Number.byteValue/shortValue/intValue', () => {
    expect(castValue('int8').apply(sinkRecord({ value: 300 }))!.value).toBe(44);
    expect(castValue('int16').apply(sinkRecord({ value: -70000 }))!.value).toBe(-4464);
    // A whole number is a Long (wraps); any other number a Double (saturates, then wraps to 8/16 bits).
    expect(castValue('int32').apply(sinkRecord({ value: 3e10 }))!.value).toBe(-64771072);
    expect(castValue('int32').apply(sinkRecord({ value: 3e10 + 0.5 }))!.value).toBe(2147483647);
    expect(castValue('int8').apply(sinkRecord({ value: 3e10 + 0.5 }))!.value).toBe(-1);
    expect(castValue('int8').apply(sinkRecord({ value: Number.NaN }))!.value).toBe(0);
    expect(castValue('float32').apply(sinkRecord({ value: 0.1 }))!.value).toBe(Math.fround(0.1));
  });

  it('leaves null keys and values alone (the same record)', () => {
    const tombstone = sinkRecord({ valueSchema: OPTIONAL_INT32_SCHEMA, value: null });
    expect(castValue('int8').apply(tombstone)).toBe(tombstone);
  });
});

describe('Cast$Key', () => {
  it('casts the key and keeps the value, headers, topic and sink coordinates', () => {
    const input = sinkRecord({ keySchema: INT64_SCHEMA, key: 5, valueSchema: STRING_SCHEMA, value: 'v' });
    const out = configured(`${T}Cast$Key`, { spec: 'string' }).apply(input)!;
    expect(out).toEqual({ ...input, keySchema: STRING_SCHEMA, key: '5' });
  });
});

describe('Cast config', () => {
  const configure = (spec: string) => () => new Cast(VALUE).configure({ spec });

  it('rejects bad specs with Kafka’s messages', () => {
    expect(configure('')).toThrow(new ConfigException('Must specify at least one field to cast.'));
    expect(() => new Cast(VALUE).configure({})).toThrow('Missing required configuration "spec" which has no default value.');
    expect(configure('a:array')).toThrow('Cast transformation does not support casting to ARRAY; supported types are [INT8, INT16, INT32, INT64, FLOAT32, FLOAT64, BOOLEAN, STRING]');
    expect(configure('int8,a:int16')).toThrow('Cast transformations that specify a type to cast the entire value to may only specify a single cast in their spec');
    // Kafka's parseFieldTypes reuses ReplaceField's check, key name included.
    expect(configure('a:b:int8')).toThrow('Invalid value [a:b:int8] for configuration renames: Invalid rename mapping: a:b:int8');
    // Kafka passes (message, cause) to ConfigException(name, value): the two print swapped.
    expect(configure('a:int3')).toThrow(
      'Invalid value java.lang.IllegalArgumentException: No enum constant org.apache.kafka.connect.data.Schema.Type.INT3 for configuration Invalid type found in casting spec: int3',
    );
  });

  it('accepts types in any case and with spaces', () => {
    const out = castValue(' a : Int64 ').apply(sinkRecord({ value: { a: '5' } }))!;
    expect(out.value).toEqual({ a: 5 });
  });
});
