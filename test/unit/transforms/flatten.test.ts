// Flatten$Key / Flatten$Value (src/transforms/flatten.ts). Expectations from Kafka's Flatten.java:
// buildUpdatedSchema (names joined with the delimiter; a field is optional when it or an ancestor
// is; its default comes from the field or else the ancestor struct's default; MAP fields fail),
// convertFieldSchema (copySchemaBasics: name/version/doc/parameters kept), the top-level schema
// from copySchemaBasics (required), buildWithSchema (Struct.get, so defaults stand in for nulls)
// and applySchemaless (nested maps joined, arrays and primitives copied, nulls kept). The
// parent-default case mirrors Kafka's FlattenTest.testOptionalAndDefaultValuesNested, which the
// golden files cannot carry (JsonConverter cannot read struct defaults).

import { describe, expect, it } from 'vitest';
import { BigDecimal, INT32_SCHEMA, OPTIONAL_STRING_SCHEMA, STRING_SCHEMA, SchemaBuilder, Struct } from '../../../src/data/index.js';
import { T, configured, sinkRecord } from './support.js';

const flattenValue = (config: Record<string, string> = {}) => configured(`${T}Flatten$Value`, config);

describe('Flatten with a schema', () => {
  const inner = SchemaBuilder.struct().name('com.example.Inner').field('x', INT32_SCHEMA).field('y', SchemaBuilder.string().doc('y doc').build()).build();
  const outer = SchemaBuilder.struct().name('com.example.Outer').version(4).field('id', INT32_SCHEMA).field('inner', inner).field('opt', SchemaBuilder.struct().field('z', INT32_SCHEMA).optional().build()).optional().build();

  it('joins nested field names, keeps the basics of every schema, and makes the result required', () => {
    const value = new Struct(outer).put('id', 1).put('inner', new Struct(inner).put('x', 2).put('y', 'why'));
    const out = flattenValue().apply(sinkRecord({ valueSchema: outer, value }))!;
    const schema = out.valueSchema!;
    expect([schema.name, schema.version, schema.optional]).toEqual(['com.example.Outer', 4, false]);
    expect(schema.fields.map((field) => [field.name, field.schema.optional])).toEqual([
      ['id', true],
      ['inner.x', true],
      ['inner.y', true],
      ['opt.z', true],
    ]);
    expect(schema.field('inner.y')!.schema.doc).toBe('y doc');
    const flat = out.value as Struct;
    expect([flat.get('id'), flat.get('inner.x'), flat.get('inner.y'), flat.get('opt.z')]).toEqual([1, 2, 'why', null]);
  });

  it('takes a flattened field’s default from its own schema or, failing that, from the ancestor struct’s default', () => {
    const child = SchemaBuilder.struct().field('a', INT32_SCHEMA).field('b', OPTIONAL_STRING_SCHEMA).build();
    const childWithDefault = SchemaBuilder.struct().field('a', INT32_SCHEMA).field('b', OPTIONAL_STRING_SCHEMA).defaultValue(new Struct(child).put('a', 5).put('b', 'pb')).build();
    const parent = SchemaBuilder.struct().field('p', childWithDefault).build();
    const value = new Struct(parent).put('p', new Struct(childWithDefault).put('a', 1));
    const out = flattenValue({ delimiter: '_' }).apply(sinkRecord({ valueSchema: parent, value }))!;
    expect(out.valueSchema!.field('p_a')!.schema.defaultValue).toBe(5);
    expect(out.valueSchema!.field('p_b')!.schema.defaultValue).toBe('pb');
    expect(out.valueSchema!.field('p_a')!.schema.optional).toBe(false);
    expect((out.value as Struct).get('p_a')).toBe(1);
    // b is null in the value: Struct.get gives the default the flattened field now carries.
    expect((out.value as Struct).get('p_b')).toBe('pb');
  });

  it('copies arrays as they are and fails on map fields', () => {
    const withArray = SchemaBuilder.struct().field('list', SchemaBuilder.array(STRING_SCHEMA).build()).build();
    const out = flattenValue().apply(sinkRecord({ valueSchema: withArray, value: new Struct(withArray).put('list', ['a', 'b']) }))!;
    expect((out.value as Struct).get('list')).toEqual(['a', 'b']);
    const withMap = SchemaBuilder.struct().field('m', SchemaBuilder.map(STRING_SCHEMA, STRING_SCHEMA).build()).build();
    expect(() => flattenValue().apply(sinkRecord({ valueSchema: withMap, value: new Struct(withMap).put('m', new Map()) }))).toThrow(
      'Flatten transformation does not support MAP for record with schemas (for field m).',
    );
  });

  it('fails when two fields flatten to one name', () => {
    const clash = SchemaBuilder.struct().field('a', SchemaBuilder.struct().field('b', INT32_SCHEMA).build()).field('a.b', INT32_SCHEMA).build();
    expect(() => flattenValue().apply(sinkRecord({ valueSchema: clash, value: new Struct(clash) }))).toThrow('Cannot create field because of field name duplication a.b');
  });

  it('reuses the flattened schema for the same input schema', () => {
    const transform = flattenValue();
    const value = new Struct(outer).put('id', 1).put('inner', new Struct(inner).put('x', 2).put('y', ''));
    expect(transform.apply(sinkRecord({ valueSchema: outer, value }))!.valueSchema).toBe(transform.apply(sinkRecord({ valueSchema: outer, value }))!.valueSchema);
  });
});

describe('Flatten without a schema', () => {
  it('joins nested map keys, keeps nulls, arrays and primitives, and keeps the map kind', () => {
    const value = new Map<string, unknown>([
      ['a', new Map<string, unknown>([['b', 1], ['c', null]])],
      ['list', [new Map([['x', 1]])]],
      ['s', 's'],
    ]);
    expect(flattenValue({ delimiter: '#' }).apply(sinkRecord({ value }))!.value).toEqual(
      new Map<string, unknown>([['a#b', 1], ['a#c', null], ['list', [new Map([['x', 1]])]], ['s', 's']]),
    );
    expect(flattenValue().apply(sinkRecord({ value: { a: { b: { c: true } }, d: Buffer.from('x') } }))!.value).toEqual({ 'a.b.c': true, d: Buffer.from('x') });
  });

  it('rejects values Connect has no schemaless type for, and structs', () => {
    expect(() => flattenValue().apply(sinkRecord({ value: { when: new Date(0) } }))).toThrow(
      "Flatten transformation was passed a value of type class java.util.Date which is not supported by Connect's data API",
    );
    expect(() => flattenValue().apply(sinkRecord({ value: { n: new BigDecimal(1n, 0) } }))).toThrow('value of type class java.math.BigDecimal');
    const struct = new Struct(SchemaBuilder.struct().field('a', INT32_SCHEMA).build()).put('a', 1);
    expect(() => flattenValue().apply(sinkRecord({ value: { s: struct } }))).toThrow(
      'Flatten transformation does not support class org.apache.kafka.connect.data.Struct for record without schemas (for field s).',
    );
    expect(() => flattenValue().apply(sinkRecord({ value: 'text' }))).toThrow('Only Map objects supported in absence of schema for [flattening], found: java.lang.String');
  });

  it('passes tombstones through and flattens keys with Flatten$Key', () => {
    const tombstone = sinkRecord();
    expect(flattenValue().apply(tombstone)).toBe(tombstone);
    const out = configured(`${T}Flatten$Key`).apply(sinkRecord({ key: { a: { b: 1 } }, value: 'v' }))!;
    expect([out.key, out.value]).toEqual([{ 'a.b': 1 }, 'v']);
  });
});
