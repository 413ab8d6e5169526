// ValueToKey. Expectations from Kafka 4.1.2's ValueToKey.java: the key becomes an unnamed required
// struct (or a map without a schema) of the listed value fields, in list order; a listed field
// missing from the value schema is "Field does not exist"; tombstones are refused. Also checked
// against Kafka in builtins-b.golden.test.ts.

import { describe, expect, it } from 'vitest';
import { BOOLEAN_SCHEMA, ConfigException, DataException, INT32_SCHEMA, SchemaBuilder, Struct } from '../../../src/data/index.js';
import { HEADER, applied, configured, expectError, sourceRecord } from './builtins-b-support.js';

const SCHEMA = SchemaBuilder.struct()
  .name('com.example.V')
  .field('a', INT32_SCHEMA)
  .field('b', SchemaBuilder.string().optional().defaultValue('B').build())
  .field('c', BOOLEAN_SCHEMA)
  .build();
const VALUE = new Struct(SCHEMA).put('a', 1).put('c', false);

describe('ValueToKey', () => {
  it('builds the key struct from the listed fields in list order', () => {
    const result = applied(configured('ValueToKey', { fields: 'b,a' }), sourceRecord({ key: 'old', valueSchema: SCHEMA, value: VALUE }));
    expect(result.keySchema?.name).toBeUndefined();
    expect(result.keySchema?.fields.map((field) => [field.name, field.schema])).toEqual([
      ['b', SCHEMA.field('b')!.schema],
      ['a', INT32_SCHEMA],
    ]);
    expect([(result.key as Struct).get('b'), (result.key as Struct).get('a')]).toEqual(['B', 1]);
    expect([result.valueSchema, result.value, result.headers]).toEqual([SCHEMA, VALUE, [HEADER]]);
  });

  it('copies nulls as null when replace.null.with.default is false', () => {
    const result = applied(configured('ValueToKey', { fields: 'b', 'replace.null.with.default': 'false' }), sourceRecord({ valueSchema: SCHEMA, value: VALUE }));
    expect((result.key as Struct).getWithoutDefault('b')).toBeNull();
  });

  it('reuses the key schema for a value schema it has seen', () => {
    const transform = configured('ValueToKey', { fields: 'a' });
    const first = applied(transform, sourceRecord({ valueSchema: SCHEMA, value: VALUE }));
    expect(applied(transform, sourceRecord({ valueSchema: SCHEMA, value: VALUE })).keySchema).toBe(first.keySchema);
  });

  it('builds a schemaless key of the same map kind, absent fields as null', () => {
    const transform = configured('ValueToKey', { fields: 'b,z' });
    const result = applied(transform, sourceRecord({ key: 'old', value: { a: 1, b: 'x' } }));
    expect([result.keySchema, result.key]).toEqual([null, { b: 'x', z: null }]);
    expect(applied(transform, sourceRecord({ value: new Map([['b', 'x']]) })).key).toEqual(new Map([['b', 'x'], ['z', null]]));
  });

  it('refuses missing fields and tombstones', () => {
    expectError(() => configured('ValueToKey', { fields: 'a,z' }).apply(sourceRecord({ valueSchema: SCHEMA, value: VALUE })), DataException, 'Field does not exist: z');
    expectError(() => configured('ValueToKey', { fields: 'a' }).apply(sourceRecord({ value: null })), DataException, 'Only Map objects supported in absence of schema for [copying fields from value to key], found: null');
    expectError(() => configured('ValueToKey', { fields: 'a' }).apply(sourceRecord({ valueSchema: SCHEMA, value: null })), DataException, 'Only Struct objects supported for [copying fields from value to key], found: null');
  });

  it('requires a non-empty field list', () => {
    expectError(() => configured('ValueToKey', { fields: '' }), ConfigException, 'Invalid value [] for configuration fields: Empty list');
    expectError(() => configured('ValueToKey', {}), ConfigException, 'Missing required configuration "fields" which has no default value.');
  });
});
