// ReplaceField$Key / $Value. Expectations from Kafka 4.1.2's ReplaceField.java (exclude wins over
// include; renames old:new split on ':' into exactly two parts; a required struct with basics
// copied) and, for blacklist/whitelist, Kafka 3.9's ReplaceField.java with
// ConfigUtils.translateDeprecatedConfigs (the new key wins over its alias). Also checked against
// Kafka 4.1.2 in builtins-b.golden.test.ts.

import { describe, expect, it } from 'vitest';
import { BOOLEAN_SCHEMA, ConfigException, DataException, INT32_SCHEMA, INT64_SCHEMA, SchemaBuilder, STRING_SCHEMA, Struct } from '../../../src/data/index.js';
import { HEADER, applied, configured, expectError, sourceRecord } from './builtins-b-support.js';

const SCHEMA = SchemaBuilder.struct()
  .name('com.example.Row')
  .version(4)
  .optional()
  .field('a', INT32_SCHEMA)
  .field('b', STRING_SCHEMA)
  .field('c', SchemaBuilder.bool().optional().defaultValue(true).build())
  .build();
const VALUE = new Struct(SCHEMA).put('a', 1).put('b', 'bee');

function fields(config: Record<string, string>): [string, unknown][] {
  const result = applied(configured('ReplaceField$Value', config), sourceRecord({ valueSchema: SCHEMA, value: VALUE }));
  return result.valueSchema!.fields.map((field) => [field.name, (result.value as Struct).getWithoutDefault(field.name)]);
}

describe('ReplaceField', () => {
  it('drops excluded fields and renames the others, in schema order', () => {
    const result = applied(configured('ReplaceField$Value', { exclude: 'a', renames: 'b:bee,c:sea' }), sourceRecord({ valueSchema: SCHEMA, value: VALUE }));
    const schema = result.valueSchema!;
    expect([schema.name, schema.version, schema.optional]).toEqual(['com.example.Row', 4, false]);
    expect(schema.fields.map((field) => [field.name, field.schema])).toEqual([
      ['bee', STRING_SCHEMA],
      ['sea', SCHEMA.field('c')!.schema],
    ]);
    expect((result.value as Struct).getWithoutDefault('sea')).toBe(true);
    expect(result.headers).toEqual([HEADER]);
  });

  it('keeps only included fields, and exclude wins over include', () => {
    expect(fields({ include: 'b,zz' })).toEqual([['b', 'bee']]);
    expect(fields({ include: 'a,b', exclude: 'b' })).toEqual([['a', 1]]);
  });

  it('copies nulls as null when replace.null.with.default is false', () => {
    expect(fields({ include: 'c', 'replace.null.with.default': 'false' })).toEqual([['c', null]]);
  });

  it('filters and renames schemaless maps, keeping their kind', () => {
    const transform = configured('ReplaceField$Value', { exclude: 'a', renames: 'b:bee' });
    expect(applied(transform, sourceRecord({ value: { a: 1, b: 'x', c: null } })).value).toEqual({ bee: 'x', c: null });
    expect(applied(transform, sourceRecord({ value: new Map<string, unknown>([['a', 1], ['b', 'x']]) })).value).toEqual(new Map([['bee', 'x']]));
  });

  it('passes tombstones through and refuses other values', () => {
    const transform = configured('ReplaceField$Value', { exclude: 'a' });
    const tombstone = sourceRecord({ valueSchema: SCHEMA, value: null });
    expect(transform.apply(tombstone)).toBe(tombstone);
    expectError(() => transform.apply(sourceRecord({ valueSchema: STRING_SCHEMA, value: 'x' })), DataException, 'Only Struct objects supported for [field replacement], found: java.lang.String');
    expectError(() => configured('ReplaceField$Value', { renames: 'a:b' }).apply(sourceRecord({ valueSchema: SCHEMA, value: VALUE })), DataException, 'Cannot create field because of field name duplication b');
  });

  it('works on the key', () => {
    const keySchema = SchemaBuilder.struct().field('id', INT64_SCHEMA).field('x', BOOLEAN_SCHEMA).build();
    const result = applied(configured('ReplaceField$Key', { renames: 'id:key_id', exclude: 'x' }), sourceRecord({ keySchema, key: new Struct(keySchema).put('id', 5).put('x', true), value: 'v' }));
    expect((result.key as Struct).get('key_id')).toBe(5);
    expect(result.keySchema?.fields.map((field) => field.name)).toEqual(['key_id']);
    expect(result.value).toBe('v');
  });

  it("honours Kafka 3.x's deprecated blacklist and whitelist, the new keys winning", () => {
    expect(fields({ blacklist: 'a' })).toEqual([['b', 'bee'], ['c', true]]);
    expect(fields({ whitelist: 'a' })).toEqual([['a', 1]]);
    expect(fields({ whitelist: 'a', include: 'b' })).toEqual([['b', 'bee']]);
    expect(fields({ blacklist: 'a', exclude: 'b' })).toEqual([['a', 1], ['c', true]]);
  });

  it('checks renames', () => {
    expectError(() => configured('ReplaceField$Value', { renames: 'a:b:c' }), ConfigException, 'Invalid value [a:b:c] for configuration renames: Invalid rename mapping: a:b:c');
    expectError(() => configured('ReplaceField$Value', { renames: 'a:b,c' }), ConfigException, 'Invalid value [a:b, c] for configuration renames: Invalid rename mapping: c');
    // Java's String.split drops trailing empty strings, so "a:" has one part.
    expectError(() => configured('ReplaceField$Value', { renames: 'a:' }), ConfigException, 'Invalid value [a:] for configuration renames: Invalid rename mapping: a:');
  });
});
