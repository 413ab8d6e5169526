// HeaderFrom$Key / $Value (src/transforms/header-from.ts). Expectations from Kafka's HeaderFrom.java
// (headers appended after the record's own, with the field's schema or none; `move` rebuilds the
// struct schema with copySchemaBasics, so it is required; missing schemaless fields give null
// headers; Requirements' "[header move]"/"[header copy]" purposes; the fields/headers size check)
// and ConnectHeaders.checkSchemaMatches ("A null value requires an optional schema but was …").

import { describe, expect, it } from 'vitest';
import { INT32_SCHEMA, OPTIONAL_STRING_SCHEMA, SchemaBuilder, Struct } from '../../../src/data/index.js';
import { T, configured, sinkRecord } from './support.js';

const headerFrom = (config: Record<string, string>, part: 'Key' | 'Value' = 'Value') => configured(`${T}HeaderFrom$${part}`, config);

describe('HeaderFrom with a schema', () => {
  const schema = SchemaBuilder.struct().name('com.example.S').field('a', INT32_SCHEMA).field('b', OPTIONAL_STRING_SCHEMA).optional().build();
  const value = new Struct(schema).put('a', 1).put('b', 'bee');

  it('copies fields into headers after the existing ones, with their schemas, and keeps the value', () => {
    const input = sinkRecord({ valueSchema: schema, value });
    const out = headerFrom({ fields: 'a,b', headers: 'ha,hb', operation: 'copy' }).apply(input)!;
    expect(out.value).toBe(value);
    expect(out.valueSchema).toBe(schema);
    expect(out.headers).toEqual([...input.headers, { key: 'ha', schema: INT32_SCHEMA, value: 1 }, { key: 'hb', schema: OPTIONAL_STRING_SCHEMA, value: 'bee' }]);
  });

  it('moves fields: a required struct schema without them, basics kept', () => {
    const out = headerFrom({ fields: 'a', headers: 'ha', operation: 'move' }).apply(sinkRecord({ valueSchema: schema, value }))!;
    expect(out.valueSchema!.fields.map((field) => field.name)).toEqual(['b']);
    expect([out.valueSchema!.name, out.valueSchema!.optional]).toEqual(['com.example.S', false]);
    expect((out.value as Struct).get('b')).toBe('bee');
    expect(out.headers.at(-1)).toEqual({ key: 'ha', schema: INT32_SCHEMA, value: 1 });
  });

  it('refuses a null header value for a required schema', () => {
    const withDefault = SchemaBuilder.struct().field('r', SchemaBuilder.int32().defaultValue(3).build()).build();
    // Our Struct accepts null for a required field with a default (Kafka's rejects it at put).
    const nullR = new Struct(withDefault).put('r', null);
    expect(headerFrom({ fields: 'r', headers: 'hr', operation: 'copy' }).apply(sinkRecord({ valueSchema: withDefault, value: nullR }))!.headers.at(-1)!.value).toBe(3);
    expect(() => headerFrom({ fields: 'r', headers: 'hr', operation: 'copy', 'replace.null.with.default': 'false' }).apply(sinkRecord({ valueSchema: withDefault, value: nullR }))).toThrow(
      'A null value requires an optional schema but was Schema{INT32}',
    );
  });

  it('rejects tombstones and non-structs with the operation in the message', () => {
    expect(() => headerFrom({ fields: 'a', headers: 'h', operation: 'move' }).apply(sinkRecord({ valueSchema: schema, value: null }))).toThrow(
      'Only Struct objects supported for [header move], found: null',
    );
  });
});

describe('HeaderFrom without a schema', () => {
  it('moves map entries into schemaless headers (missing ones as null) and keeps the map kind', () => {
    const out = headerFrom({ fields: 'a,zz', headers: 'h1,h2', operation: 'move' }).apply(sinkRecord({ value: new Map<string, unknown>([['a', 1], ['b', 2]]) }))!;
    expect(out.value).toEqual(new Map([['b', 2]]));
    expect(out.headers.slice(1)).toEqual([{ key: 'h1', schema: null, value: 1 }, { key: 'h2', schema: null, value: null }]);
    const copied = headerFrom({ fields: 'a', headers: 'h', operation: 'copy' }).apply(sinkRecord({ value: { a: 1 } }))!;
    expect(copied.value).toEqual({ a: 1 });
  });

  it('rejects tombstones', () => {
    expect(() => headerFrom({ fields: 'a', headers: 'h', operation: 'copy' }).apply(sinkRecord({ value: null }))).toThrow(
      'Only Map objects supported in absence of schema for [header copy], found: null',
    );
  });

  it('works on keys with HeaderFrom$Key', () => {
    const out = headerFrom({ fields: 'id', headers: 'id', operation: 'move' }, 'Key').apply(sinkRecord({ key: { id: 5, x: 1 }, value: 'v' }))!;
    expect([out.key, out.value, out.headers.at(-1)]).toEqual([{ x: 1 }, 'v', { key: 'id', schema: null, value: 5 }]);
  });
});

describe('HeaderFrom config', () => {
  it('rejects mismatched lists, empty lists and unknown operations with Kafka’s messages', () => {
    expect(() => headerFrom({ fields: 'a,b', headers: 'h', operation: 'copy' })).toThrow("'fields' config must have the same number of elements as 'headers' config.");
    expect(() => headerFrom({ fields: '', headers: 'h', operation: 'copy' })).toThrow('Invalid value [] for configuration fields: Empty list');
    expect(() => headerFrom({ fields: 'a', headers: 'h', operation: 'rename' })).toThrow('Invalid value rename for configuration operation: String must be one of: move, copy');
  });
});
