// Cast (org.apache.kafka.connect.transforms.Cast$Key / $Value): casts top-level fields, or the whole
// key or value, to int8 … float64, boolean or string. `spec` is `field:type,…` or one bare `type`
// for the whole value. The value rules live in cast-value.ts; this file owns the config, the
// rebuilt schemas and the record.
//
// With a schema the new struct schema copies the original's name, version, doc, parameters,
// optionality and default; cast fields get a fresh primitive schema keeping the field's optionality
// and (cast) default. A whole-value cast copies the original's name too, as Kafka's does — so a
// logical value cast whole keeps the logical name on its new primitive schema. Null keys/values
// pass through.

import { ConfigDef, ConfigException, DataException, type Schema, SchemaBuilder, type SchemaType, Struct } from '../data/index.js';
import { SUPPORTED_CAST_OUTPUT_TYPES, castValueToType, type CastType } from './cast-value.js';
import { transformClassName, type RecordPart } from './record-part.js';
import { mapGet, mapWith, requireSchemalessMap } from './schemaless-map.js';
import { SchemaCache, copySchemaBasics, requireStruct } from './smt-support.js';
import { replaceNullWithDefaultKey } from './transform-config.js';
import type { ConnectRecord, Transformation } from './transformation.js';

const SPEC_CONFIG = 'spec';
const REPLACE_NULL_WITH_DEFAULT_CONFIG = 'replace.null.with.default';
const PURPOSE = 'cast types';

/** The parsed spec: casts of named fields, or one cast of the whole value. */
interface CastSpec {
  readonly fields: ReadonlyMap<string, CastType>;
  readonly wholeValue: CastType | undefined;
}

const CONFIG_DEF = new ConfigDef()
  .define({
    name: SPEC_CONFIG,
    type: 'LIST',
    validator: Object.assign(
      (_name: string, value: unknown): void => {
        if (!Array.isArray(value) || value.length === 0) throw new ConfigException('Must specify at least one field to cast.');
        parseSpec(value as string[]);
      },
      { describe: 'list of colon-delimited pairs, e.g. <code>foo:bar,abc:xyz</code>' },
    ),
    importance: 'HIGH',
    documentation:
      'List of fields and the type to cast them to of the form field1:type,field2:type to cast fields of Maps or Structs. A single type to cast the entire value. ' +
      'Valid types are int8, int16, int32, int64, float32, float64, boolean, and string. Note that binary fields can only be cast to string.',
  })
  .define(replaceNullWithDefaultKey(REPLACE_NULL_WITH_DEFAULT_CONFIG));

export class Cast implements Transformation {
  static readonly CONFIG_DEF = CONFIG_DEF;

  readonly #part: RecordPart;
  #spec: CastSpec = { fields: new Map(), wholeValue: undefined };
  #replaceNullWithDefault = true;
  #schemas = new SchemaCache();

  constructor(part: RecordPart) {
    this.#part = part;
  }

  static className(part: RecordPart): string {
    return transformClassName('Cast', part);
  }

  configure(config: Readonly<Record<string, string>>): void {
    const parsed = CONFIG_DEF.parse(config);
    this.#spec = parseSpec(parsed[SPEC_CONFIG] as string[]);
    this.#replaceNullWithDefault = parsed[REPLACE_NULL_WITH_DEFAULT_CONFIG] as boolean;
    this.#schemas = new SchemaCache();
  }

  apply<R extends ConnectRecord>(record: R): R {
    const value = this.#part.value(record);
    if (value === null || value === undefined) return record;
    const schema = this.#part.schema(record);
    return schema === null ? this.#applySchemaless(record, value) : this.#applyWithSchema(record, schema, value);
  }

  config(): ConfigDef {
    return CONFIG_DEF;
  }

  close(): void {}

  #applySchemaless<R extends ConnectRecord>(record: R, value: unknown): R {
    const whole = this.#spec.wholeValue;
    if (whole !== undefined) return this.#part.with(record, null, castValueToType(null, value, whole));
    const map = requireSchemalessMap(value, PURPOSE);
    // Kafka's quirk kept: a spec field missing from the map is added with null.
    const casts = [...this.#spec.fields].map(([field, type]): [string, unknown] => [field, castValueToType(null, mapGet(map, field), type)]);
    return this.#part.with(record, null, mapWith(map, casts));
  }

  #applyWithSchema<R extends ConnectRecord>(record: R, schema: Schema, value: unknown): R {
    const updatedSchema = this.#updatedSchema(schema);
    const whole = this.#spec.wholeValue;
    if (whole !== undefined) return this.#part.with(record, updatedSchema, castValueToType(schema, value, whole));
    const struct = requireStruct(value, PURPOSE);
    const updated = new Struct(updatedSchema);
    for (const field of struct.schema.fields) {
      const original = this.#replaceNullWithDefault ? struct.get(field) : struct.getWithoutDefault(field);
      const target = this.#spec.fields.get(field.name);
      updated.put(field.name, target === undefined ? original : castValueToType(field.schema, original, target));
    }
    return this.#part.with(record, updatedSchema, updated);
  }

  #updatedSchema(schema: Schema): Schema {
    const cached = this.#schemas.get(schema);
    if (cached !== undefined) return cached;
    const whole = this.#spec.wholeValue;
    let builder: SchemaBuilder;
    let builtType: SchemaType;
    if (whole !== undefined) {
      builder = copySchemaBasics(schema, SchemaBuilder.type(whole));
      builtType = whole;
    } else {
      if (schema.type !== 'STRUCT') throw new DataException('Cannot list fields on non-struct type');
      builder = copySchemaBasics(schema, SchemaBuilder.struct());
      builtType = 'STRUCT';
      for (const field of schema.fields) {
        const target = this.#spec.fields.get(field.name);
        if (target === undefined) {
          builder.field(field.name, field.schema);
          continue;
        }
        const fieldBuilder = SchemaBuilder.type(target);
        if (field.schema.optional) fieldBuilder.optional();
        if (field.schema.hasDefault()) fieldBuilder.defaultValue(castValueToType(field.schema, field.schema.defaultValue, target));
        builder.field(field.name, fieldBuilder.build());
      }
    }
    if (schema.optional) builder.optional();
    // Kafka casts the default to the new schema's type; a struct default therefore fails
    // ("does not support casting from STRUCT"), as it does in Kafka.
    if (schema.hasDefault()) builder.defaultValue(castValueToType(schema, schema.defaultValue, builtType as CastType));
    const updated = builder.build();
    this.#schemas.set(schema, updated);
    return updated;
  }
}

/** Kafka's Cast.parseFieldTypes, with its messages (including the one that names `renames`). */
export function parseSpec(mappings: readonly string[]): CastSpec {
  const fields = new Map<string, CastType>();
  let wholeValue: CastType | undefined;
  for (const mapping of mappings) {
    const parts = javaSplit(mapping, ':');
    if (parts.length > 2) {
      // Kafka's copy of ReplaceField's check names the `renames` key.
      throw ConfigException.invalidValue('renames', `[${mappings.join(', ')}]`, `Invalid rename mapping: ${mapping}`);
    }
    if (parts.length === 0) throw ConfigException.invalidValue(SPEC_CONFIG, `[${mappings.join(', ')}]`, `Invalid cast mapping: ${mapping}`);
    if (parts.length === 1) wholeValue = outputType(parts[0]!.trim());
    else fields.set(parts[0]!.trim(), outputType(parts[1]!.trim()));
  }
  if (wholeValue !== undefined && mappings.length > 1) {
    throw new ConfigException('Cast transformations that specify a type to cast the entire value to may only specify a single cast in their spec');
  }
  return { fields, wholeValue };
}

const SCHEMA_TYPE_NAMES: ReadonlySet<string> = new Set(['INT8', 'INT16', 'INT32', 'INT64', 'FLOAT32', 'FLOAT64', 'BOOLEAN', 'STRING', 'BYTES', 'ARRAY', 'MAP', 'STRUCT']);

function outputType(text: string): CastType {
  const type = text.toUpperCase();
  if (!SCHEMA_TYPE_NAMES.has(type)) {
    // Kafka passes its message and the IllegalArgumentException to ConfigException(name, value),
    // which prints them the other way round; the text users see is kept as Kafka writes it.
    throw ConfigException.invalidValue(
      `Invalid type found in casting spec: ${text}`,
      `java.lang.IllegalArgumentException: No enum constant org.apache.kafka.connect.data.Schema.Type.${type}`,
    );
  }
  if (!(SUPPORTED_CAST_OUTPUT_TYPES as readonly string[]).includes(type)) {
    throw new ConfigException(`Cast transformation does not support casting to ${type}; supported types are [${SUPPORTED_CAST_OUTPUT_TYPES.join(', ')}]`);
  }
  return type as CastType;
}

/** Java's String.split with a literal separator: trailing empty strings are dropped. */
function javaSplit(text: string, separator: string): string[] {
  if (text === '') return [''];
  const parts = text.split(separator);
  while (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
  return parts;
}
