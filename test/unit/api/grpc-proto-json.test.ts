// JSON at the admin API's edges: Structs to and from plain JSON (nested values, lists, nulls,
// non-finite numbers refused), Timestamps, and toProtoJson, the form `--output json` prints.

import { describe, expect, it } from 'vitest';
import { StructConversionError, fromStruct, millisOf, timestampOf, toProtoJson, toStruct } from '../../../src/api/grpc/proto-json.js';

describe('Struct conversion', () => {
  it('round-trips JSON objects', () => {
    const value = { s: 'x', n: 42.5, zero: 0, b: false, nil: null, list: [1, 'two', [3], { four: 4 }], nested: { a: { b: 'c' } } };
    expect(fromStruct(toStruct(value))).toEqual(value);
    expect(toStruct({ n: 1, s: 'a' })).toEqual({ fields: { n: { numberValue: 1 }, s: { stringValue: 'a' } } });
  });

  it('reads Structs as proto-loader decodes them, and null ones as empty', () => {
    expect(fromStruct({ fields: { n: { numberValue: 0 }, x: { nullValue: 'NULL_VALUE' }, l: { listValue: { values: [{ boolValue: true }] } } } })).toEqual({ n: 0, x: null, l: [true] });
    expect(fromStruct(null)).toEqual({});
  });

  it('refuses values JSON cannot carry', () => {
    expect(() => toStruct({ n: Number.NaN })).toThrow(StructConversionError);
    expect(() => toStruct({ a: { f: () => 1 } })).toThrow(/a\.f: a function is not a JSON value/);
  });
});

describe('Timestamps', () => {
  it('convert to and from epoch milliseconds', () => {
    expect(timestampOf(1_700_000_000_123)).toEqual({ seconds: 1_700_000_000, nanos: 123_000_000 });
    expect(millisOf({ seconds: 1_700_000_000, nanos: 123_999_999 })).toBe(1_700_000_000_123);
  });
});

describe('toProtoJson', () => {
  it('renders Structs as objects, Timestamps as RFC 3339, and leaves unset messages out', () => {
    const message = {
      offsets: [{ partition: toStruct({ filename: 'a' }), offset: null }],
      change: { connector: 'c', status: { state: 'CONNECTOR_STATE_RUNNING', workerId: 'w', trace: undefined }, time: timestampOf(Date.UTC(2024, 0, 2, 3, 4, 5, 6)) },
      config: { fields: 'a string, not a Struct', seconds: '1', nanos: '2' },
      empty: [],
      count: 0,
    };
    expect(toProtoJson(message)).toEqual({
      offsets: [{ partition: { filename: 'a' } }],
      change: { connector: 'c', status: { state: 'CONNECTOR_STATE_RUNNING', workerId: 'w' }, time: '2024-01-02T03:04:05.006Z' },
      config: { fields: 'a string, not a Struct', seconds: '1', nanos: '2' },
      empty: [],
      count: 0,
    });
  });
});
