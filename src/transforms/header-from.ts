// HeaderFrom (org.apache.kafka.connect.transforms.HeaderFrom$Key / $Value, KIP-145): copies or
// moves fields of the key or value into headers. `fields[i]` goes to header `headers[i]`, appended
// after the record's headers, with the field's schema (schemaless: no schema; a missing field: a
// null value). `move` also removes the fields: from a Struct by a rebuilt, required struct schema
// without them (Kafka's copySchemaBasics), from a map by a copy without the keys. The key/value
// must be a Struct or a map: tombstones are an error, as in Kafka.

import { ConfigDef, ConfigException, DataException, type ConfigValidator, type Header, type Schema, SchemaBuilder, Struct } from '../data/index.js';
import { transformClassName, type RecordPart } from './record-part.js';
import { mapEntriesOf, mapGet, mapOf, requireSchemalessMap } from './schemaless-map.js';
import { SchemaCache, copySchemaBasics, requireStruct } from './smt-support.js';
import { nonEmptyListValidator, replaceNullWithDefaultKey } from './transform-config.js';
import { newRecord, type ConnectRecord, type Transformation } from './transformation.js';

const FIELDS_CONFIG = 'fields';
const HEADERS_CONFIG = 'headers';
const OPERATION_CONFIG = 'operation';
const REPLACE_NULL_WITH_DEFAULT_CONFIG = 'replace.null.with.default';

type Operation = 'move' | 'copy';

/** Kafka's ValidString.in("move", "copy"): null is not one of them either (the validate endpoint shows that). */
const operationValidator: ConfigValidator = Object.assign(
  (name: string, value: unknown): void => {
    if (value !== 'move' && value !== 'copy') throw ConfigException.invalidValue(name, value ?? null, 'String must be one of: move, copy');
  },
  { describe: '[move, copy]' },
);

const CONFIG_DEF = new ConfigDef()
  .define({
    name: FIELDS_CONFIG,
    type: 'LIST',
    validator: nonEmptyListValidator,
    importance: 'HIGH',
    documentation: 'Field names in the record whose values are to be copied or moved to headers.',
  })
  .define({
    name: HEADERS_CONFIG,
    type: 'LIST',
    validator: nonEmptyListValidator,
    importance: 'HIGH',
    documentation: 'Header names, in the same order as the field names listed in the fields configuration property.',
  })
  .define({
    name: OPERATION_CONFIG,
    type: 'STRING',
    validator: operationValidator,
    importance: 'HIGH',
    documentation:
      'Either <code>move</code> if the fields are to be moved to the headers (removed from the key/value), or <code>copy</code> if the fields are to be copied to the headers (retained in the key/value).',
  })
  .define(replaceNullWithDefaultKey(REPLACE_NULL_WITH_DEFAULT_CONFIG));

export class HeaderFrom implements Transformation {
  static readonly CONFIG_DEF = CONFIG_DEF;

  readonly #part: RecordPart;
  #fields: readonly string[] = [];
  #headers: readonly string[] = [];
  #operation: Operation = 'copy';
  #replaceNullWithDefault = true;
  #moveSchemas = new SchemaCache();

  constructor(part: RecordPart) {
    this.#part = part;
  }

  static className(part: RecordPart): string {
    return transformClassName('HeaderFrom', part);
  }

  configure(config: Readonly<Record<string, string>>): void {
    const parsed = CONFIG_DEF.parse(config);
    this.#fields = parsed[FIELDS_CONFIG] as string[];
    this.#headers = parsed[HEADERS_CONFIG] as string[];
    if (this.#fields.length !== this.#headers.length) {
      throw new ConfigException(`'${FIELDS_CONFIG}' config must have the same number of elements as '${HEADERS_CONFIG}' config.`);
    }
    this.#operation = parsed[OPERATION_CONFIG] as Operation;
    this.#replaceNullWithDefault = parsed[REPLACE_NULL_WITH_DEFAULT_CONFIG] as boolean;
    this.#moveSchemas = new SchemaCache();
  }

  apply<R extends ConnectRecord>(record: R): R {
    const schema = this.#part.schema(record);
    const value = this.#part.value(record);
    return schema === null ? this.#applySchemaless(record, value) : this.#applyWithSchema(record, schema, value);
  }

  config(): ConfigDef {
    return CONFIG_DEF;
  }

  close(): void {}

  #applyWithSchema<R extends ConnectRecord>(record: R, schema: Schema, value: unknown): R {
    const struct = requireStruct(value, `header ${this.#operation}`);
    let updatedSchema = schema;
    let updatedValue = struct;
    if (this.#operation === 'move') {
      updatedSchema = this.#moveSchema(schema);
      updatedValue = new Struct(updatedSchema);
      for (const field of updatedSchema.fields) updatedValue.put(field, this.#fieldValue(struct, field.name));
    }
    const headers: Header[] = [...record.headers];
    this.#fields.forEach((fieldName, i) => {
      const fieldValue = struct.schema.field(fieldName) === undefined ? null : this.#fieldValue(struct, fieldName);
      // Kafka fails with a NullPointerException when the schema lacks the field.
      const fieldSchema = schema.field(fieldName)?.schema;
      if (fieldSchema === undefined) throw new DataException(`Unknown field: ${fieldName}`);
      headers.push(schemaHeader(this.#headers[i]!, fieldValue, fieldSchema));
    });
    return this.#part.with(newRecord(record, { headers }), updatedSchema, updatedValue);
  }

  #applySchemaless<R extends ConnectRecord>(record: R, value: unknown): R {
    const map = requireSchemalessMap(value, `header ${this.#operation}`);
    const headers: Header[] = [...record.headers];
    this.#fields.forEach((fieldName, i) => headers.push({ key: this.#headers[i]!, schema: null, value: mapGet(map, fieldName) }));
    const moved = new Set(this.#operation === 'move' ? this.#fields : []);
    const updated = mapOf(map, mapEntriesOf(map).filter(([key]) => !moved.has(key)));
    return this.#part.with(newRecord(record, { headers }), null, updated);
  }

  #fieldValue(struct: Struct, name: string): unknown {
    return this.#replaceNullWithDefault ? struct.get(name) : struct.getWithoutDefault(name);
  }

  #moveSchema(schema: Schema): Schema {
    const cached = this.#moveSchemas.get(schema);
    if (cached !== undefined) return cached;
    const builder = copySchemaBasics(schema, SchemaBuilder.struct());
    for (const field of schema.fields) if (!this.#fields.includes(field.name)) builder.field(field.name, field.schema);
    const moved = builder.build();
    this.#moveSchemas.set(schema, moved);
    return moved;
  }
}

/** ConnectHeaders.add(key, value, schema) with its check that the value fits the schema. */
function schemaHeader(key: string, value: unknown, schema: Schema): Header {
  if ((value === null || value === undefined) && !schema.optional) {
    throw new DataException(`A null value requires an optional schema but was ${schema.toString()}`);
  }
  return { key, schema, value };
}
