// Schemas on the wire: conversion between Schema and polyconnect.data.v1.Schema, the per-batch
// schema table that makes each distinct schema travel once, and a decode cache that gives equal
// schemas from successive batches one identity (so converters' schema caches keep hitting).

import { Schema, type SchemaType } from '../data/schema.js';
import type { Schema as ProtoSchema, Schema__Output as ProtoSchemaOutput } from './generated/polyconnect/data/v1/Schema.js';
import { decodeValue, encodeValue } from './value-codec.js';

export function toProtoSchema(schema: Schema): ProtoSchema {
  const proto: ProtoSchema = {
    type: `SCHEMA_TYPE_${schema.type}`,
    optional: schema.optional,
    parameters: schema.parameters ?? {},
    fields: schema.fields.map((field) => ({ name: field.name, schema: toProtoSchema(field.schema) })),
  };
  if (schema.name !== undefined) proto.name = schema.name;
  if (schema.version !== undefined) proto.version = schema.version;
  if (schema.doc !== undefined) proto.doc = schema.doc;
  if (schema.defaultValue !== undefined) proto.defaultValue = encodeValue(schema, schema.defaultValue);
  if (schema.keySchema !== undefined) proto.keySchema = toProtoSchema(schema.keySchema);
  if (schema.valueSchema !== undefined) proto.valueSchema = toProtoSchema(schema.valueSchema);
  return proto;
}

export function fromProtoSchema(proto: ProtoSchemaOutput): Schema {
  const type = proto.type.replace(/^SCHEMA_TYPE_/, '') as SchemaType;
  if (type === ('UNSPECIFIED' as SchemaType)) throw new Error('Schema without a type on the wire');
  const withoutDefault = new Schema({
    type,
    optional: proto.optional,
    name: proto.name,
    version: proto.version,
    doc: proto.doc,
    parameters: Object.keys(proto.parameters).length > 0 ? proto.parameters : undefined,
    fields: proto.fields.map((field) => ({ name: field.name, schema: fromProtoSchema(field.schema!) })),
    keySchema: proto.keySchema ? fromProtoSchema(proto.keySchema) : undefined,
    valueSchema: proto.valueSchema ? fromProtoSchema(proto.valueSchema) : undefined,
  });
  if (proto.defaultValue === undefined || proto.defaultValue === '') return withoutDefault;
  return new Schema({ ...withoutDefault, fields: withoutDefault.fields, defaultValue: decodeValue(withoutDefault, proto.defaultValue) });
}

/** Collects the distinct schemas of a batch; refOf gives the 1-based reference, 0 for no schema. */
export class SchemaTable {
  readonly schemas: ProtoSchema[] = [];
  readonly #refsByIdentity = new Map<Schema, number>();
  readonly #refsByFingerprint = new Map<string, number>();

  refOf(schema: Schema | null | undefined): number {
    if (schema === null || schema === undefined) return 0;
    const known = this.#refsByIdentity.get(schema);
    if (known !== undefined) return known;
    const proto = toProtoSchema(schema);
    const fingerprint = JSON.stringify(proto);
    let ref = this.#refsByFingerprint.get(fingerprint);
    if (ref === undefined) {
      this.schemas.push(proto);
      ref = this.schemas.length;
      this.#refsByFingerprint.set(fingerprint, ref);
    }
    this.#refsByIdentity.set(schema, ref);
    return ref;
  }
}

const DECODE_CACHE_LIMIT = 512;
const decodedSchemas = new Map<string, Schema>();

/** Decodes a batch's schema table; equal schemas across batches come back as the same object. */
export function decodeSchemaTable(protos: readonly ProtoSchemaOutput[]): Schema[] {
  return protos.map((proto) => {
    const fingerprint = JSON.stringify(proto);
    let schema = decodedSchemas.get(fingerprint);
    if (schema === undefined) {
      schema = fromProtoSchema(proto);
      if (decodedSchemas.size >= DECODE_CACHE_LIMIT) decodedSchemas.delete(decodedSchemas.keys().next().value!);
      decodedSchemas.set(fingerprint, schema);
    }
    return schema;
  });
}

/** The schema a 1-based reference points at (0 is "no schema"). */
export function schemaAt(table: readonly Schema[], ref: number): Schema | null {
  if (ref === 0) return null;
  const schema = table[ref - 1];
  if (schema === undefined) throw new Error(`Schema reference ${ref} is outside the batch's schema table of ${table.length}`);
  return schema;
}
