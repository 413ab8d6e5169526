// HoistField$Key / $Value. Expectations from Kafka 4.1.2's HoistField.java (a new unnamed, required
// struct with the one field; a HashMap of one entry without a schema) and the golden cases in
// builtins-b.golden.test.ts.

import { describe, expect, it } from 'vitest';
import { ConfigException, DataException, INT32_SCHEMA, OPTIONAL_STRING_SCHEMA, SchemaBuilder, STRING_SCHEMA, Struct } from '../../../src/data/index.js';
import { HEADER, applied, configured, expectError, sinkRecord, sourceRecord } from './builtins-b-support.js';

describe('HoistField', () => {
  it('wraps a value with a schema in a single-field struct', () => {
    const result = applied(configured('HoistField$Value', { field: 'f' }), sourceRecord({ valueSchema: INT32_SCHEMA, value: 42 }));
    expect(result.valueSchema?.type).toBe('STRUCT');
    expect(result.valueSchema?.name).toBeUndefined();
    expect(result.valueSchema?.optional).toBe(false);
    expect(result.valueSchema?.fields.map((field) => [field.name, field.schema])).toEqual([['f', INT32_SCHEMA]]);
    expect((result.value as Struct).get('f')).toBe(42);
    expect(result.headers).toEqual([HEADER]);
    expect(result.topic).toBe('orders');
  });

  it('wraps a schemaless key in a map and leaves the value alone', () => {
    const record = sinkRecord({ key: 'k1', valueSchema: STRING_SCHEMA, value: 'v' });
    const result = applied(configured('HoistField$Key', { field: 'id' }), record);
    expect(result.keySchema).toBeNull();
    expect(result.key).toEqual({ id: 'k1' });
    expect(result.value).toBe('v');
    expect(result.kafkaOffset).toBe(42);
    expect(result.originalTopic).toBe('orders');
  });

  it('hoists a schemaless null into a map holding null', () => {
    expect(applied(configured('HoistField$Value', { field: 'f' }), sourceRecord({ value: null })).value).toEqual({ f: null });
  });

  it('keeps an optional null, and refuses a required null with the Struct message', () => {
    const transform = configured('HoistField$Value', { field: 'f' });
    expect((applied(transform, sourceRecord({ valueSchema: OPTIONAL_STRING_SCHEMA, value: null })).value as Struct).get('f')).toBeNull();
    expectError(() => transform.apply(sourceRecord({ valueSchema: STRING_SCHEMA, value: null })), DataException, 'Invalid value: null used for required field: "f", schema type: STRING');
  });

  it('reuses the wrapped schema for a schema it has seen', () => {
    const transform = configured('HoistField$Value', { field: 'f' });
    const schema = SchemaBuilder.struct().field('a', INT32_SCHEMA).build();
    const first = applied(transform, sourceRecord({ valueSchema: schema, value: new Struct(schema).put('a', 1) }));
    const second = applied(transform, sourceRecord({ valueSchema: schema, value: new Struct(schema).put('a', 2) }));
    expect(second.valueSchema).toBe(first.valueSchema);
  });

  it('requires field', () => {
    expectError(() => configured('HoistField$Value', {}), ConfigException, 'Missing required configuration "field" which has no default value.');
  });
});
