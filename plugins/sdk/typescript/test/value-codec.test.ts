// The JSON value encoding (docs/plugin-protocol.md, "Values"): the exact text each Connect type
// travels as, and that decoding that text gives the value back.

import { describe, expect, it } from 'vitest';
import { BigDecimal } from '../src/data/big-decimal.js';
import { DataException } from '../src/data/errors.js';
import { DateSchema, DecimalSchema, TimeSchema, TimestampSchema } from '../src/data/logical-types.js';
import {
  BOOLEAN_SCHEMA,
  BYTES_SCHEMA,
  FLOAT32_SCHEMA,
  FLOAT64_SCHEMA,
  INT16_SCHEMA,
  INT32_SCHEMA,
  INT64_SCHEMA,
  INT8_SCHEMA,
  OPTIONAL_INT32_SCHEMA,
  OPTIONAL_STRING_SCHEMA,
  STRING_SCHEMA,
  type Schema,
} from '../src/data/schema.js';
import { SchemaBuilder } from '../src/data/schema-builder.js';
import { Struct } from '../src/data/struct.js';
import { valueEquals } from '../src/data/value-equality.js';
import { decodeValue, encodeValue } from '../src/wire/value-codec.js';

/** Encodes, checks the text, decodes, and returns the decoded value. */
function roundTrip(schema: Schema | null, value: unknown, expectedText: string): unknown {
  const text = encodeValue(schema, value);
  expect(text).toBe(expectedText);
  return decodeValue(schema, text);
}

function expectSameValue(actual: unknown, expected: unknown): void {
  expect(valueEquals(actual, expected), `${String(actual)} should equal ${String(expected)}`).toBe(true);
}

describe('null', () => {
  it('travels as the empty string, with and without a schema', () => {
    for (const schema of [null, OPTIONAL_STRING_SCHEMA, OPTIONAL_INT32_SCHEMA, BYTES_SCHEMA, DecimalSchema.schema(2)]) {
      expect(encodeValue(schema, null)).toBe('');
      expect(encodeValue(schema, undefined)).toBe('');
      expect(decodeValue(schema, '')).toBeNull();
    }
  });

  it('keeps the empty string apart from null', () => {
    expect(roundTrip(STRING_SCHEMA, '', '""')).toBe('');
    expect(roundTrip(null, '', '""')).toBe('');
  });

  it('decodes a JSON null text as null too', () => {
    expect(decodeValue(OPTIONAL_INT32_SCHEMA, 'null')).toBeNull();
  });
});

describe('primitive types', () => {
  it('INT8, INT16 and INT32 are JSON numbers', () => {
    expect(roundTrip(INT8_SCHEMA, -128, '-128')).toBe(-128);
    expect(roundTrip(INT16_SCHEMA, 32767, '32767')).toBe(32767);
    expect(roundTrip(INT32_SCHEMA, -2147483648, '-2147483648')).toBe(-2147483648);
  });

  it('rejects integers written as fractions or strings', () => {
    expect(() => decodeValue(INT32_SCHEMA, '1.5')).toThrow(DataException);
    expect(() => decodeValue(INT32_SCHEMA, '"7"')).toThrow('does not fit a INT32 schema');
    expect(() => encodeValue(INT32_SCHEMA, 1.5)).toThrow('Value of type number does not fit a INT32 schema');
  });

  it('INT64 within ±(2^53-1) is a JSON number', () => {
    expect(roundTrip(INT64_SCHEMA, Number.MAX_SAFE_INTEGER, '9007199254740991')).toBe(Number.MAX_SAFE_INTEGER);
    expect(roundTrip(INT64_SCHEMA, Number.MIN_SAFE_INTEGER, '-9007199254740991')).toBe(Number.MIN_SAFE_INTEGER);
    expect(roundTrip(INT64_SCHEMA, 42n, '42')).toBe(42);
  });

  it('INT64 beyond 2^53 is a decimal string and decodes to an exact bigint', () => {
    expect(roundTrip(INT64_SCHEMA, 2n ** 53n, '"9007199254740992"')).toBe(2n ** 53n);
    expect(roundTrip(INT64_SCHEMA, 2n ** 63n - 1n, '"9223372036854775807"')).toBe(9223372036854775807n);
    expect(roundTrip(INT64_SCHEMA, -(2n ** 63n), '"-9223372036854775808"')).toBe(-9223372036854775808n);
    // One more than 2^53: a JSON number would round it to 2^53.
    expect(roundTrip(INT64_SCHEMA, 9007199254740993n, '"9007199254740993"')).toBe(9007199254740993n);
  });

  it('INT64 accepts a decimal string of any size when decoding', () => {
    expect(decodeValue(INT64_SCHEMA, '"12"')).toBe(12);
    expect(() => decodeValue(INT64_SCHEMA, '"12.0"')).toThrow(DataException);
    expect(() => decodeValue(INT64_SCHEMA, '"0x10"')).toThrow(DataException);
  });

  it('INT64 held as an unsafe JS number travels as the exact decimal of that double', () => {
    expect(encodeValue(INT64_SCHEMA, 2 ** 60)).toBe('"1152921504606846976"');
  });

  it('FLOAT32 and FLOAT64 are JSON numbers, non-finite ones are strings', () => {
    expect(roundTrip(FLOAT64_SCHEMA, 1.5, '1.5')).toBe(1.5);
    expect(roundTrip(FLOAT32_SCHEMA, -0.25, '-0.25')).toBe(-0.25);
    expect(roundTrip(FLOAT64_SCHEMA, 1e300, '1e+300')).toBe(1e300);
    expect(roundTrip(FLOAT64_SCHEMA, Number.NaN, '"NaN"')).toBeNaN();
    expect(roundTrip(FLOAT64_SCHEMA, Number.POSITIVE_INFINITY, '"Infinity"')).toBe(Number.POSITIVE_INFINITY);
    expect(roundTrip(FLOAT32_SCHEMA, Number.NEGATIVE_INFINITY, '"-Infinity"')).toBe(Number.NEGATIVE_INFINITY);
    expect(() => decodeValue(FLOAT64_SCHEMA, '"1.5"')).toThrow(DataException);
  });

  it('a whole double may be written with or without a fraction', () => {
    expect(encodeValue(FLOAT64_SCHEMA, 2)).toBe('2');
    expect(decodeValue(FLOAT64_SCHEMA, '2.0')).toBe(2);
  });

  it('BOOLEAN is true or false', () => {
    expect(roundTrip(BOOLEAN_SCHEMA, true, 'true')).toBe(true);
    expect(roundTrip(BOOLEAN_SCHEMA, false, 'false')).toBe(false);
    expect(() => decodeValue(BOOLEAN_SCHEMA, '1')).toThrow(DataException);
  });

  it('STRING is a JSON string with JSON escapes', () => {
    expect(roundTrip(STRING_SCHEMA, 'a "quoted"\nline ✓ 😀', '"a \\"quoted\\"\\nline ✓ 😀"')).toBe('a "quoted"\nline ✓ 😀');
    expect(() => encodeValue(STRING_SCHEMA, 5)).toThrow('Value of type number does not fit a STRING schema');
  });

  it('BYTES is standard Base64 with padding', () => {
    const decoded = roundTrip(BYTES_SCHEMA, Uint8Array.of(0, 1, 2, 0xff), '"AAEC/w=="');
    expect(decoded).toBeInstanceOf(Uint8Array);
    expect([...(decoded as Uint8Array)]).toEqual([0, 1, 2, 0xff]);
    expect(roundTrip(BYTES_SCHEMA, new Uint8Array(0), '""')).toEqual(Buffer.alloc(0));
  });

  it('BYTES encodes only the bytes of a view, not its whole backing buffer', () => {
    const view = Buffer.from('--abc--').subarray(2, 5);
    expect(encodeValue(BYTES_SCHEMA, view)).toBe(JSON.stringify(Buffer.from('abc').toString('base64')));
  });

  it('rejects text that is not JSON', () => {
    expect(() => decodeValue(STRING_SCHEMA, 'abc')).toThrow('Value is not valid JSON');
    expect(() => decodeValue(null, '{')).toThrow(DataException);
  });
});

describe('logical types', () => {
  it('Decimal is a plain decimal string with exactly the schema scale', () => {
    const schema = DecimalSchema.schema(2);
    expectSameValue(roundTrip(schema, BigDecimal.parse('12.30'), '"12.30"'), BigDecimal.parse('12.30'));
    // A value with a smaller scale is widened to the schema's scale.
    expectSameValue(roundTrip(schema, BigDecimal.parse('-0.5'), '"-0.50"'), BigDecimal.parse('-0.50'));
    expectSameValue(roundTrip(DecimalSchema.schema(0), BigDecimal.parse('42'), '"42"'), BigDecimal.parse('42'));
    expectSameValue(roundTrip(DecimalSchema.schema(-2), new BigDecimal(12n, -2), '"1200"'), new BigDecimal(12n, -2));
  });

  it('Decimal keeps precision far beyond a double and int64', () => {
    const huge = BigDecimal.parse('123456789012345678901234567890.123456789');
    const decoded = roundTrip(DecimalSchema.schema(9), huge, '"123456789012345678901234567890.123456789"') as BigDecimal;
    expect(decoded.unscaled).toBe(123456789012345678901234567890123456789n);
    expect(decoded.scale).toBe(9);
  });

  it('Decimal decodes any decimal notation and rescales it to the schema scale', () => {
    const schema = DecimalSchema.schema(2);
    expectSameValue(decodeValue(schema, '"1.2E+1"'), BigDecimal.parse('12.00'));
    expectSameValue(decodeValue(schema, '1.5'), BigDecimal.parse('1.50'));
    expect(() => decodeValue(schema, '"1.234"')).toThrow('without rounding');
  });

  it('Decimal refuses values that would lose digits at the schema scale, and non-BigDecimal values', () => {
    expect(() => encodeValue(DecimalSchema.schema(1), BigDecimal.parse('1.25'))).toThrow('Cannot rescale 1.25 to scale 1 without rounding');
    expect(() => encodeValue(DecimalSchema.schema(1), 1.5)).toThrow(DataException);
  });

  it('Date is whole days since the epoch', () => {
    const leapDay = new Date(Date.UTC(2024, 1, 29));
    expect(roundTrip(DateSchema.SCHEMA, leapDay, String(Date.UTC(2024, 1, 29) / 86_400_000))).toEqual(leapDay);
    expect(roundTrip(DateSchema.SCHEMA, new Date(Date.UTC(1969, 11, 31)), '-1')).toEqual(new Date(-86_400_000));
    expect(() => encodeValue(DateSchema.SCHEMA, new Date(Date.UTC(2024, 1, 29, 12)))).toThrow(
      'Kafka Connect Date type should not have any time fields set to non-zero values.',
    );
  });

  it('Time is milliseconds since midnight', () => {
    const time = new Date(Date.UTC(1970, 0, 1, 13, 45, 30, 250));
    expect(roundTrip(TimeSchema.SCHEMA, time, '49530250')).toEqual(time);
    expect(() => encodeValue(TimeSchema.SCHEMA, new Date(Date.UTC(1970, 0, 2)))).toThrow('should not have any date fields');
  });

  it('Timestamp is epoch milliseconds, before 1970 too', () => {
    expect(roundTrip(TimestampSchema.SCHEMA, new Date(1_700_000_000_123), '1700000000123')).toEqual(new Date(1_700_000_000_123));
    expect(roundTrip(TimestampSchema.SCHEMA, new Date(-1), '-1')).toEqual(new Date(-1));
    expect(() => decodeValue(TimestampSchema.SCHEMA, '"2024-01-01"')).toThrow(DataException);
  });

  it('logical values without their logical schema are refused', () => {
    expect(() => encodeValue(TimestampSchema.SCHEMA, 5)).toThrow('does not fit a INT64 schema (org.apache.kafka.connect.data.Timestamp)');
  });
});

describe('containers', () => {
  const point = SchemaBuilder.struct().name('Point').field('x', INT32_SCHEMA).field('y', OPTIONAL_INT32_SCHEMA).build();

  it('ARRAY is a JSON array, with nulls for null elements', () => {
    const schema = SchemaBuilder.array(OPTIONAL_INT32_SCHEMA).build();
    expect(roundTrip(schema, [1, null, 3], '[1,null,3]')).toEqual([1, null, 3]);
    expect(roundTrip(schema, [], '[]')).toEqual([]);
  });

  it('a null element in an array of a required schema is refused', () => {
    expect(() => encodeValue(SchemaBuilder.array(INT32_SCHEMA).build(), [1, null])).toThrow('Null value for a required INT32 schema');
  });

  it('MAP with STRING keys is a JSON object and decodes to a Map', () => {
    const schema = SchemaBuilder.map(STRING_SCHEMA, INT64_SCHEMA).build();
    const decoded = roundTrip(schema, new Map<string, unknown>([['a', 1], ['b', 2n ** 60n]]), '{"a":1,"b":"1152921504606846976"}');
    expect(decoded).toEqual(new Map<string, unknown>([['a', 1], ['b', 2n ** 60n]]));
    // A plain object stands for a string-keyed map.
    expect(encodeValue(schema, { z: 26 })).toBe('{"z":26}');
  });

  it('MAP with other keys is an array of [key, value] pairs', () => {
    const schema = SchemaBuilder.map(INT32_SCHEMA, STRING_SCHEMA).build();
    expect(roundTrip(schema, new Map([[1, 'one'], [2, 'two']]), '[[1,"one"],[2,"two"]]')).toEqual(new Map([[1, 'one'], [2, 'two']]));
    const structKeys = SchemaBuilder.map(point, BOOLEAN_SCHEMA).build();
    const key = new Struct(point).put('x', 1).put('y', null);
    const decoded = roundTrip(structKeys, new Map([[key, true]]), '[[{"x":1,"y":null},true]]');
    expectSameValue(decoded, new Map([[key, true]]));
  });

  it('MAP decoding accepts pairs for string keys and rejects malformed pairs', () => {
    const schema = SchemaBuilder.map(STRING_SCHEMA, INT32_SCHEMA).build();
    expect(decodeValue(schema, '[["a",1]]')).toEqual(new Map([['a', 1]]));
    expect(() => decodeValue(schema, '[["a",1,2]]')).toThrow('must be a [key, value] pair');
  });

  it('STRUCT is a JSON object with every field, by name, in schema order', () => {
    const value = new Struct(point).put('x', 3);
    const decoded = roundTrip(point, value, '{"x":3,"y":null}') as Struct;
    expect(decoded).toBeInstanceOf(Struct);
    expect(decoded.equals(value)).toBe(true);
  });

  it('STRUCT decoding ignores unknown members and treats missing ones as null', () => {
    const decoded = decodeValue(point, '{"extra":"ignored","x":7}') as Struct;
    expect(decoded.get('x')).toBe(7);
    expect(decoded.get('y')).toBeNull();
    expect(() => decodeValue(point, '{"y":1}')).toThrow('null used for required field: "x"');
  });

  it('STRUCT decoding checks field values against their schemas (INT8 range)', () => {
    const small = SchemaBuilder.struct().field('b', INT8_SCHEMA).build();
    expect(() => decodeValue(small, '{"b":300}')).toThrow('for field: "b"');
  });

  it('nests structs, maps and arrays to any depth', () => {
    const line = SchemaBuilder.struct()
      .name('Line')
      .field('sku', STRING_SCHEMA)
      .field('price', DecimalSchema.schema(2))
      .field('tags', SchemaBuilder.map(STRING_SCHEMA, SchemaBuilder.array(STRING_SCHEMA).build()).optional().build())
      .build();
    const order = SchemaBuilder.struct()
      .name('Order')
      .field('id', INT64_SCHEMA)
      .field('at', TimestampSchema.SCHEMA)
      .field('lines', SchemaBuilder.array(line).build())
      .field('blob', SchemaBuilder.bytes().optional().build())
      .build();
    const value = new Struct(order)
      .put('id', 2n ** 62n)
      .put('at', new Date(1000))
      .put('lines', [
        new Struct(line).put('sku', 'A').put('price', BigDecimal.parse('9.99')).put('tags', new Map([['colour', ['red', 'blue']]])),
        new Struct(line).put('sku', 'B').put('price', BigDecimal.parse('0.10')),
      ])
      .put('blob', Buffer.from('hi'));
    const decoded = roundTrip(
      order,
      value,
      '{"id":"4611686018427387904","at":1000,"lines":[{"sku":"A","price":"9.99","tags":{"colour":["red","blue"]}},{"sku":"B","price":"0.10","tags":null}],"blob":"aGk="}',
    ) as Struct;
    expect(decoded.equals(value)).toBe(true);
    expect(decoded.get('id')).toBe(2n ** 62n);
  });

  it('a null field with a default travels as null and reads back as the default', () => {
    const withDefault = SchemaBuilder.struct()
      .field('retries', SchemaBuilder.int32().defaultValue(3).build())
      .field('label', SchemaBuilder.string().optional().defaultValue('none').build())
      .build();
    const decoded = roundTrip(withDefault, new Struct(withDefault), '{"retries":null,"label":null}') as Struct;
    expect(decoded.get('retries')).toBe(3);
    expect(decoded.get('label')).toBe('none');
    expect(decoded.getWithoutDefault('retries')).toBeNull();
  });

  it('a struct value whose schema does not match is refused', () => {
    expect(() => encodeValue(point, new Map())).toThrow('Value of type Map does not fit a STRUCT schema (Point)');
  });
});

describe('schemaless values (no schema)', () => {
  it('are plain JSON', () => {
    expect(roundTrip(null, 'text', '"text"')).toBe('text');
    expect(roundTrip(null, 12, '12')).toBe(12);
    expect(roundTrip(null, 1.25, '1.25')).toBe(1.25);
    expect(roundTrip(null, true, 'true')).toBe(true);
    expect(roundTrip(null, [1, 'a', null], '[1,"a",null]')).toEqual([1, 'a', null]);
  });

  it('objects and string-keyed Maps become JSON objects and decode as Maps, recursively', () => {
    const decoded = roundTrip(null, new Map<string, unknown>([['a', { b: [1, { c: null }] }]]), '{"a":{"b":[1,{"c":null}]}}');
    expect(decoded).toEqual(new Map([['a', new Map<string, unknown>([['b', [1, new Map([['c', null]])]]])]]));
  });

  it('Maps with other keys become [key, value] pairs (and decode as arrays)', () => {
    expect(roundTrip(null, new Map([[1, 'a']]), '[[1,"a"]]')).toEqual([[1, 'a']]);
  });

  it('bigints travel as numbers when safe and are refused beyond ±(2^53-1)', () => {
    expect(encodeValue(null, 5n)).toBe('5');
    expect(() => encodeValue(null, 2n ** 53n)).toThrow('give the value an INT64 schema');
  });

  it('bytes, dates and structs lose their type: Base64 text, epoch millis, objects', () => {
    expect(encodeValue(null, Uint8Array.of(1, 2))).toBe('"AQI="');
    expect(encodeValue(null, new Date(5))).toBe('5');
    const schema = SchemaBuilder.struct().field('a', INT32_SCHEMA).build();
    expect(encodeValue(null, new Struct(schema).put('a', 1))).toBe('{"a":1}');
    expect(encodeValue(null, Number.NaN)).toBe('"NaN"');
  });

  it('values with no JSON form are refused', () => {
    expect(() => encodeValue(null, BigDecimal.parse('1.5'))).toThrow('Cannot encode a schemaless value of type BigDecimal');
  });
});
