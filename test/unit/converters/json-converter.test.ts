// JsonConverter behaviour beyond the golden cases: the converter and header-converter contracts,
// settings, JavaScript-side value forms (plain objects, bigint, Buffer slices) and the schema
// caches. Expected bytes are derived from Kafka's documented format (docs in
// /work/shared/reference/kafka-connect-runtime.md §1.2) and the golden files' conventions.

import { describe, expect, it } from 'vitest';
import {
  ConfigException,
  DataException,
  DecimalSchema,
  INT64_SCHEMA,
  OPTIONAL_STRING_SCHEMA,
  STRING_SCHEMA,
  SchemaBuilder,
  Struct,
  BigDecimal,
} from '../../../src/data/index.js';
import { JsonConverter } from '../../../src/converters/json-converter.js';

function json(config: Record<string, string> = {}, isKey = false): JsonConverter {
  const converter = new JsonConverter();
  converter.configure(config, isKey);
  return converter;
}

const text = (bytes: Buffer | null): string | null => (bytes === null ? null : bytes.toString('utf8'));

describe('JsonConverter', () => {
  it('needs configure() before use', () => {
    expect(() => new JsonConverter().fromConnectData('t', STRING_SCHEMA, 'x')).toThrow(DataException);
  });

  it('is a HeaderConverter that converts header values exactly like record values', () => {
    const converter = new JsonConverter();
    converter.configure({ 'converter.type': 'header', 'schemas.enable': 'false' });
    const bytes = converter.fromConnectHeader('t', 'h', STRING_SCHEMA, 'v');
    expect(text(bytes)).toBe('"v"');
    expect(converter.toConnectHeader('t', 'h', bytes)).toEqual({ schema: null, value: 'v' });
  });

  it('reads null bytes as a null schema and value, and writes a null schema and value as a tombstone', () => {
    expect(json().toConnectData('t', null)).toEqual({ schema: null, value: null });
    expect(json().fromConnectData('t', null, null)).toBeNull();
    expect(text(json().fromConnectData('t', OPTIONAL_STRING_SCHEMA, null))).toBe('{"schema":{"type":"string","optional":true},"payload":null}');
  });

  it('accepts decimal.format in any case', () => {
    expect(text(json({ 'decimal.format': 'numeric', 'schemas.enable': 'false' }).fromConnectData('t', DecimalSchema.schema(2), BigDecimal.parse('1.50')))).toBe('1.50');
  });

  it('writes NUMERIC decimals without checking the scale, as Kafka does', () => {
    const converter = json({ 'decimal.format': 'NUMERIC', 'schemas.enable': 'false' });
    expect(text(converter.fromConnectData('t', DecimalSchema.schema(2), BigDecimal.parse('1.5')))).toBe('1.5');
  });

  it('takes plain objects as string-keyed maps and bigint or number for INT64', () => {
    const converter = json({ 'schemas.enable': 'false' });
    expect(text(converter.fromConnectData('t', null, { b: 1, a: [2n ** 60n] }))).toBe('{"b":1,"a":[1152921504606846976]}');
    expect(text(converter.fromConnectData('t', INT64_SCHEMA, 2 ** 60))).toBe('1152921504606846976');
    expect(() => converter.fromConnectData('t', INT64_SCHEMA, 2 ** 63)).toThrow('Invalid type for INT64: class java.lang.Long');
    expect(converter.toConnectData('t', Buffer.from('[9007199254740993, 9007199254740991]')).value).toEqual([9007199254740993n, 9007199254740991]);
  });

  it('reads a Buffer that is a slice of a larger one', () => {
    const backing = Buffer.from('xx{"a":1}yy');
    expect(json({ 'schemas.enable': 'false' }).toConnectData('t', backing.subarray(2, 9)).value).toEqual(new Map([['a', 1]]));
  });

  it('uses field defaults on read unless replace.null.with.default=false', () => {
    const schema = SchemaBuilder.struct().field('n', SchemaBuilder.int32().optional().defaultValue(7).build()).build();
    const bytes = Buffer.from('{"schema":{"type":"struct","fields":[{"type":"int32","optional":true,"default":7,"field":"n"}],"optional":false},"payload":{"n":null}}');
    expect((json().toConnectData('t', bytes).value as Struct).getWithoutDefault('n')).toBe(7);
    expect((json({ 'replace.null.with.default': 'false' }).toConnectData('t', bytes).value as Struct).getWithoutDefault('n')).toBeNull();
    expect(json().toConnectData('t', bytes).schema?.equals(schema)).toBe(true);
  });

  it('remembers schemas in both directions, and works with the caches turned off', () => {
    const schema = SchemaBuilder.struct().name('S').field('a', STRING_SCHEMA).build();
    const converter = json();
    expect(converter.asJsonSchema(schema)).toBe(converter.asJsonSchema(schema));
    const bytes = converter.fromConnectData('t', schema, new Struct(schema).put('a', 'x'));
    expect(converter.toConnectData('t', bytes).schema).toBe(converter.toConnectData('t', bytes).schema);
    const uncached = json({ 'schemas.cache.size': '0' });
    expect(text(uncached.fromConnectData('t', schema, new Struct(schema).put('a', 'x')))).toBe(text(bytes));
    expect(uncached.toConnectData('t', bytes).schema?.equals(schema)).toBe(true);
  });

  it('describes its settings as Kafka’s JsonConverterConfig does', () => {
    const keys = new JsonConverter().config().keys();
    expect(keys.map((key) => [key.name, key.defaultValue])).toEqual([
      ['converter.type', expect.anything()],
      ['schemas.enable', true],
      ['schemas.cache.size', 1000],
      ['decimal.format', 'BASE64'],
      ['replace.null.with.default', true],
    ]);
    expect(keys[0]?.required).toBe(true);
  });

  it('rejects settings with Kafka’s messages', () => {
    expect(() => json({ 'schemas.cache.size': '1.5' })).toThrow(ConfigException);
    expect(() => json({ 'decimal.format': 'x' })).toThrow('Invalid value x for configuration decimal.format: String must be one of (case insensitive): NUMERIC, BASE64');
  });
});
