// InsertField$Key / $Value. Expectations from Kafka 4.1.2's InsertField.java: fields added in the
// order topic, partition, offset, timestamp, static; `!` required and `?`/no suffix optional;
// tombstones passed through; offsets only for sink records; the rebuilt struct schema keeps name,
// version, doc and parameters (SchemaUtil.copySchemaBasics) but is required. Also checked
// against Kafka itself in builtins-b.golden.test.ts.

import { describe, expect, it } from 'vitest';
import {
  ConfigException,
  DataException,
  INT32_SCHEMA,
  INT64_SCHEMA,
  OPTIONAL_INT32_SCHEMA,
  OPTIONAL_STRING_SCHEMA,
  STRING_SCHEMA,
  SchemaBuilder,
  Struct,
  TimestampSchema,
} from '../../../src/data/index.js';
import { HEADER, applied, configured, expectError, sinkRecord, sourceRecord } from './builtins-b-support.js';

const ALL = { 'topic.field': 't', 'partition.field': 'p', 'offset.field': 'o', 'timestamp.field': 'ts', 'static.field': 's', 'static.value': 'hello' };
const VALUE_SCHEMA = SchemaBuilder.struct()
  .name('com.example.Row')
  .version(2)
  .doc('a row')
  .optional()
  .field('a', INT32_SCHEMA)
  .field('d', SchemaBuilder.string().optional().defaultValue('dflt').build())
  .build();

describe('InsertField', () => {
  it('adds topic, partition, offset, timestamp and the static value to a schemaless sink value', () => {
    const result = applied(configured('InsertField$Value', ALL), sinkRecord({ value: { a: 1 } }));
    expect(result.value).toEqual({ a: 1, t: 'orders', p: 3, o: 42, ts: 1_709_211_909_007, s: 'hello' });
    expect(result.headers).toEqual([HEADER]);
  });

  it('keeps a JS Map a Map', () => {
    const result = applied(configured('InsertField$Value', { 'topic.field': 't' }), sourceRecord({ value: new Map([['a', 1]]) }));
    expect(result.value).toEqual(new Map<string, unknown>([['a', 1], ['t', 'orders']]));
  });

  it('skips a null partition and a null timestamp', () => {
    const record = sourceRecord({ kafkaPartition: null, timestamp: null, value: { a: 1 } });
    expect(applied(configured('InsertField$Value', { 'partition.field': 'p', 'timestamp.field': 'ts', 'topic.field': 't' }), record).value).toEqual({ a: 1, t: 'orders' });
  });

  it('refuses offset.field on a source record', () => {
    expectError(
      () => configured('InsertField$Value', { 'offset.field': 'o' }).apply(sourceRecord({ value: {} })),
      DataException,
      'Only SinkRecord supported for [field insertion], found: org.apache.kafka.connect.source.SourceRecord',
    );
  });

  it('builds a struct schema with the added fields, optional unless suffixed with !', () => {
    const config = { 'topic.field': 't!', 'partition.field': 'p?', 'offset.field': 'o', 'timestamp.field': 'ts!', 'static.field': 's!', 'static.value': 'hello' };
    const value = new Struct(VALUE_SCHEMA).put('a', 1);
    const result = applied(configured('InsertField$Value', config), sinkRecord({ valueSchema: VALUE_SCHEMA, value }));
    const schema = result.valueSchema!;
    expect([schema.name, schema.version, schema.doc, schema.optional]).toEqual(['com.example.Row', 2, 'a row', false]);
    expect(schema.fields.map((field) => [field.name, field.schema])).toEqual([
      ['a', INT32_SCHEMA],
      ['d', VALUE_SCHEMA.field('d')!.schema],
      ['t', STRING_SCHEMA],
      ['p', OPTIONAL_INT32_SCHEMA],
      ['o', SchemaBuilder.int64().optional().build()],
      ['ts', TimestampSchema.SCHEMA],
      ['s', STRING_SCHEMA],
    ]);
    const struct = result.value as Struct;
    expect(struct.get('d')).toBe('dflt');
    expect(struct.get('ts')).toEqual(new Date(1_709_211_909_007));
    expect([struct.get('t'), struct.get('p'), struct.get('o'), struct.get('s')]).toEqual(['orders', 3, 42, 'hello']);
  });

  it('copies a null field with a default as null when replace.null.with.default is false', () => {
    const value = new Struct(VALUE_SCHEMA).put('a', 1);
    const result = applied(configured('InsertField$Value', { 'topic.field': 't', 'replace.null.with.default': 'false' }), sourceRecord({ valueSchema: VALUE_SCHEMA, value }));
    expect((result.value as Struct).getWithoutDefault('d')).toBeNull();
  });

  it('passes tombstones through unchanged', () => {
    const record = sourceRecord({ valueSchema: VALUE_SCHEMA, value: null });
    expect(configured('InsertField$Value', ALL).apply(record)).toBe(record);
  });

  it('works on the key', () => {
    const keySchema = SchemaBuilder.struct().field('id', INT64_SCHEMA).build();
    const result = applied(configured('InsertField$Key', { 'static.field': 'src', 'static.value': 'db1' }), sourceRecord({ keySchema, key: new Struct(keySchema).put('id', 7), value: 'v' }));
    expect((result.key as Struct).get('src')).toBe('db1');
    expect(result.keySchema?.field('src')?.schema).toBe(OPTIONAL_STRING_SCHEMA);
    expect(result.value).toBe('v');
  });

  it('reuses the updated schema for the same input schema', () => {
    const transform = configured('InsertField$Value', { 'topic.field': 't' });
    const first = applied(transform, sourceRecord({ valueSchema: VALUE_SCHEMA, value: new Struct(VALUE_SCHEMA).put('a', 1) }));
    const second = applied(transform, sourceRecord({ valueSchema: VALUE_SCHEMA, value: new Struct(VALUE_SCHEMA).put('a', 2) }));
    expect(second.valueSchema).toBe(first.valueSchema);
  });

  it('refuses values that are not structs or maps', () => {
    const transform = configured('InsertField$Value', { 'topic.field': 't' });
    expectError(() => transform.apply(sourceRecord({ valueSchema: STRING_SCHEMA, value: 'x' })), DataException, 'Only Struct objects supported for [field insertion], found: java.lang.String');
    expectError(() => transform.apply(sourceRecord({ value: 'x' })), DataException, 'Only Map objects supported in absence of schema for [field insertion], found: java.lang.String');
  });

  it('checks its config', () => {
    expectError(() => configured('InsertField$Value', {}), ConfigException, 'No field insertion configured');
    expectError(() => configured('InsertField$Value', { 'static.field': 's' }), ConfigException, 'Invalid value null for configuration static.value: No value specified for static field: s');
    expectError(
      () => configured('InsertField$Value', { 'topic.field': 't', 'replace.null.with.default': 'maybe' }),
      ConfigException,
      'Invalid value maybe for configuration replace.null.with.default: Expected value to be either true or false',
    );
  });
});
