// StringConverter and ByteArrayConverter. Expectations marked "golden" come from
// test/golden/converters/string-converter.json and byte-array-converter.json, written by Kafka
// 4.1.2's own StringConverter and ByteArrayConverter through
// tools/golden/src/main/java/polyconnect/golden/OtherGoldens.java.

import { describe, expect, it } from 'vitest';
import {
  BOOLEAN_SCHEMA,
  BYTES_SCHEMA,
  BigDecimal,
  ConfigException,
  DataException,
  DecimalSchema,
  FLOAT32_SCHEMA,
  FLOAT64_SCHEMA,
  INT32_SCHEMA,
  INT64_SCHEMA,
  OPTIONAL_BYTES_SCHEMA,
  OPTIONAL_STRING_SCHEMA,
  STRING_SCHEMA,
  SchemaBuilder,
  Struct,
  type Schema,
} from '../../../src/data/index.js';
import { ByteArrayConverter } from '../../../src/converters/byte-array-converter.js';
import { javaCharset } from '../../../src/converters/java-charsets.js';
import { StringConverter } from '../../../src/converters/string-converter.js';
import { describe as describeValue, readGoldenJson, schemaAsJson, type ReadBack } from './golden-support.js';

interface StringGolden {
  writes: Array<{ name: string; config: Record<string, string>; bytes: string | null; readBack: ReadBack }>;
  reads: Array<{ name: string; config: Record<string, string>; bytes: string | null; readBack: ReadBack }>;
  errors: Array<{ name: string; config: Record<string, string>; message: string }>;
}

const TEXT = 'h\u00e9llo \u20ac \ud83d\ude00';
const struct = SchemaBuilder.struct().field('a', INT32_SCHEMA).field('b', OPTIONAL_STRING_SCHEMA).build();

/** The inputs of OtherGoldens.stringConverter(), by case name. */
function stringInput(name: string): { schema: Schema; value: unknown } {
  if (name.startsWith('text-')) return { schema: STRING_SCHEMA, value: TEXT };
  const inputs: Record<string, { schema: Schema; value: unknown }> = {
    int32: { schema: INT32_SCHEMA, value: 42 },
    int64: { schema: INT64_SCHEMA, value: 9007199254740993n },
    float32: { schema: FLOAT32_SCHEMA, value: 1.5 },
    float64: { schema: FLOAT64_SCHEMA, value: 0.1 },
    'float64-big': { schema: FLOAT64_SCHEMA, value: 1e10 },
    boolean: { schema: BOOLEAN_SCHEMA, value: true },
    decimal: { schema: DecimalSchema.schema(2), value: BigDecimal.parse('1.50') },
    list: { schema: SchemaBuilder.array(INT32_SCHEMA).build(), value: [1, 2, 3] },
    map: { schema: SchemaBuilder.map(STRING_SCHEMA, INT32_SCHEMA).build(), value: new Map([['a', 1], ['b', 2]]) },
    struct: { schema: struct, value: new Struct(struct).put('a', 1) },
    null: { schema: OPTIONAL_STRING_SCHEMA, value: null },
  };
  return inputs[name]!;
}

function stringConverter(config: Record<string, string>): StringConverter {
  const converter = new StringConverter();
  converter.configure(config, false);
  return converter;
}

const fromBase64 = (bytes: string | null): Buffer | null => (bytes === null ? null : Buffer.from(bytes, 'base64'));

describe('StringConverter (golden: Kafka 4.1.2 StringConverter)', () => {
  const golden = readGoldenJson<StringGolden>('converters/string-converter.json');

  it.each(golden.writes)('writes $name as Kafka does and reads it back', ({ name, config, bytes, readBack }) => {
    const converter = stringConverter(config);
    const input = stringInput(name);
    const ours = converter.fromConnectData('t', input.schema, input.value);
    expect(ours === null ? null : ours.toString('base64')).toBe(bytes);
    const back = converter.toConnectData('t', ours);
    expect(schemaAsJson(back.schema)).toEqual(readBack.schema);
    expect(describeValue(back.value)).toEqual(readBack.value);
  });

  it.each(golden.reads)('reads $name as Kafka does', ({ config, bytes, readBack }) => {
    const back = stringConverter(config).toConnectData('t', fromBase64(bytes));
    expect(schemaAsJson(back.schema)).toEqual(readBack.schema);
    expect(describeValue(back.value)).toEqual(readBack.value);
  });

  it.each(golden.errors)('refuses $name with Kafka’s message', ({ config, message }) => {
    // Kafka throws SerializationException at configure(); Polyconnect a ConfigException with its text.
    expect(() => stringConverter(config)).toThrow(ConfigException);
    expect(() => stringConverter(config)).toThrow(message);
  });

  it('works as a header converter with converter.type=header', () => {
    const converter = new StringConverter();
    converter.configure({ 'converter.type': 'header' });
    expect(converter.fromConnectHeader('t', 'h', null, 7)?.toString()).toBe('7');
    expect(converter.toConnectHeader('t', 'h', Buffer.from('x'))).toEqual({ schema: OPTIONAL_STRING_SCHEMA, value: 'x' });
  });

  it('maps windows-1252’s 0x80–0x9F as Java does', () => {
    const cp1252 = javaCharset('Cp1252')!;
    expect(cp1252.decode(Buffer.from([0x80, 0x82, 0x8a, 0x9f, 0x81]))).toBe('\u20ac\u201a\u0160\u0178\ufffd');
    expect([...cp1252.encode('\u20ac\u2122\u0178')]).toEqual([0x80, 0x99, 0x9f]);
  });
});

describe('ByteArrayConverter (golden: Kafka 4.1.2 ByteArrayConverter)', () => {
  const golden = readGoldenJson<{ errors: Array<{ name: string; message: string }>; readNull: ReadBack; readBytes: ReadBack }>(
    'converters/byte-array-converter.json',
  );
  const converter = new ByteArrayConverter();
  converter.configure();
  const inputs: Record<string, [Schema | null, unknown]> = {
    'error-string-schema': [STRING_SCHEMA, Buffer.from([1])],
    'error-string-value': [null, 'text'],
    'error-int-value-with-bytes-schema': [OPTIONAL_BYTES_SCHEMA, 5],
  };

  it('passes bytes through unchanged', () => {
    const bytes = Buffer.from([0, 1, 0xff]);
    expect(converter.fromConnectData('t', BYTES_SCHEMA, bytes)).toBe(bytes);
    expect(converter.fromConnectData('t', null, new Uint8Array([5]))).toEqual(Buffer.from([5]));
    expect(converter.fromConnectData('t', null, null)).toBeNull();
  });

  it('reads bytes and null with the optional bytes schema', () => {
    for (const [bytes, readBack] of [[null, golden.readNull], [Buffer.from([0, 1, 0xff]), golden.readBytes]] as const) {
      const back = converter.toConnectData('t', bytes);
      expect(schemaAsJson(back.schema)).toEqual(readBack.schema);
      expect(describeValue(back.value)).toEqual(readBack.value);
    }
  });

  it.each(golden.errors)('refuses $name: $message', ({ name, message }) => {
    const [schema, value] = inputs[name]!;
    expect(() => converter.fromConnectData('t', schema, value)).toThrow(DataException);
    expect(() => converter.fromConnectData('t', schema, value)).toThrow(message);
  });
});
