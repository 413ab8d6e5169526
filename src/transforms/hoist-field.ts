// HoistField$Key / HoistField$Value: wraps the key or value in a single-field Struct (with a
// schema) or a single-entry map (schemaless), under the configured `field` name.

import { ConfigDef, SchemaBuilder, Struct } from '../data/index.js';
import type { RecordPart } from './record-part.js';
import { mapOf } from './schemaless-map.js';
import { SchemaCache } from './smt-support.js';
import type { ConnectRecord, Transformation } from './transformation.js';

const FIELD_CONFIG = 'field';

export const HOIST_FIELD_CONFIG_DEF = new ConfigDef().define({
  name: FIELD_CONFIG,
  type: 'STRING',
  importance: 'MEDIUM',
  documentation: 'Field name for the single field that will be created in the resulting Struct or Map.',
});

export class HoistField implements Transformation {
  #fieldName = '';
  #cache = new SchemaCache();

  constructor(private readonly part: RecordPart) {}

  configure(config: Readonly<Record<string, string>>): void {
    this.#fieldName = HOIST_FIELD_CONFIG_DEF.parse(config)[FIELD_CONFIG] as string;
    this.#cache = new SchemaCache();
  }

  apply<R extends ConnectRecord>(record: R): R {
    const schema = this.part.schema(record);
    const value = this.part.value(record);
    if (schema === null) return this.part.with(record, null, mapOf('object', [[this.#fieldName, value]]));
    let updatedSchema = this.#cache.get(schema);
    if (updatedSchema === undefined) {
      updatedSchema = SchemaBuilder.struct().field(this.#fieldName, schema).build();
      this.#cache.set(schema, updatedSchema);
    }
    return this.part.with(record, updatedSchema, new Struct(updatedSchema).put(this.#fieldName, value));
  }

  config(): ConfigDef {
    return HOIST_FIELD_CONFIG_DEF;
  }

  close(): void {}
}
