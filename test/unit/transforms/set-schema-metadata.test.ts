// SetSchemaMetadata$Key / $Value. Expectations from Kafka 4.1.2's SetSchemaMetadata.java: a new
// ConnectSchema with only name and/or version replaced, Struct values rebuilt against it
// (updateSchemaIn), and, because it reads schema.fields() for every schema, the DataException
// "Cannot list fields on non-struct type" for non-struct schemas (seen with Kafka's own classes
// in builtins-b.golden.test.ts).

import { describe, expect, it } from 'vitest';
import { BigDecimal, ConfigException, DataException, DecimalSchema, INT32_SCHEMA, INT64_SCHEMA, SchemaBuilder, STRING_SCHEMA, Struct } from '../../../src/data/index.js';
import { HEADER, applied, configured, expectError, sourceRecord } from './builtins-b-support.js';

const SCHEMA = SchemaBuilder.struct()
  .name('com.example.Old')
  .version(1)
  .doc('docs')
  .parameter('p', 'v')
  .optional()
  .field('a', INT32_SCHEMA)
  .field('c', SchemaBuilder.bool().optional().defaultValue(true).build())
  .build();

describe('SetSchemaMetadata', () => {
  it('replaces name and version, keeps the rest, and rebuilds the struct', () => {
    const value = new Struct(SCHEMA).put('a', 1);
    const result = applied(configured('SetSchemaMetadata$Value', { 'schema.name': 'com.example.New', 'schema.version': '3' }), sourceRecord({ valueSchema: SCHEMA, value }));
    const schema = result.valueSchema!;
    expect([schema.name, schema.version, schema.doc, schema.parameters, schema.optional]).toEqual(['com.example.New', 3, 'docs', { p: 'v' }, true]);
    expect(schema.fields.map((field) => [field.name, field.schema])).toEqual(SCHEMA.fields.map((field) => [field.name, field.schema]));
    const struct = result.value as Struct;
    expect(struct.schema).toBe(schema);
    expect([struct.get('a'), struct.getWithoutDefault('c')]).toEqual([1, true]);
    expect(result.headers).toEqual([HEADER]);
  });

  it('keeps the other attribute when only one is set', () => {
    const value = new Struct(SCHEMA).put('a', 1);
    const result = applied(configured('SetSchemaMetadata$Value', { 'schema.version': '9' }), sourceRecord({ valueSchema: SCHEMA, value }));
    expect([result.valueSchema?.name, result.valueSchema?.version]).toEqual(['com.example.Old', 9]);
  });

  it('copies nulls as null when replace.null.with.default is false', () => {
    const value = new Struct(SCHEMA).put('a', 1);
    const result = applied(configured('SetSchemaMetadata$Value', { 'schema.name': 'n', 'replace.null.with.default': 'false' }), sourceRecord({ valueSchema: SCHEMA, value }));
    expect((result.value as Struct).getWithoutDefault('c')).toBeNull();
  });

  it('renames the schema of a null struct value, and leaves a record without value or schema', () => {
    const transform = configured('SetSchemaMetadata$Value', { 'schema.name': 'n' });
    const result = applied(transform, sourceRecord({ valueSchema: SCHEMA, value: null }));
    expect([result.valueSchema?.name, result.value]).toEqual(['n', null]);
    const bare = sourceRecord({ value: null });
    expect(transform.apply(bare)).toBe(bare);
  });

  it("refuses non-struct schemas as Kafka does, logical types included", () => {
    const transform = configured('SetSchemaMetadata$Value', { 'schema.name': 'n' });
    expectError(() => transform.apply(sourceRecord({ valueSchema: STRING_SCHEMA, value: 'x' })), DataException, 'Cannot list fields on non-struct type');
    expectError(() => transform.apply(sourceRecord({ valueSchema: DecimalSchema.schema(2), value: BigDecimal.parse('1.00') })), DataException, 'Cannot list fields on non-struct type');
    expectError(() => transform.apply(sourceRecord({ value: 'x' })), DataException, 'Schema required for [updating schema metadata]');
  });

  it('works on the key', () => {
    const keySchema = SchemaBuilder.struct().field('id', INT64_SCHEMA).build();
    const result = applied(configured('SetSchemaMetadata$Key', { 'schema.name': 'com.example.Key' }), sourceRecord({ keySchema, key: new Struct(keySchema).put('id', 1), value: 'v' }));
    expect(result.keySchema?.name).toBe('com.example.Key');
    expect((result.key as Struct).schema).toBe(result.keySchema);
    expect(result.value).toBe('v');
  });

  it('checks its config', () => {
    expectError(() => configured('SetSchemaMetadata$Value', {}), ConfigException, 'Neither schema name nor version configured');
    expectError(() => configured('SetSchemaMetadata$Value', { 'schema.version': 'x' }), ConfigException, 'Invalid value x for configuration schema.version: Not a number of type INT');
  });
});
