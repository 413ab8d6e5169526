// The inputs of the JsonConverter golden cases, rebuilt in TypeScript from
// tools/golden/src/main/java/polyconnect/golden/JsonGoldens.java (same names, same values). The
// golden test checks each against Kafka's own description of its input before comparing bytes.

import {
  BOOLEAN_SCHEMA,
  BYTES_SCHEMA,
  BigDecimal,
  DateSchema,
  DecimalSchema,
  FLOAT32_SCHEMA,
  FLOAT64_SCHEMA,
  INT16_SCHEMA,
  INT32_SCHEMA,
  INT64_SCHEMA,
  INT8_SCHEMA,
  OPTIONAL_FLOAT64_SCHEMA,
  OPTIONAL_STRING_SCHEMA,
  STRING_SCHEMA,
  SchemaBuilder,
  Struct,
  TimeSchema,
  TimestampSchema,
  type Schema,
} from '../../../src/data/index.js';

export interface GoldenInput {
  readonly schema: Schema | null;
  readonly value: unknown;
}

const DAY = 86_400_000;
const FLOAT32_MAX = 3.4028234663852886e38;
const FLOAT32_MIN_VALUE = 1.401298464324817e-45;

export const SPECIAL_STRING =
  'ASCII "quotes" back\\slash /slash; controls \u0000\u0001\b\t\n\f\r\u001f; del \u007f;' +
  ' latin \u00e9\u00df; cjk \u65e5\u672c\u8a9e; emoji \ud83d\ude00; line separator \u2028; lone surrogate \ud800!';

export const NESTED = SchemaBuilder.struct().name('polyconnect.golden.Nested').field('id', INT32_SCHEMA).field('label', OPTIONAL_STRING_SCHEMA).build();

export const ALL_TYPES = SchemaBuilder.struct()
  .name('polyconnect.golden.AllTypes')
  .version(3)
  .doc('Every Connect type')
  .field('int8', INT8_SCHEMA)
  .field('int16', INT16_SCHEMA)
  .field('int32', INT32_SCHEMA)
  .field('int64', INT64_SCHEMA)
  .field('int64_beyond_2_53', INT64_SCHEMA)
  .field('float32', FLOAT32_SCHEMA)
  .field('float64', FLOAT64_SCHEMA)
  .field('float64_big', FLOAT64_SCHEMA)
  .field('float64_negative_zero', FLOAT64_SCHEMA)
  .field('float64_tiny', FLOAT64_SCHEMA)
  .field('boolean', BOOLEAN_SCHEMA)
  .field('string', STRING_SCHEMA)
  .field('bytes', BYTES_SCHEMA)
  .field('array', SchemaBuilder.array(INT32_SCHEMA).build())
  .field('map_string_keys', SchemaBuilder.map(STRING_SCHEMA, INT64_SCHEMA).build())
  .field('map_int_keys', SchemaBuilder.map(INT32_SCHEMA, STRING_SCHEMA).build())
  .field('nested', NESTED)
  .field('optional_null', OPTIONAL_STRING_SCHEMA)
  .field('with_default', SchemaBuilder.int32().optional().defaultValue(42).build())
  .field('with_default_set', SchemaBuilder.string().optional().defaultValue('fallback').build())
  .field('decimal', DecimalSchema.schema(2))
  .field('decimal_negative', DecimalSchema.schema(2))
  .field('date', DateSchema.SCHEMA)
  .field('time', TimeSchema.SCHEMA)
  .field('timestamp', TimestampSchema.SCHEMA)
  .field('optional_timestamp', TimestampSchema.builder().optional().build())
  .build();

export function allTypesValue(): Struct {
  return new Struct(ALL_TYPES)
    .put('int8', -128)
    .put('int16', -32768)
    .put('int32', 2147483647)
    .put('int64', -(2n ** 63n))
    .put('int64_beyond_2_53', 9007199254740993n)
    .put('float32', 3.14)
    .put('float64', 0.1)
    .put('float64_big', 1e10)
    .put('float64_negative_zero', -0)
    .put('float64_tiny', 1e-7)
    .put('boolean', true)
    .put('string', SPECIAL_STRING)
    .put('bytes', Buffer.from([0, 1, 2, 0x80, 0xff]))
    .put('array', [1, 2, 3])
    .put('map_string_keys', new Map([['b', 2], ['a', 1]]))
    .put('map_int_keys', new Map([[2, 'two'], [1, 'one'], [-1, 'minus one']]))
    .put('nested', new Struct(NESTED).put('id', 7).put('label', 'seven'))
    .put('optional_null', null)
    .put('with_default', null)
    .put('with_default_set', 'given')
    .put('decimal', BigDecimal.parse('12345.67'))
    .put('decimal_negative', BigDecimal.parse('-1.56'))
    .put('date', new Date(Date.UTC(2024, 1, 29)))
    .put('time', new Date(49_530_123))
    .put('timestamp', new Date(1_709_214_330_123))
    .put('optional_timestamp', null);
}

export const DEFAULTS = SchemaBuilder.struct()
  .name('polyconnect.golden.Defaults')
  .field('int64', SchemaBuilder.int64().optional().defaultValue(9007199254740993n).build())
  .field('float32', SchemaBuilder.float32().optional().defaultValue(1.5).build())
  .field('string', SchemaBuilder.string().optional().defaultValue('fallback').build())
  .field('bytes', SchemaBuilder.bytes().optional().defaultValue(Buffer.from([1, 2])).build())
  .field('array', SchemaBuilder.array(INT32_SCHEMA).optional().defaultValue([1, 2]).build())
  .field('map', SchemaBuilder.map(STRING_SCHEMA, BOOLEAN_SCHEMA).optional().defaultValue(new Map([['k', true]])).build())
  .field('decimal', DecimalSchema.builder(2).optional().defaultValue(BigDecimal.parse('9.99')).build())
  .field('date', DateSchema.builder().optional().defaultValue(new Date(0)).build())
  .build();

const int32WithDefault = (): Schema => SchemaBuilder.int32().optional().defaultValue(42).build();

const PRIMITIVES: Record<string, GoldenInput> = {
  'int8-min': { schema: INT8_SCHEMA, value: -128 },
  'int16-min': { schema: INT16_SCHEMA, value: -32768 },
  'int32-max': { schema: INT32_SCHEMA, value: 2147483647 },
  'int64-beyond-2-53': { schema: INT64_SCHEMA, value: 9007199254740993n },
  'int64-max': { schema: INT64_SCHEMA, value: 2n ** 63n - 1n },
  'int64-min': { schema: INT64_SCHEMA, value: -(2n ** 63n) },
  'float32-pi': { schema: FLOAT32_SCHEMA, value: 3.14 },
  'float32-one': { schema: FLOAT32_SCHEMA, value: 1 },
  'float32-tenth': { schema: FLOAT32_SCHEMA, value: 0.1 },
  'float32-1e10': { schema: FLOAT32_SCHEMA, value: 1e10 },
  'float32-max': { schema: FLOAT32_SCHEMA, value: FLOAT32_MAX },
  'float32-min-value': { schema: FLOAT32_SCHEMA, value: FLOAT32_MIN_VALUE },
  'float64-tenth': { schema: FLOAT64_SCHEMA, value: 0.1 },
  'float64-one': { schema: FLOAT64_SCHEMA, value: 1 },
  'float64-hundred': { schema: FLOAT64_SCHEMA, value: 100 },
  'float64-below-1e7': { schema: FLOAT64_SCHEMA, value: 9999999 },
  'float64-1e7': { schema: FLOAT64_SCHEMA, value: 1e7 },
  'float64-thousandth': { schema: FLOAT64_SCHEMA, value: 0.001 },
  'float64-1e-4': { schema: FLOAT64_SCHEMA, value: 1e-4 },
  'float64-1e10': { schema: FLOAT64_SCHEMA, value: 1e10 },
  'float64-1e-7': { schema: FLOAT64_SCHEMA, value: 1e-7 },
  'float64-negative-zero': { schema: FLOAT64_SCHEMA, value: -0 },
  'float64-long-fraction': { schema: FLOAT64_SCHEMA, value: 123456.789012345 },
  'float64-third': { schema: FLOAT64_SCHEMA, value: 1 / 3 },
  'float64-max': { schema: FLOAT64_SCHEMA, value: Number.MAX_VALUE },
  'float64-min-value': { schema: FLOAT64_SCHEMA, value: Number.MIN_VALUE },
  'float64-nan': { schema: FLOAT64_SCHEMA, value: Number.NaN },
  'float64-infinity': { schema: FLOAT64_SCHEMA, value: Infinity },
  'float64-negative-infinity': { schema: FLOAT64_SCHEMA, value: -Infinity },
  'float64-jdk17-2e23': { schema: FLOAT64_SCHEMA, value: 2e23 },
  'boolean-true': { schema: BOOLEAN_SCHEMA, value: true },
  'boolean-false': { schema: BOOLEAN_SCHEMA, value: false },
  'string-hello': { schema: STRING_SCHEMA, value: 'hello' },
  'string-empty': { schema: STRING_SCHEMA, value: '' },
  'string-special': { schema: STRING_SCHEMA, value: SPECIAL_STRING },
  bytes: { schema: BYTES_SCHEMA, value: Buffer.from([0xde, 0xad, 0xbe, 0xef, 0]) },
  'bytes-empty': { schema: BYTES_SCHEMA, value: Buffer.alloc(0) },
  'optional-string-null': { schema: OPTIONAL_STRING_SCHEMA, value: null },
  'optional-struct-null': {
    schema: SchemaBuilder.struct().name('polyconnect.golden.Nested').optional().field('id', INT32_SCHEMA).field('label', OPTIONAL_STRING_SCHEMA).build(),
    value: null,
  },
  'int32-default-for-null': { schema: int32WithDefault(), value: null },
  'int32-default-for-null-keep-null': { schema: int32WithDefault(), value: null },
  'key-string': { schema: STRING_SCHEMA, value: 'a key' },
  tombstone: { schema: null, value: null },
};

function inputs(): Record<string, GoldenInput> {
  const schemaless = new Map<string, unknown>([
    ['int', 1],
    ['string', 'x'],
    ['list', [true, null, 2.5, new Map([['null', null]])]],
    ['long', 9007199254740993n],
    ['double', 0.5],
    ['bytes', Buffer.from([1, 2, 3])],
  ]);
  return {
    ...PRIMITIVES,
    'all-types': { schema: ALL_TYPES, value: allTypesValue() },
    defaults: { schema: DEFAULTS, value: new Struct(DEFAULTS) },
    decimal: { schema: DecimalSchema.schema(2), value: BigDecimal.parse('12345.67') },
    'decimal-negative': { schema: DecimalSchema.schema(2), value: BigDecimal.parse('-1.56') },
    'decimal-zero': { schema: DecimalSchema.schema(2), value: BigDecimal.parse('0.00') },
    'decimal-huge': { schema: DecimalSchema.schema(2), value: BigDecimal.parse('123456789012345678901234567890.12') },
    'decimal-negative-scale': { schema: DecimalSchema.schema(-3), value: new BigDecimal(1n, -3) },
    'decimal-tiny': { schema: DecimalSchema.schema(10), value: BigDecimal.parse('1E-10') },
    date: { schema: DateSchema.SCHEMA, value: new Date(Date.UTC(2024, 1, 29)) },
    'date-before-epoch': { schema: DateSchema.SCHEMA, value: new Date(Date.UTC(1969, 6, 20)) },
    time: { schema: TimeSchema.SCHEMA, value: new Date(49_530_123) },
    'time-midnight': { schema: TimeSchema.SCHEMA, value: new Date(0) },
    timestamp: { schema: TimestampSchema.SCHEMA, value: new Date(1_709_214_330_123) },
    'timestamp-before-epoch': { schema: TimestampSchema.SCHEMA, value: new Date(-1) },
    'schemaless-map': { schema: null, value: schemaless },
    'schemaless-list': { schema: null, value: [1, 'two', 3.5, null, false] },
    'schemaless-map-int-keys': { schema: null, value: new Map([[1, 'one'], [2, 'two']]) },
    'schemaless-map-mixed-keys': { schema: null, value: new Map<unknown, unknown>([['a', 1], [2n, 'b']]) },
    'schemaless-string': { schema: null, value: SPECIAL_STRING },
    'schemaless-long': { schema: null, value: 9007199254740993n },
    'schemaless-double': { schema: null, value: 2.5 },
    'schemaless-integral-double': { schema: null, value: 1 },
    'schemaless-boolean': { schema: null, value: true },
    'schemaless-bytes': { schema: null, value: Buffer.from([0xff, 0]) },
    'array-of-structs': {
      schema: SchemaBuilder.array(NESTED).build(),
      value: [new Struct(NESTED).put('id', 1).put('label', 'one'), new Struct(NESTED).put('id', 2)],
    },
    'map-of-arrays': {
      schema: SchemaBuilder.map(STRING_SCHEMA, SchemaBuilder.array(OPTIONAL_FLOAT64_SCHEMA).build()).build(),
      value: new Map([['z', [1.5, null, -2]], ['', []]]),
    },
    'map-bytes-keys': { schema: SchemaBuilder.map(BYTES_SCHEMA, STRING_SCHEMA).build(), value: new Map([[Buffer.from([1]), 'one']]) },
    'map-struct-keys': { schema: SchemaBuilder.map(NESTED, INT32_SCHEMA).build(), value: new Map([[new Struct(NESTED).put('id', 1).put('label', 'k'), 10]]) },
    'map-null-string-key': { schema: SchemaBuilder.map(OPTIONAL_STRING_SCHEMA, STRING_SCHEMA).build(), value: new Map([[null, 'null key']]) },
    'schema-metadata': {
      schema: SchemaBuilder.string().name('polyconnect.golden.Id').version(2).doc('An identifier').parameter('b', '2').parameter('a', '1').build(),
      value: 'id-1',
    },
  };
}

/** The input of a golden write case, by its name without the settings variant ("all-types.plain" → "all-types"). */
export function goldenInput(caseName: string): GoldenInput {
  const base = caseName.slice(0, caseName.lastIndexOf('.'));
  const input = inputs()[base];
  if (input === undefined) throw new Error(`No TypeScript input for golden case ${caseName}`);
  return input;
}

/** The inputs of the fromConnectData error cases, by name (JsonGoldens.writeErrorCases). */
export function errorInput(name: string): GoldenInput {
  const other = SchemaBuilder.struct().name('polyconnect.golden.Other').field('id', INT32_SCHEMA).build();
  const cases: Record<string, GoldenInput> = {
    'error-write-required-null': { schema: INT32_SCHEMA, value: null },
    'error-write-required-default-keep-null': { schema: SchemaBuilder.int32().defaultValue(42).build(), value: null },
    'error-write-decimal-scale': { schema: DecimalSchema.schema(2), value: BigDecimal.parse('1.234') },
    'error-write-decimal-not-bigdecimal': { schema: DecimalSchema.schema(2), value: '1.5' },
    'error-write-date-with-time': { schema: DateSchema.SCHEMA, value: new Date(1000) },
    'error-write-time-with-date': { schema: TimeSchema.SCHEMA, value: new Date(2 * DAY) },
    'error-write-string-for-int32': { schema: INT32_SCHEMA, value: '5' },
    'error-write-int-for-string': { schema: STRING_SCHEMA, value: 5 },
    'error-write-string-for-bytes': { schema: BYTES_SCHEMA, value: 'abc' },
    'error-write-schemaless-decimal': { schema: null, value: BigDecimal.parse('1.5') },
    'error-write-schemaless-date': { schema: null, value: new Date(0) },
    'error-write-schemaless-struct': { schema: null, value: new Struct(NESTED).put('id', 1) },
    'error-write-struct-mismatch': { schema: NESTED, value: new Struct(other).put('id', 1) },
  };
  const input = cases[name];
  if (input === undefined) throw new Error(`No TypeScript input for error case ${name}`);
  return input;
}
