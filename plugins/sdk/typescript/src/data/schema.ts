// Connect's schema model (org.apache.kafka.connect.data.Schema): the schema types, the immutable
// Schema class with struct fields and element schemas, structural equality, and the predefined
// primitive schemas. Build schemas with SchemaBuilder; logical types live in logical-types.ts.

import { valueEquals } from './value-equality.js';

export type SchemaType =
  | 'INT8'
  | 'INT16'
  | 'INT32'
  | 'INT64'
  | 'FLOAT32'
  | 'FLOAT64'
  | 'BOOLEAN'
  | 'STRING'
  | 'BYTES'
  | 'ARRAY'
  | 'MAP'
  | 'STRUCT';

export const SCHEMA_TYPES: readonly SchemaType[] = [
  'INT8', 'INT16', 'INT32', 'INT64', 'FLOAT32', 'FLOAT64', 'BOOLEAN', 'STRING', 'BYTES', 'ARRAY', 'MAP', 'STRUCT',
];

/** The primitive types: every type except ARRAY, MAP and STRUCT. */
export function isPrimitiveType(type: SchemaType): boolean {
  return type !== 'ARRAY' && type !== 'MAP' && type !== 'STRUCT';
}

/** A named, positioned field of a struct schema. */
export interface Field {
  readonly name: string;
  readonly index: number;
  readonly schema: Schema;
}

export interface SchemaProperties {
  type: SchemaType;
  optional?: boolean;
  /** The default value; undefined or null means "no default". */
  defaultValue?: unknown;
  name?: string | undefined;
  version?: number | undefined;
  doc?: string | undefined;
  parameters?: Readonly<Record<string, string>> | undefined;
  /** Struct fields in order (STRUCT only). */
  fields?: ReadonlyArray<{ name: string; schema: Schema }>;
  /** Key schema (MAP only). */
  keySchema?: Schema | undefined;
  /** Element schema (ARRAY) or value schema (MAP). */
  valueSchema?: Schema | undefined;
}

/**
 * An immutable Connect schema. Instances are compared structurally with `equals`, as Kafka's
 * ConnectSchema is; the same schema object may be shared by any number of values.
 */
export class Schema {
  readonly type: SchemaType;
  readonly optional: boolean;
  readonly defaultValue: unknown;
  readonly name: string | undefined;
  readonly version: number | undefined;
  readonly doc: string | undefined;
  readonly parameters: Readonly<Record<string, string>> | undefined;
  readonly fields: readonly Field[];
  readonly keySchema: Schema | undefined;
  readonly valueSchema: Schema | undefined;
  readonly #fieldsByName: ReadonlyMap<string, Field>;

  constructor(properties: SchemaProperties) {
    this.type = properties.type;
    this.optional = properties.optional ?? false;
    this.defaultValue = properties.defaultValue ?? undefined;
    this.name = properties.name;
    this.version = properties.version;
    this.doc = properties.doc;
    this.parameters = properties.parameters === undefined ? undefined : Object.freeze({ ...properties.parameters });
    this.keySchema = properties.keySchema;
    this.valueSchema = properties.valueSchema;
    const fields = (properties.fields ?? []).map((field, index) => Object.freeze({ name: field.name, index, schema: field.schema }));
    this.fields = Object.freeze(fields);
    this.#fieldsByName = new Map(fields.map((field) => [field.name, field]));
    if (this.type !== 'STRUCT' && fields.length > 0) throw new Error(`Cannot give fields to a ${this.type} schema`);
    if (this.type === 'MAP' && (this.keySchema === undefined || this.valueSchema === undefined)) {
      throw new Error('A MAP schema needs a key schema and a value schema');
    }
    if (this.type === 'ARRAY' && this.valueSchema === undefined) throw new Error('An ARRAY schema needs an element schema');
  }

  /** The struct field with this name, if any (STRUCT only). */
  field(name: string): Field | undefined {
    return this.#fieldsByName.get(name);
  }

  /** Whether the schema has a default value. */
  hasDefault(): boolean {
    return this.defaultValue !== undefined;
  }

  equals(other: Schema | null | undefined): boolean {
    return schemaEquals(this, other);
  }

  toString(): string {
    return this.name === undefined ? `Schema{${this.type}}` : `Schema{${this.name}:${this.type}}`;
  }
}

/** Structural equality of two schemas (null and undefined mean "no schema" and equal each other). */
export function schemaEquals(a: Schema | null | undefined, b: Schema | null | undefined): boolean {
  if (a === b) return true;
  if (a == null || b == null) return a == null && b == null;
  if (a.type !== b.type || a.optional !== b.optional || a.name !== b.name || a.version !== b.version || a.doc !== b.doc) {
    return false;
  }
  if (!parametersEqual(a.parameters, b.parameters)) return false;
  if (a.fields.length !== b.fields.length) return false;
  for (let i = 0; i < a.fields.length; i++) {
    const fieldA = a.fields[i]!;
    const fieldB = b.fields[i]!;
    if (fieldA.name !== fieldB.name || !schemaEquals(fieldA.schema, fieldB.schema)) return false;
  }
  if (!schemaEquals(a.keySchema, b.keySchema) || !schemaEquals(a.valueSchema, b.valueSchema)) return false;
  return valueEquals(a.defaultValue, b.defaultValue);
}

function parametersEqual(a: Readonly<Record<string, string>> | undefined, b: Readonly<Record<string, string>> | undefined): boolean {
  const keysA = a === undefined ? [] : Object.keys(a);
  const keysB = b === undefined ? [] : Object.keys(b);
  if (keysA.length !== keysB.length) return false;
  return keysA.every((key) => b !== undefined && a !== undefined && b[key] === a[key]);
}

function primitive(type: SchemaType, optional: boolean): Schema {
  return new Schema({ type, optional });
}

export const INT8_SCHEMA = primitive('INT8', false);
export const INT16_SCHEMA = primitive('INT16', false);
export const INT32_SCHEMA = primitive('INT32', false);
export const INT64_SCHEMA = primitive('INT64', false);
export const FLOAT32_SCHEMA = primitive('FLOAT32', false);
export const FLOAT64_SCHEMA = primitive('FLOAT64', false);
export const BOOLEAN_SCHEMA = primitive('BOOLEAN', false);
export const STRING_SCHEMA = primitive('STRING', false);
export const BYTES_SCHEMA = primitive('BYTES', false);
export const OPTIONAL_INT8_SCHEMA = primitive('INT8', true);
export const OPTIONAL_INT16_SCHEMA = primitive('INT16', true);
export const OPTIONAL_INT32_SCHEMA = primitive('INT32', true);
export const OPTIONAL_INT64_SCHEMA = primitive('INT64', true);
export const OPTIONAL_FLOAT32_SCHEMA = primitive('FLOAT32', true);
export const OPTIONAL_FLOAT64_SCHEMA = primitive('FLOAT64', true);
export const OPTIONAL_BOOLEAN_SCHEMA = primitive('BOOLEAN', true);
export const OPTIONAL_STRING_SCHEMA = primitive('STRING', true);
export const OPTIONAL_BYTES_SCHEMA = primitive('BYTES', true);
