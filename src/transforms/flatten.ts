// Flatten (org.apache.kafka.connect.transforms.Flatten$Key / $Value): nested structs (with a
// schema) or nested maps (schemaless) become one level, each field named by joining the names on
// its path with `delimiter` (default "."). Arrays and primitives are copied as they are; with a
// schema, MAP fields are not supported. Null keys/values pass through.
//
// The flattened struct schema copies the original's name, version, doc and parameters but is
// required (Kafka's copySchemaBasics); a flattened field is optional when it or any ancestor is,
// and takes its default from the field or, failing that, from the ancestor struct's default.

import { ConfigDef, DataException, type Schema, SchemaBuilder, Struct } from '../data/index.js';
import { javaClass } from './java-values.js';
import { transformClassName, type RecordPart } from './record-part.js';
import { mapEntriesOf, mapOf, requireSchemalessMap, type SchemalessMap } from './schemaless-map.js';
import { SchemaCache, copySchemaBasics, requireStructOrNull, schemalessType } from './smt-support.js';
import type { ConnectRecord, Transformation } from './transformation.js';

const DELIMITER_CONFIG = 'delimiter';
const PURPOSE = 'flattening';

const CONFIG_DEF = new ConfigDef().define({
  name: DELIMITER_CONFIG,
  type: 'STRING',
  defaultValue: '.',
  importance: 'MEDIUM',
  documentation: 'Delimiter to insert between field names from the input record when generating field names for the output record',
});

/** Schema types copied as they are (Kafka's primitive cases plus ARRAY). */
const COPIED_TYPES: ReadonlySet<string> = new Set(['INT8', 'INT16', 'INT32', 'INT64', 'FLOAT32', 'FLOAT64', 'BOOLEAN', 'STRING', 'BYTES', 'ARRAY']);

export class Flatten implements Transformation {
  static readonly CONFIG_DEF = CONFIG_DEF;

  readonly #part: RecordPart;
  #delimiter = '.';
  #schemas = new SchemaCache();

  constructor(part: RecordPart) {
    this.#part = part;
  }

  static className(part: RecordPart): string {
    return transformClassName('Flatten', part);
  }

  configure(config: Readonly<Record<string, string>>): void {
    // As in Kafka, the STRING value is trimmed: a blank delimiter joins names directly.
    this.#delimiter = CONFIG_DEF.parse(config)[DELIMITER_CONFIG] as string;
    this.#schemas = new SchemaCache();
  }

  apply<R extends ConnectRecord>(record: R): R {
    const value = this.#part.value(record);
    if (value === null || value === undefined) return record;
    const schema = this.#part.schema(record);
    if (schema === null) {
      const map = requireSchemalessMap(value, PURPOSE);
      const flattened = new Map<string, unknown>();
      this.#flattenMap(map, '', flattened);
      return this.#part.with(record, null, mapOf(map, flattened));
    }
    const struct = requireStructOrNull(value, PURPOSE);
    const updatedSchema = this.#flattenedSchema(schema);
    if (struct === null) return this.#part.with(record, updatedSchema, null);
    const updated = new Struct(updatedSchema);
    this.#flattenStruct(struct, '', updated);
    return this.#part.with(record, updatedSchema, updated);
  }

  config(): ConfigDef {
    return CONFIG_DEF;
  }

  close(): void {}

  #name(prefix: string, name: string): string {
    return prefix === '' ? name : `${prefix}${this.#delimiter}${name}`;
  }

  #flattenMap(map: SchemalessMap, prefix: string, into: Map<string, unknown>): void {
    for (const [key, value] of mapEntriesOf(map)) {
      const name = this.#name(prefix, key);
      if (value === null || value === undefined) {
        into.set(name, null);
        continue;
      }
      const type = schemalessType(value);
      if (type === undefined) {
        throw new DataException(`Flatten transformation was passed a value of type ${javaClass(value)} which is not supported by Connect's data API`);
      }
      if (type === 'MAP') this.#flattenMap(requireSchemalessMap(value, PURPOSE), name, into);
      else if (type === 'STRUCT') {
        throw new DataException(`Flatten transformation does not support ${javaClass(value)} for record without schemas (for field ${name}).`);
      } else into.set(name, value);
    }
  }

  #flattenedSchema(schema: Schema): Schema {
    const cached = this.#schemas.get(schema);
    if (cached !== undefined) return cached;
    const builder = copySchemaBasics(schema, SchemaBuilder.struct());
    this.#addFields(schema, '', builder, schema.optional, schema.defaultValue instanceof Struct ? schema.defaultValue : null);
    const flattened = builder.build();
    this.#schemas.set(schema, flattened);
    return flattened;
  }

  #addFields(schema: Schema, prefix: string, builder: SchemaBuilder, optional: boolean, parentDefault: Struct | null): void {
    for (const field of schema.fields) {
      const name = this.#name(prefix, field.name);
      const fieldOptional = optional || field.schema.optional;
      const fieldDefault = field.schema.defaultValue ?? (parentDefault === null ? null : parentDefault.get(field));
      if (COPIED_TYPES.has(field.schema.type)) {
        builder.field(name, flattenedFieldSchema(field.schema, fieldOptional, fieldDefault));
      } else if (field.schema.type === 'STRUCT') {
        this.#addFields(field.schema, name, builder, fieldOptional, fieldDefault instanceof Struct ? fieldDefault : null);
      } else {
        throw new DataException(`Flatten transformation does not support ${field.schema.type} for record with schemas (for field ${name}).`);
      }
    }
  }

  #flattenStruct(struct: Struct, prefix: string, into: Struct): void {
    for (const field of struct.schema.fields) {
      const name = this.#name(prefix, field.name);
      if (COPIED_TYPES.has(field.schema.type)) {
        into.put(name, struct.get(field));
      } else if (field.schema.type === 'STRUCT') {
        // Kafka's getStruct: the field's default stands in for a null nested struct.
        const nested = struct.get(field);
        if (nested !== null) this.#flattenStruct(nested as Struct, name, into);
      } else {
        throw new DataException(`Flatten transformation does not support ${field.schema.type} for record with schemas (for field ${name}).`);
      }
    }
  }
}

/** A copied field's schema: basics of the original, optional and default as the flattening decided. */
function flattenedFieldSchema(original: Schema, optional: boolean, defaultValue: unknown): Schema {
  const builder = copySchemaBasics(original, original.type === 'ARRAY' ? SchemaBuilder.array(original.valueSchema!) : SchemaBuilder.type(original.type));
  if (optional) builder.optional();
  if (defaultValue !== null && defaultValue !== undefined) builder.defaultValue(defaultValue);
  return builder.build();
}
