// InsertHeader. Expectations from Kafka 4.1.2's InsertHeader.java (the literal is parsed once with
// Values.parseString and appended with Headers.add) and the golden cases in
// builtins-b.golden.test.ts.

import { describe, expect, it } from 'vitest';
import { BOOLEAN_SCHEMA, ConfigException, INT8_SCHEMA, STRING_SCHEMA } from '../../../src/data/index.js';
import { HEADER, applied, configured, expectError, sourceRecord } from './builtins-b-support.js';

describe('InsertHeader', () => {
  it('appends the parsed literal after the existing headers, same key or not', () => {
    const transform = configured('InsertHeader', { header: 'trace', 'value.literal': '42' });
    const result = applied(transform, sourceRecord({ value: 'v' }));
    expect(result.headers).toEqual([HEADER, { key: 'trace', schema: INT8_SCHEMA, value: 42 }]);
    expect(result.value).toBe('v');
  });

  it('parses booleans and keeps other text as a string', () => {
    expect(applied(configured('InsertHeader', { header: 'h', 'value.literal': 'true' }), sourceRecord()).headers[1]).toEqual({ key: 'h', schema: BOOLEAN_SCHEMA, value: true });
    expect(applied(configured('InsertHeader', { header: 'h', 'value.literal': 'two words' }), sourceRecord()).headers[1]).toEqual({ key: 'h', schema: STRING_SCHEMA, value: 'two words' });
  });

  it('does not change the record it was given', () => {
    const record = sourceRecord();
    applied(configured('InsertHeader', { header: 'h', 'value.literal': 'x' }), record);
    expect(record.headers).toEqual([HEADER]);
  });

  it('requires header and value.literal', () => {
    expectError(() => configured('InsertHeader', { 'value.literal': 'x' }), ConfigException, 'Missing required configuration "header" which has no default value.');
    expectError(() => configured('InsertHeader', { header: 'h' }), ConfigException, 'Missing required configuration "value.literal" which has no default value.');
  });
});
