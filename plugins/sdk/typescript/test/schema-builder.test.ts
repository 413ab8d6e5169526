// SchemaBuilder and Struct: what a connector author builds values with, and the errors that tell
// them a value does not fit (Kafka's texts where Kafka has them).

import { describe, expect, it } from 'vitest';
import { BigDecimal } from '../src/data/big-decimal.js';
import { DataException } from '../src/data/errors.js';
import { DateSchema, DecimalSchema, TimeSchema, TimestampSchema } from '../src/data/logical-types.js';
import { INT32_SCHEMA, INT64_SCHEMA, INT8_SCHEMA, OPTIONAL_STRING_SCHEMA, STRING_SCHEMA, Schema, schemaEquals } from '../src/data/schema.js';
import { SchemaBuilder } from '../src/data/schema-builder.js';
import { Struct, validateValue } from '../src/data/struct.js';

describe('SchemaBuilder', () => {
  it('builds every attribute', () => {
    const schema = SchemaBuilder.struct()
      .name('com.example.User')
      .version(2)
      .doc('doc')
      .parameter('a', '1')
      .parameters({ b: '2' })
      .optional()
      .field('id', INT32_SCHEMA)
      .build();
    expect(schema).toMatchObject({ type: 'STRUCT', name: 'com.example.User', version: 2, doc: 'doc', optional: true, parameters: { a: '1', b: '2' } });
    expect(schema.field('id')).toMatchObject({ name: 'id', index: 0 });
    expect(schema.field('missing')).toBeUndefined();
    expect(SchemaBuilder.int32().optional().required().build().optional).toBe(false);
  });

  it('refuses fields on anything but a struct, empty and duplicate field names', () => {
    expect(() => SchemaBuilder.int32().field('x', INT32_SCHEMA)).toThrow('Cannot create fields on type INT32');
    expect(() => SchemaBuilder.struct().field('', INT32_SCHEMA)).toThrow('Field name may not be empty');
    expect(() => SchemaBuilder.struct().field('x', INT32_SCHEMA).field('x', STRING_SCHEMA)).toThrow('Cannot create field because of field name duplication x');
  });

  it('refuses a second different name, a second default and a fractional version', () => {
    expect(() => SchemaBuilder.string().name('a').name('b')).toThrow('Schema name has already been set to a');
    expect(SchemaBuilder.string().name('a').name('a').build().name).toBe('a');
    expect(() => SchemaBuilder.string().defaultValue('a').defaultValue('b')).toThrow('Default value has already been set');
    expect(() => SchemaBuilder.string().version(1.5)).toThrow('Schema version must be an integer, got 1.5');
  });

  it('checks the default value against the schema', () => {
    expect(() => SchemaBuilder.int32().defaultValue('x').build()).toThrow('Invalid default value: Invalid value of type string for schema with type INT32');
    expect(() => SchemaBuilder.int8().defaultValue(200).build()).toThrow(DataException);
    expect(SchemaBuilder.int64().defaultValue(2n ** 62n).build().defaultValue).toBe(2n ** 62n);
    expect(SchemaBuilder.string().defaultValue(null).build().hasDefault()).toBe(false);
  });

  it('needs element schemas for arrays and maps', () => {
    expect(() => new Schema({ type: 'ARRAY' })).toThrow('An ARRAY schema needs an element schema');
    expect(() => new Schema({ type: 'MAP', valueSchema: INT32_SCHEMA })).toThrow('A MAP schema needs a key schema and a value schema');
    expect(() => new Schema({ type: 'INT32', fields: [{ name: 'x', schema: INT32_SCHEMA }] })).toThrow('Cannot give fields to a INT32 schema');
  });

  it('compares schemas structurally', () => {
    const a = SchemaBuilder.map(STRING_SCHEMA, SchemaBuilder.array(INT32_SCHEMA).build()).build();
    const b = SchemaBuilder.map(STRING_SCHEMA, SchemaBuilder.array(INT32_SCHEMA).build()).build();
    expect(a.equals(b)).toBe(true);
    expect(a.equals(SchemaBuilder.map(STRING_SCHEMA, SchemaBuilder.array(INT64_SCHEMA).build()).build())).toBe(false);
    expect(SchemaBuilder.int32().defaultValue(1).build().equals(SchemaBuilder.int32().defaultValue(2).build())).toBe(false);
    expect(schemaEquals(null, undefined)).toBe(true);
    expect(schemaEquals(INT32_SCHEMA, null)).toBe(false);
  });

  it('builds the logical types as Kafka defines them', () => {
    expect(DecimalSchema.schema(4)).toMatchObject({ type: 'BYTES', name: 'org.apache.kafka.connect.data.Decimal', version: 1, parameters: { scale: '4' } });
    expect(DateSchema.SCHEMA).toMatchObject({ type: 'INT32', name: 'org.apache.kafka.connect.data.Date', version: 1 });
    expect(TimeSchema.SCHEMA).toMatchObject({ type: 'INT32', name: 'org.apache.kafka.connect.data.Time', version: 1 });
    expect(TimestampSchema.SCHEMA).toMatchObject({ type: 'INT64', name: 'org.apache.kafka.connect.data.Timestamp', version: 1 });
    expect(() => DecimalSchema.scaleOf(SchemaBuilder.bytes().name(DecimalSchema.LOGICAL_NAME).build())).toThrow('missing or invalid scale parameter');
  });
});

describe('Struct', () => {
  const schema = SchemaBuilder.struct()
    .name('Row')
    .field('id', INT32_SCHEMA)
    .field('small', SchemaBuilder.int8().optional().build())
    .field('name', OPTIONAL_STRING_SCHEMA)
    .field('limit', SchemaBuilder.int32().defaultValue(10).build())
    .field('tags', SchemaBuilder.array(STRING_SCHEMA).optional().build())
    .build();

  it('only accepts struct schemas', () => {
    expect(() => new Struct(INT32_SCHEMA)).toThrow('Not a struct schema: Schema{INT32}');
  });

  it('stores values and applies defaults on get only', () => {
    const struct = new Struct(schema).put('id', 1).put('name', 'x');
    expect(struct.get('id')).toBe(1);
    expect(struct.get('limit')).toBe(10);
    expect(struct.getWithoutDefault('limit')).toBeNull();
    expect(struct.get('small')).toBeNull();
    expect(String(struct)).toBe('Struct{id=1,name=x}');
  });

  it('rejects unknown field names', () => {
    expect(() => new Struct(schema).put('nope', 1)).toThrow('nope is not a valid field name');
    expect(() => new Struct(schema).get('nope')).toThrow('nope is not a valid field name');
  });

  it('rejects values of the wrong type, naming the field', () => {
    expect(() => new Struct(schema).put('id', 'one')).toThrow('Invalid value of type string for schema with type INT32 for field: "id"');
    expect(() => new Struct(schema).put('id', 1.5)).toThrow(DataException);
    expect(() => new Struct(schema).put('tags', ['a', 1])).toThrow('for field: "tags"');
  });

  it('rejects integers outside their type range', () => {
    expect(() => new Struct(schema).put('small', 128)).toThrow('Invalid value of type number for schema with type INT8 for field: "small"');
    expect(() => new Struct(schema).put('small', -128)).not.toThrow();
    expect(() => validateValue(INT64_SCHEMA, 2n ** 63n)).toThrow(DataException);
    expect(() => validateValue(INT64_SCHEMA, 2 ** 60)).toThrow(DataException);
    expect(() => validateValue(INT64_SCHEMA, -(2n ** 63n))).not.toThrow();
  });

  it('rejects null for a required field without default', () => {
    expect(() => new Struct(schema).put('id', null)).toThrow('Invalid value: null used for required field: "id", schema type: INT32');
    expect(() => new Struct(schema).put('limit', null)).not.toThrow();
  });

  it('validate() finds required fields never set', () => {
    expect(() => new Struct(schema).validate()).toThrow('null used for required field: "id"');
    expect(() => new Struct(schema).put('id', 1).validate()).not.toThrow();
  });

  it('rejects a nested struct of another schema', () => {
    const outer = SchemaBuilder.struct().field('inner', schema).build();
    const other = SchemaBuilder.struct().name('Other').field('id', INT32_SCHEMA).build();
    expect(() => new Struct(outer).put('inner', new Struct(other).put('id', 1))).toThrow('Struct schemas do not match for field: "inner"');
  });

  it('checks logical values by their schema name', () => {
    expect(() => validateValue(DecimalSchema.schema(2), 1.5)).toThrow('(org.apache.kafka.connect.data.Decimal)');
    expect(() => validateValue(DecimalSchema.schema(2), BigDecimal.parse('1.5'))).not.toThrow();
    expect(() => validateValue(TimestampSchema.SCHEMA, 5)).toThrow(DataException);
    expect(() => validateValue(DateSchema.SCHEMA, new Date(0))).not.toThrow();
  });

  it('accepts Maps and plain objects for MAP schemas and checks their keys and values', () => {
    const map = SchemaBuilder.map(STRING_SCHEMA, INT8_SCHEMA).build();
    expect(() => validateValue(map, new Map([['a', 1]]))).not.toThrow();
    expect(() => validateValue(map, { a: 1 })).not.toThrow();
    expect(() => validateValue(map, new Map([[1, 1]]))).toThrow(DataException);
    expect(() => validateValue(map, { a: 1000 })).toThrow(DataException);
    expect(() => validateValue(map, [1])).toThrow(DataException);
  });

  it('compares structs by schema and values', () => {
    const a = new Struct(schema).put('id', 1).put('tags', ['x']);
    expect(a.equals(new Struct(schema).put('id', 1).put('tags', ['x']))).toBe(true);
    expect(a.equals(new Struct(schema).put('id', 2).put('tags', ['x']))).toBe(false);
    expect(a.equals('Struct{id=1}')).toBe(false);
  });
});

describe('BigDecimal', () => {
  it('parses and prints as Java does', () => {
    expect(BigDecimal.parse('1.50').toString()).toBe('1.50');
    expect(BigDecimal.parse('1E+3').toString()).toBe('1E+3');
    expect(BigDecimal.parse('1E+3').toPlainString()).toBe('1000');
    expect(BigDecimal.parse('-0.0000001').toString()).toBe('-1E-7');
    expect(() => BigDecimal.parse('1.2.3')).toThrow('Not a decimal number: "1.2.3"');
  });

  it('converts to and from two\'s-complement unscaled bytes', () => {
    expect([...new BigDecimal(-1n, 0).unscaledBytes()]).toEqual([0xff]);
    expect([...new BigDecimal(128n, 2).unscaledBytes()]).toEqual([0x00, 0x80]);
    expect(BigDecimal.fromUnscaledBytes(Uint8Array.of(0xff, 0x7f), 1).equals(new BigDecimal(-129n, 1))).toBe(true);
  });
});
