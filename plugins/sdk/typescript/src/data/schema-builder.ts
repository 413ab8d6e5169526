// SchemaBuilder: the fluent way to build Connect schemas, as Kafka's SchemaBuilder.
//
//   const user = SchemaBuilder.struct().name('com.example.User')
//     .field('id', INT32_SCHEMA)
//     .field('name', OPTIONAL_STRING_SCHEMA)
//     .build();

import { DataException } from './errors.js';
import { Schema, type SchemaType } from './schema.js';
import { validateValue } from './struct.js';

export class SchemaBuilder {
  readonly #type: SchemaType;
  #optional = false;
  #defaultValue: unknown = undefined;
  #name: string | undefined;
  #version: number | undefined;
  #doc: string | undefined;
  #parameters: Record<string, string> | undefined;
  readonly #fields: { name: string; schema: Schema }[] = [];
  #keySchema: Schema | undefined;
  #valueSchema: Schema | undefined;

  constructor(type: SchemaType) {
    this.#type = type;
  }

  static type(type: SchemaType): SchemaBuilder {
    return new SchemaBuilder(type);
  }
  static int8(): SchemaBuilder {
    return new SchemaBuilder('INT8');
  }
  static int16(): SchemaBuilder {
    return new SchemaBuilder('INT16');
  }
  static int32(): SchemaBuilder {
    return new SchemaBuilder('INT32');
  }
  static int64(): SchemaBuilder {
    return new SchemaBuilder('INT64');
  }
  static float32(): SchemaBuilder {
    return new SchemaBuilder('FLOAT32');
  }
  static float64(): SchemaBuilder {
    return new SchemaBuilder('FLOAT64');
  }
  static bool(): SchemaBuilder {
    return new SchemaBuilder('BOOLEAN');
  }
  static string(): SchemaBuilder {
    return new SchemaBuilder('STRING');
  }
  static bytes(): SchemaBuilder {
    return new SchemaBuilder('BYTES');
  }
  static struct(): SchemaBuilder {
    return new SchemaBuilder('STRUCT');
  }
  static array(elementSchema: Schema): SchemaBuilder {
    const builder = new SchemaBuilder('ARRAY');
    builder.#valueSchema = elementSchema;
    return builder;
  }
  static map(keySchema: Schema, valueSchema: Schema): SchemaBuilder {
    const builder = new SchemaBuilder('MAP');
    builder.#keySchema = keySchema;
    builder.#valueSchema = valueSchema;
    return builder;
  }

  optional(): this {
    this.#optional = true;
    return this;
  }
  required(): this {
    this.#optional = false;
    return this;
  }
  defaultValue(value: unknown): this {
    if (this.#defaultValue !== undefined) throw new DataException('Default value has already been set');
    this.#defaultValue = value ?? undefined;
    return this;
  }
  name(name: string): this {
    if (this.#name !== undefined && this.#name !== name) throw new DataException(`Schema name has already been set to ${this.#name}`);
    this.#name = name;
    return this;
  }
  version(version: number): this {
    if (!Number.isInteger(version)) throw new DataException(`Schema version must be an integer, got ${version}`);
    this.#version = version;
    return this;
  }
  doc(doc: string): this {
    this.#doc = doc;
    return this;
  }
  parameter(key: string, value: string): this {
    this.#parameters = { ...this.#parameters, [key]: value };
    return this;
  }
  parameters(parameters: Readonly<Record<string, string>>): this {
    this.#parameters = { ...this.#parameters, ...parameters };
    return this;
  }
  field(name: string, schema: Schema): this {
    if (this.#type !== 'STRUCT') throw new DataException(`Cannot create fields on type ${this.#type}`);
    if (name === '') throw new DataException('Field name may not be empty');
    if (this.#fields.some((field) => field.name === name)) throw new DataException(`Cannot create field because of field name duplication ${name}`);
    this.#fields.push({ name, schema });
    return this;
  }

  build(): Schema {
    const schema = new Schema({
      type: this.#type,
      optional: this.#optional,
      name: this.#name,
      version: this.#version,
      doc: this.#doc,
      parameters: this.#parameters,
      fields: this.#fields,
      keySchema: this.#keySchema,
      valueSchema: this.#valueSchema,
    });
    if (this.#defaultValue === undefined) return schema;
    try {
      validateValue(schema, this.#defaultValue);
    } catch (error) {
      throw new DataException(`Invalid default value: ${(error as Error).message}`, { cause: error });
    }
    return new Schema({ ...schemaProperties(schema), defaultValue: this.#defaultValue });
  }
}

function schemaProperties(schema: Schema) {
  return {
    type: schema.type,
    optional: schema.optional,
    name: schema.name,
    version: schema.version,
    doc: schema.doc,
    parameters: schema.parameters,
    fields: schema.fields,
    keySchema: schema.keySchema,
    valueSchema: schema.valueSchema,
  };
}
