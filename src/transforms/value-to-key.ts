// ValueToKey: replaces the record key with a Struct (with a schema) or map (schemaless) of the
// listed `fields` copied from the value; the value is unchanged.

import { ConfigDef, DataException, SchemaBuilder, Struct } from '../data/index.js';
import { mapGet, mapOf, requireSchemalessMap } from './schemaless-map.js';
import { SchemaCache, requireStruct } from './smt-support.js';
import { newRecord, type ConnectRecord, type Transformation } from './transformation.js';
import { nonEmptyListValidator, replaceNullWithDefaultKey } from './transform-config.js';

const FIELDS_CONFIG = 'fields';
const REPLACE_NULL_WITH_DEFAULT_CONFIG = 'replace.null.with.default';
const PURPOSE = 'copying fields from value to key';

export const VALUE_TO_KEY_CONFIG_DEF = new ConfigDef()
  .define({
    name: FIELDS_CONFIG,
    type: 'LIST',
    validator: nonEmptyListValidator,
    importance: 'HIGH',
    documentation: 'Field names on the record value to extract as the record key.',
  })
  .define(replaceNullWithDefaultKey(REPLACE_NULL_WITH_DEFAULT_CONFIG));

export class ValueToKey implements Transformation {
  #fields: readonly string[] = [];
  #replaceNullWithDefault = true;
  #cache = new SchemaCache();

  configure(config: Readonly<Record<string, string>>): void {
    const parsed = VALUE_TO_KEY_CONFIG_DEF.parse(config);
    this.#fields = parsed[FIELDS_CONFIG] as string[];
    this.#replaceNullWithDefault = parsed[REPLACE_NULL_WITH_DEFAULT_CONFIG] as boolean;
    this.#cache = new SchemaCache();
  }

  apply<R extends ConnectRecord>(record: R): R {
    if (record.valueSchema === null) {
      const map = requireSchemalessMap(record.value, PURPOSE);
      return newRecord(record, { keySchema: null, key: mapOf(map, this.#fields.map((field): [string, unknown] => [field, mapGet(map, field)])) });
    }
    const value = requireStruct(record.value, PURPOSE);
    let keySchema = this.#cache.get(value.schema);
    if (keySchema === undefined) {
      const builder = SchemaBuilder.struct();
      for (const name of this.#fields) {
        const field = value.schema.field(name);
        if (field === undefined) throw new DataException(`Field does not exist: ${name}`);
        builder.field(name, field.schema);
      }
      keySchema = builder.build();
      this.#cache.set(value.schema, keySchema);
    }
    const key = new Struct(keySchema);
    for (const name of this.#fields) key.put(name, this.#replaceNullWithDefault ? value.get(name) : value.getWithoutDefault(name));
    // Kafka sets the value schema to the Struct's own schema.
    return newRecord(record, { keySchema, key, valueSchema: value.schema });
  }

  config(): ConfigDef {
    return VALUE_TO_KEY_CONFIG_DEF;
  }

  close(): void {}
}
