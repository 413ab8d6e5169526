// SimpleHeaderConverter. Expectations come from test/golden/converters/simple-header-converter.json:
// header bytes written, and header text parsed, by Kafka 4.1.2's own SimpleHeaderConverter through
// tools/golden/src/main/java/polyconnect/golden/OtherGoldens.java (JVM time zone UTC).

import { describe, expect, it } from 'vitest';
import {
  BOOLEAN_SCHEMA,
  BYTES_SCHEMA,
  BigDecimal,
  DateSchema,
  DecimalSchema,
  FLOAT32_SCHEMA,
  FLOAT64_SCHEMA,
  INT32_SCHEMA,
  INT64_SCHEMA,
  INT8_SCHEMA,
  OPTIONAL_STRING_SCHEMA,
  STRING_SCHEMA,
  SchemaBuilder,
  Struct,
  TimeSchema,
  TimestampSchema,
  type Schema,
} from '../../../src/data/index.js';
import { SimpleHeaderConverter } from '../../../src/converters/simple-header-converter.js';
import { describe as describeValue, readGoldenJson, schemaAsJson, sorted, type ReadBack } from './golden-support.js';

interface HeaderGolden {
  writes: Array<{ name: string; bytes: string | null; text: string | null }>;
  reads: Array<{ text: string | null; readBack: ReadBack }>;
}

const golden = readGoldenJson<HeaderGolden>('converters/simple-header-converter.json');
const converter = new SimpleHeaderConverter();
converter.configure();

const headerStruct = SchemaBuilder.struct()
  .name('polyconnect.golden.Header')
  .field('a', INT32_SCHEMA)
  .field('b', OPTIONAL_STRING_SCHEMA)
  .field('c', SchemaBuilder.float64().optional().defaultValue(2.5).build())
  .build();

/** The inputs of OtherGoldens.simpleHeaderConverter(), by case name. */
const INPUTS: Record<string, [Schema | null, unknown]> = {
  string: [STRING_SCHEMA, 'hello "world"'],
  'string-empty': [STRING_SCHEMA, ''],
  int8: [INT8_SCHEMA, 5],
  int32: [INT32_SCHEMA, -42],
  int64: [INT64_SCHEMA, 9007199254740993n],
  float32: [FLOAT32_SCHEMA, 1.5],
  float64: [FLOAT64_SCHEMA, 0.1],
  'float64-big': [FLOAT64_SCHEMA, 1e10],
  boolean: [BOOLEAN_SCHEMA, false],
  bytes: [BYTES_SCHEMA, Buffer.from([1, 2, 3])],
  list: [SchemaBuilder.array(OPTIONAL_STRING_SCHEMA).build(), ['a', null, 'b,c']],
  'list-of-bytes': [SchemaBuilder.array(BYTES_SCHEMA).build(), [Buffer.from([1]), Buffer.from([2])]],
  map: [null, new Map<string, unknown>([['k', 'v'], ['n', 1], ['quote"d', ['a"b\\c', null, true]]])],
  struct: [headerStruct, new Struct(headerStruct).put('a', 1).put('b', 'x')],
  decimal: [DecimalSchema.schema(2), BigDecimal.parse('1.56')],
  date: [DateSchema.SCHEMA, new Date(Date.UTC(2024, 1, 29))],
  time: [TimeSchema.SCHEMA, new Date(49_530_123)],
  timestamp: [TimestampSchema.SCHEMA, new Date(1_709_214_330_123)],
  null: [OPTIONAL_STRING_SCHEMA, null],
};

describe('SimpleHeaderConverter writes header values as Kafka 4.1.2 does (golden)', () => {
  it.each(golden.writes)('$name → $text', ({ name, bytes }) => {
    const [schema, value] = INPUTS[name]!;
    const ours = converter.fromConnectHeader('t', 'h', schema, value);
    expect(ours === null ? null : ours.toString('base64')).toBe(bytes);
  });

  it('writes instants before one day after the epoch as a time of day, as Kafka does', () => {
    expect(converter.fromConnectHeader('t', 'h', DateSchema.SCHEMA, new Date(Date.UTC(1969, 6, 20)))?.toString()).toBe('00:00:00.000Z');
  });
});

/**
 * Texts where Kafka infers no element (key, value) schema and returns SchemaBuilder.arrayOfNull() or
 * mapOfNull(): the data model has no ARRAY/MAP schema without one, so Polyconnect returns the same
 * value with no schema (src/converters/header-values.ts).
 */
const NO_ELEMENT_SCHEMA = new Set(['[1,"a"]', '[]', '{}']);

describe('SimpleHeaderConverter parses header text as Kafka 4.1.2 does (golden)', () => {
  it.each(golden.reads)('parses $text', ({ text, readBack }) => {
    const ours = converter.toConnectHeader('t', 'h', text === null ? null : Buffer.from(text, 'utf8'));
    if (readBack.resultIsNull === true) {
      // Kafka returns no SchemaAndValue at all for "null"; Polyconnect a null schema and value.
      expect(ours).toEqual({ schema: null, value: null });
      return;
    }
    if (text !== null && NO_ELEMENT_SCHEMA.has(text)) expect(ours.schema).toBeNull();
    else expect(schemaAsJson(ours.schema)).toEqual(readBack.schema);
    expect(sorted(describeValue(ours.value, ours.schema))).toEqual(sorted(readBack.value));
  });

  it('widens numeric elements to their common schema and converts them to it, as Values.commonSchemaFor does', () => {
    const parsed = converter.toConnectHeader('t', 'h', Buffer.from('[1,300,2.5]', 'utf8'));
    expect(schemaAsJson(parsed.schema)).toEqual({ type: 'array', items: { type: 'float', optional: false }, optional: false });
    expect(parsed.value).toEqual([1, 300, 2.5]);
    // Quoted elements stay strings with their escapes (Values.parse does not unescape them).
    const quoted = converter.toConnectHeader('t', 'h', Buffer.from('{"k":["a","b\\"c"]}', 'utf8'));
    expect(schemaAsJson(quoted.schema)).toMatchObject({ type: 'map', values: { type: 'array', items: { type: 'string' } } });
    expect(quoted.value).toEqual(new Map([['k', ['a', 'b\\"c']]]));
  });
});
