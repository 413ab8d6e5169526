// SetSchemaMetadata$Key / SetSchemaMetadata$Value: gives the key or value schema a new name and/or
// version, keeping everything else (type, optionality, default, doc, parameters, fields), and
// rebuilds a Struct value against the new schema.
//
// As in Kafka (3.x and 4.1.2 alike) only STRUCT schemas work: Kafka reads schema.fields() for
// every schema, which throws "Cannot list fields on non-struct type" for any other type, so a
// Decimal, Date or string schema is refused the same way here. Renaming a logical type's schema
// would in any case make its value (BigDecimal, Date) no longer fit the schema.

import { ConfigDef, ConfigException, DataException, Schema, Struct } from '../data/index.js';
import type { RecordPart } from './record-part.js';
import { requireSchema } from './smt-support.js';
import type { ConnectRecord, Transformation } from './transformation.js';
import { replaceNullWithDefaultKey } from './transform-config.js';

const SCHEMA_NAME = 'schema.name';
const SCHEMA_VERSION = 'schema.version';
const REPLACE_NULL_WITH_DEFAULT = 'replace.null.with.default';

export const SET_SCHEMA_METADATA_CONFIG_DEF = new ConfigDef()
  .define({ name: SCHEMA_NAME, type: 'STRING', defaultValue: null, importance: 'HIGH', documentation: 'Schema name to set.' })
  .define({ name: SCHEMA_VERSION, type: 'INT', defaultValue: null, importance: 'HIGH', documentation: 'Schema version to set.' })
  .define(replaceNullWithDefaultKey(REPLACE_NULL_WITH_DEFAULT));

export class SetSchemaMetadata implements Transformation {
  #schemaName: string | null = null;
  #schemaVersion: number | null = null;
  #replaceNullWithDefault = true;

  constructor(private readonly part: RecordPart) {}

  configure(config: Readonly<Record<string, string>>): void {
    const parsed = SET_SCHEMA_METADATA_CONFIG_DEF.parse(config);
    this.#schemaName = (parsed[SCHEMA_NAME] as string | null) ?? null;
    this.#schemaVersion = (parsed[SCHEMA_VERSION] as number | null) ?? null;
    this.#replaceNullWithDefault = parsed[REPLACE_NULL_WITH_DEFAULT] as boolean;
    if (this.#schemaName === null && this.#schemaVersion === null) throw new ConfigException('Neither schema name nor version configured');
  }

  apply<R extends ConnectRecord>(record: R): R {
    const value = this.part.value(record);
    const schema = this.part.schema(record);
    if ((value === null || value === undefined) && schema === null) return record;
    const original = requireSchema(schema, 'updating schema metadata');
    if (original.type !== 'STRUCT') throw new DataException('Cannot list fields on non-struct type');
    const updated = new Schema({
      type: original.type,
      optional: original.optional,
      defaultValue: original.defaultValue,
      name: this.#schemaName ?? original.name,
      version: this.#schemaVersion ?? original.version,
      doc: original.doc,
      parameters: original.parameters,
      fields: original.fields.map((field) => ({ name: field.name, schema: field.schema })),
    });
    return this.part.with(record, updated, this.#withSchema(value, updated));
  }

  /** Kafka's updateSchemaIn: a Struct is rebuilt against the new schema; other values are kept. */
  #withSchema(value: unknown, schema: Schema): unknown {
    if (!(value instanceof Struct)) return value;
    const rebuilt = new Struct(schema);
    for (const field of schema.fields) rebuilt.put(field, this.#replaceNullWithDefault ? value.get(field) : value.getWithoutDefault(field));
    return rebuilt;
  }

  config(): ConfigDef {
    return SET_SCHEMA_METADATA_CONFIG_DEF;
  }

  close(): void {}
}
