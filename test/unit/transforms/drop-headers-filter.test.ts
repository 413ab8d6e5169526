// DropHeaders and Filter (src/transforms/drop-headers.ts, filter.ts), after Kafka's DropHeaders.java
// (every header whose key is listed goes, the others keep their order; `headers` must be a
// non-empty list) and Filter.java (always null, for use with a predicate; see chain.test.ts).

import { describe, expect, it } from 'vitest';
import { STRING_SCHEMA } from '../../../src/data/index.js';
import { T, configured, sinkRecord } from './support.js';

describe('DropHeaders', () => {
  it('drops every header with a listed key and keeps the rest in order', () => {
    const headers = [
      { key: 'a', schema: STRING_SCHEMA, value: '1' },
      { key: 'b', schema: null, value: 2 },
      { key: 'c', schema: null, value: 3 },
      { key: 'a', schema: null, value: null },
    ];
    const input = sinkRecord({ headers, value: 'v' });
    const out = configured(`${T}DropHeaders`, { headers: 'a,c' }).apply(input)!;
    expect(out).toEqual({ ...input, headers: [{ key: 'b', schema: null, value: 2 }] });
    expect(input.headers).toHaveLength(4);
  });

  it('needs a non-empty list of headers', () => {
    expect(() => configured(`${T}DropHeaders`, { headers: '' })).toThrow('Invalid value [] for configuration headers: Empty list');
    expect(() => configured(`${T}DropHeaders`)).toThrow('Missing required configuration "headers" which has no default value.');
  });
});

describe('Filter', () => {
  it('drops every record, tombstones included', () => {
    const filter = configured(`${T}Filter`);
    expect(filter.apply(sinkRecord({ value: 'v' }))).toBeNull();
    expect(filter.apply(sinkRecord())).toBeNull();
    expect(filter.config().keys()).toEqual([]);
  });
});
