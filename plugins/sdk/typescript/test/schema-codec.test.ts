// Schemas on the wire: every schema attribute survives the trip, defaults travel in the JSON value
// encoding, and the per-batch schema table sends each distinct schema once.

import { describe, expect, it } from 'vitest';
import { BigDecimal } from '../src/data/big-decimal.js';
import { DecimalSchema, TimestampSchema } from '../src/data/logical-types.js';
import type { SourceRecord } from '../src/data/records.js';
import { INT32_SCHEMA, INT64_SCHEMA, OPTIONAL_STRING_SCHEMA, STRING_SCHEMA, Schema } from '../src/data/schema.js';
import { SchemaBuilder } from '../src/data/schema-builder.js';
import { Struct } from '../src/data/struct.js';
import type { Schema__Output as ProtoSchemaOutput } from '../src/wire/generated/polyconnect/data/v1/Schema.js';
import { encodeSourceRecords } from '../src/wire/record-codec.js';
import { SchemaTable, decodeSchemaTable, fromProtoSchema, schemaAt, toProtoSchema } from '../src/wire/schema-codec.js';
import { serializedSourceBatch, sourceBatchOverWire } from './wire-support.js';

/** A schema sent in a one-record batch and decoded from the parsed protobuf message. */
function overWire(schema: Schema): Schema {
  const batch = sourceBatchOverWire(encodeSourceRecords([{ topic: 't', valueSchema: schema, value: null }]));
  expect(batch.schemas).toHaveLength(1);
  return fromProtoSchema(batch.schemas[0]!);
}

const address = SchemaBuilder.struct().name('com.example.Address').field('city', STRING_SCHEMA).build();
const user = SchemaBuilder.struct()
  .name('com.example.User')
  .version(3)
  .doc('A user')
  .parameter('connect.record.source', 'crm')
  .field('id', INT64_SCHEMA)
  .field('email', OPTIONAL_STRING_SCHEMA)
  .field('address', address)
  .field('scores', SchemaBuilder.array(SchemaBuilder.float64().optional().build()).build())
  .field('attributes', SchemaBuilder.map(STRING_SCHEMA, INT32_SCHEMA).optional().build())
  .field('balance', DecimalSchema.schema(2))
  .field('created', TimestampSchema.SCHEMA)
  .build();

describe('schema conversion', () => {
  it('keeps type, optionality, name, version, doc, parameters, fields and element schemas', () => {
    const decoded = overWire(user);
    expect(decoded.equals(user)).toBe(true);
    expect(decoded.name).toBe('com.example.User');
    expect(decoded.version).toBe(3);
    expect(decoded.doc).toBe('A user');
    expect(decoded.parameters).toEqual({ 'connect.record.source': 'crm' });
    expect(decoded.fields.map((field) => field.name)).toEqual(['id', 'email', 'address', 'scores', 'attributes', 'balance', 'created']);
    expect(decoded.field('balance')?.schema.parameters).toEqual({ scale: '2' });
    expect(decoded.field('attributes')?.schema.keySchema?.type).toBe('STRING');
    expect(decoded.field('scores')?.schema.valueSchema?.optional).toBe(true);
  });

  it('leaves absent attributes absent (no empty name, version 0 or empty parameters)', () => {
    const decoded = overWire(INT32_SCHEMA);
    expect(decoded.name).toBeUndefined();
    expect(decoded.version).toBeUndefined();
    expect(decoded.doc).toBeUndefined();
    expect(decoded.parameters).toBeUndefined();
    expect(decoded.hasDefault()).toBe(false);
  });

  it('writes the proto shape a plugin in another language reads', () => {
    expect(toProtoSchema(DecimalSchema.schema(2))).toEqual({
      type: 'SCHEMA_TYPE_BYTES',
      optional: false,
      name: 'org.apache.kafka.connect.data.Decimal',
      version: 1,
      parameters: { scale: '2' },
      fields: [],
    });
    expect(toProtoSchema(SchemaBuilder.int64().defaultValue(2n ** 60n).build()).defaultValue).toBe('"1152921504606846976"');
  });

  it('carries default values in the JSON value encoding', () => {
    const cases: Array<[Schema, unknown]> = [
      [SchemaBuilder.int64().defaultValue(2n ** 60n).build(), 2n ** 60n],
      [SchemaBuilder.string().defaultValue('').build(), ''],
      [SchemaBuilder.bool().optional().defaultValue(false).build(), false],
      [SchemaBuilder.bytes().defaultValue(Buffer.from([1, 2])).build(), Buffer.from([1, 2])],
      [DecimalSchema.builder(3).defaultValue(BigDecimal.parse('1.500')).build(), BigDecimal.parse('1.500')],
      [SchemaBuilder.map(STRING_SCHEMA, INT32_SCHEMA).defaultValue(new Map([['a', 1]])).build(), new Map([['a', 1]])],
      [SchemaBuilder.array(INT32_SCHEMA).defaultValue([1, 2]).build(), [1, 2]],
      [TimestampSchema.builder().defaultValue(new Date(86_400_000)).build(), new Date(86_400_000)],
    ];
    for (const [schema, defaultValue] of cases) {
      const decoded = overWire(schema);
      expect(decoded.hasDefault(), schema.toString()).toBe(true);
      expect(decoded.defaultValue).toEqual(defaultValue);
      expect(decoded.equals(schema)).toBe(true);
    }
  });

  it('carries a struct default and a struct field default', () => {
    const inner = SchemaBuilder.struct().field('n', INT32_SCHEMA).build();
    const schema = SchemaBuilder.struct()
      .field('inner', SchemaBuilder.struct().field('n', INT32_SCHEMA).defaultValue(new Struct(inner).put('n', 7)).build())
      .field('limit', SchemaBuilder.int32().defaultValue(10).build())
      .build();
    const decoded = overWire(schema);
    expect(decoded.equals(schema)).toBe(true);
    expect((decoded.field('inner')?.schema.defaultValue as Struct).get('n')).toBe(7);
    expect(decoded.field('limit')?.schema.defaultValue).toBe(10);
  });

  it('refuses a schema without a type', () => {
    const proto = { type: 'SCHEMA_TYPE_UNSPECIFIED', optional: false, parameters: {}, fields: [], keySchema: null, valueSchema: null } as ProtoSchemaOutput;
    expect(() => fromProtoSchema(proto)).toThrow('Schema without a type on the wire');
  });
});

describe('schema table', () => {
  it('gives 0 for no schema and 1-based references in order of first use', () => {
    const table = new SchemaTable();
    expect(table.refOf(null)).toBe(0);
    expect(table.refOf(undefined)).toBe(0);
    expect(table.refOf(STRING_SCHEMA)).toBe(1);
    expect(table.refOf(user)).toBe(2);
    expect(table.refOf(STRING_SCHEMA)).toBe(1);
    expect(table.schemas).toHaveLength(2);
  });

  it('sends equal schemas once even when they are different objects', () => {
    const table = new SchemaTable();
    const a = SchemaBuilder.struct().name('X').field('f', INT32_SCHEMA).build();
    const b = SchemaBuilder.struct().name('X').field('f', INT32_SCHEMA).build();
    expect(a).not.toBe(b);
    expect(table.refOf(a)).toBe(table.refOf(b));
    expect(table.schemas).toHaveLength(1);
  });

  it('keeps schemas that differ in anything apart', () => {
    const table = new SchemaTable();
    const refs = [
      STRING_SCHEMA,
      OPTIONAL_STRING_SCHEMA,
      SchemaBuilder.string().name('n').build(),
      SchemaBuilder.string().doc('d').build(),
      SchemaBuilder.string().defaultValue('x').build(),
      SchemaBuilder.string().parameter('p', 'v').build(),
    ].map((schema) => table.refOf(schema));
    expect(refs).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('a schema repeated across a batch travels once, for keys, values and headers alike', () => {
    const records: SourceRecord[] = Array.from({ length: 1000 }, (_, i) => ({
      topic: 'users',
      keySchema: INT64_SCHEMA,
      key: i,
      valueSchema: user,
      value: null,
      headers: [{ key: 'h', schema: INT64_SCHEMA, value: i }],
    }));
    const batch = encodeSourceRecords(records);
    expect(batch.schemas).toHaveLength(2);
    expect(batch.records?.every((r) => r.keySchemaRef === 1 && r.valueSchemaRef === 2 && r.headers?.[0]?.schemaRef === 1)).toBe(true);
    const bytes = serializedSourceBatch(batch).toString('latin1');
    expect(bytes.split('com.example.User').length - 1).toBe(1);
  });

  it('nested schemas travel inside their parent, not as table entries', () => {
    const table = new SchemaTable();
    table.refOf(user);
    expect(table.schemas).toHaveLength(1);
    expect(table.schemas[0]?.fields?.find((field) => field.name === 'address')?.schema?.name).toBe('com.example.Address');
  });
});

describe('schema table decoding', () => {
  it('resolves references and rejects ones outside the table', () => {
    const table = decodeSchemaTable(sourceBatchOverWire(encodeSourceRecords([{ topic: 't', valueSchema: user, value: null }])).schemas);
    expect(schemaAt(table, 0)).toBeNull();
    expect(schemaAt(table, 1)?.equals(user)).toBe(true);
    expect(() => schemaAt(table, 2)).toThrow('Schema reference 2 is outside the batch\'s schema table of 1');
  });

  it('gives equal schemas from successive batches one identity', () => {
    const first = decodeSchemaTable(sourceBatchOverWire(encodeSourceRecords([{ topic: 't', valueSchema: user, value: null }])).schemas);
    const second = decodeSchemaTable(sourceBatchOverWire(encodeSourceRecords([{ topic: 't', valueSchema: user, value: null }])).schemas);
    expect(first[0]).toBe(second[0]);
  });

  it('accepts a table that repeats a schema (decoders must not assume deduplication)', () => {
    const proto = sourceBatchOverWire(encodeSourceRecords([{ topic: 't', valueSchema: address, value: null }])).schemas[0]!;
    const table = decodeSchemaTable([proto, proto]);
    expect(table).toHaveLength(2);
    expect(table[1]?.equals(address)).toBe(true);
  });
});

describe('schemas built without the builder', () => {
  it('round-trips Schema built by the constructor as well as by the builder', () => {
    const schema = new Schema({ type: 'MAP', keySchema: INT32_SCHEMA, valueSchema: STRING_SCHEMA, optional: true });
    expect(overWire(schema).equals(schema)).toBe(true);
  });
});
