// ExtractField$Key / $Value and KIP-821 field paths (src/transforms/extract-field.ts,
// single-field-path.ts). Expectations from Kafka's ExtractField.java (the field's schema becomes
// the record schema; "Unknown field: …" as IllegalArgumentException, even for a null value;
// requireMapOrNull/requireStructOrNull), SingleFieldPath (V2 steps: dots, backticks, \` escapes, a
// trailing dot adds an empty step; nested access through get(), so defaults of parents apply) and
// FieldSyntaxVersion (case-insensitive V1/V2). golden.test.ts runs the same paths against Kafka.

import { describe, expect, it } from 'vitest';
import { INT32_SCHEMA, OPTIONAL_INT32_SCHEMA, SchemaBuilder, Struct } from '../../../src/data/index.js';
import { SingleFieldPath } from '../../../src/transforms/single-field-path.js';
import { T, configured, sinkRecord } from './support.js';

const extract = (field: string, extra: Record<string, string> = {}) => configured(`${T}ExtractField$Value`, { field, ...extra });

describe('field paths (SingleFieldPath)', () => {
  it('takes V1 paths literally and splits V2 paths on dots outside backticks', () => {
    expect(new SingleFieldPath('a.b', 'V1').steps).toEqual(['a.b']);
    expect(new SingleFieldPath('a.b.c', 'V2').steps).toEqual(['a', 'b', 'c']);
    expect(new SingleFieldPath('`a.b`.c', 'V2').steps).toEqual(['a.b', 'c']);
    expect(new SingleFieldPath('a.`b.c`', 'V2').steps).toEqual(['a', 'b.c']);
    expect(new SingleFieldPath('`a\\`.b`.c', 'V2').steps).toEqual(['a`.b', 'c']);
    expect(new SingleFieldPath('`a`b`.c', 'V2').steps).toEqual(['a`b', 'c']);
    expect(new SingleFieldPath('a.', 'V2').steps).toEqual(['a', '']);
    expect(new SingleFieldPath('a..b', 'V2').steps).toEqual(['a', '', 'b']);
  });

  it('rejects an unclosed backtick with Kafka’s message', () => {
    expect(() => new SingleFieldPath('a.`b', 'V2')).toThrow('Incomplete backtick pair in path: [a.`b], consider adding a backslash before backtick at position 2 to escape it');
    expect(() => new SingleFieldPath('`a\\`', 'V2')).toThrow('Incomplete backtick pair in path: [`a\\`]');
  });
});

describe('ExtractField with a schema', () => {
  const inner = SchemaBuilder.struct().field('n', SchemaBuilder.int32().optional().defaultValue(9).build()).optional().build();
  const schema = SchemaBuilder.struct().field('id', INT32_SCHEMA).field('inner', inner).build();
  const value = new Struct(schema).put('id', 4).put('inner', new Struct(inner));

  it('replaces the value by the field, with the field’s schema; other parts are kept', () => {
    const input = sinkRecord({ valueSchema: schema, value });
    expect(extract('id').apply(input)).toEqual({ ...input, valueSchema: INT32_SCHEMA, value: 4 });
  });

  it('follows V2 paths, applying the last field’s default unless replace.null.with.default=false', () => {
    expect(extract('inner.n', { 'field.syntax.version': 'v2' }).apply(sinkRecord({ valueSchema: schema, value }))!.value).toBe(9);
    expect(extract('inner.n', { 'field.syntax.version': 'V2', 'replace.null.with.default': 'false' }).apply(sinkRecord({ valueSchema: schema, value }))!.value).toBeNull();
    const noInner = new Struct(schema).put('id', 1);
    const out = extract('inner.n', { 'field.syntax.version': 'V2' }).apply(sinkRecord({ valueSchema: schema, value: noInner }))!;
    expect([out.value, out.valueSchema]).toEqual([null, inner.field('n')!.schema]);
  });

  it('fails for a field the schema does not have, even for a null value (IllegalArgumentException → TypeError)', () => {
    const optional = SchemaBuilder.struct().field('a', OPTIONAL_INT32_SCHEMA).optional().build();
    expect(() => extract('b').apply(sinkRecord({ valueSchema: optional, value: null }))).toThrow(new TypeError('Unknown field: b'));
    expect(extract('a').apply(sinkRecord({ valueSchema: optional, value: null }))!.valueSchema).toBe(OPTIONAL_INT32_SCHEMA);
  });

  it('needs a Struct', () => {
    expect(() => extract('a').apply(sinkRecord({ valueSchema: INT32_SCHEMA, value: 5 }))).toThrow('Only Struct objects supported for [field extraction], found: java.lang.Long');
  });
});

describe('ExtractField without a schema', () => {
  it('takes the map entry (null when absent) from a Map or a plain object', () => {
    expect(extract('a').apply(sinkRecord({ value: new Map([['a', 1]]) }))!.value).toBe(1);
    expect(extract('a').apply(sinkRecord({ value: { b: 1 } }))!.value).toBeNull();
    expect(extract('a.b', { 'field.syntax.version': 'V2' }).apply(sinkRecord({ value: { a: { b: 'deep' } } }))!.value).toBe('deep');
  });

  it('passes null through and rejects non-maps', () => {
    expect(extract('a').apply(sinkRecord({ value: null }))!.value).toBeNull();
    expect(() => extract('a').apply(sinkRecord({ value: [1] }))).toThrow('Only Map objects supported in absence of schema for [field extraction], found: java.util.ArrayList');
    expect(() => extract('a.b', { 'field.syntax.version': 'V2' }).apply(sinkRecord({ value: { a: 'x' } }))).toThrow(
      'Only Map objects supported in absence of schema for [nested field access], found: java.lang.String',
    );
  });

  it('works on keys with ExtractField$Key', () => {
    const out = configured(`${T}ExtractField$Key`, { field: 'id' }).apply(sinkRecord({ key: { id: 7 }, value: 'v' }))!;
    expect([out.key, out.keySchema, out.value]).toEqual([7, null, 'v']);
  });
});

describe('ExtractField config', () => {
  it('requires a field and a known syntax version', () => {
    expect(() => configured(`${T}ExtractField$Value`, {})).toThrow('Missing required configuration "field" which has no default value.');
    expect(() => extract('a', { 'field.syntax.version': 'V3' })).toThrow(
      'Invalid value V3 for configuration field.syntax.version: String must be one of (case insensitive): V1, V2',
    );
  });
});
