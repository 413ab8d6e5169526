// InsertField$Key / InsertField$Value: adds the record's topic, partition, offset (sink records
// only) and timestamp, and a static string, as fields of the key or value Struct or map. A field
// name ending in `!` makes the added field required, `?` or no suffix optional.

import {
  ConfigDef,
  ConfigException,
  DataException,
  INT32_SCHEMA,
  INT64_SCHEMA,
  OPTIONAL_INT32_SCHEMA,
  OPTIONAL_INT64_SCHEMA,
  OPTIONAL_STRING_SCHEMA,
  STRING_SCHEMA,
  SchemaBuilder,
  Struct,
  TimestampSchema,
  type Schema,
} from '../data/index.js';
import { isSinkRecord } from './java-values.js';
import type { RecordPart } from './record-part.js';
import { mapWith, requireSchemalessMap } from './schemaless-map.js';
import { SchemaCache, copySchemaBasics, requireStruct } from './smt-support.js';
import type { ConnectRecord, Transformation } from './transformation.js';

const TOPIC_FIELD = 'topic.field';
const PARTITION_FIELD = 'partition.field';
const OFFSET_FIELD = 'offset.field';
const TIMESTAMP_FIELD = 'timestamp.field';
const STATIC_FIELD = 'static.field';
const STATIC_VALUE = 'static.value';
const REPLACE_NULL_WITH_DEFAULT = 'replace.null.with.default';
const PURPOSE = 'field insertion';
const OPTIONALITY_DOC = 'Suffix with <code>!</code> to make this a required field, or <code>?</code> to keep it optional (the default).';
const OPTIONAL_TIMESTAMP_SCHEMA = TimestampSchema.builder().optional().build();

const fieldKey = (name: string, documentation: string) =>
  ({ name, type: 'STRING', defaultValue: null, importance: 'MEDIUM', documentation }) as const;

export const INSERT_FIELD_CONFIG_DEF = new ConfigDef()
  .define(fieldKey(TOPIC_FIELD, `Field name for Kafka topic. ${OPTIONALITY_DOC}`))
  .define(fieldKey(PARTITION_FIELD, `Field name for Kafka partition. ${OPTIONALITY_DOC}`))
  .define(fieldKey(OFFSET_FIELD, `Field name for Kafka offset - only applicable to sink connectors.<br/>${OPTIONALITY_DOC}`))
  .define(fieldKey(TIMESTAMP_FIELD, `Field name for record timestamp. ${OPTIONALITY_DOC}`))
  .define(fieldKey(STATIC_FIELD, `Field name for static data field. ${OPTIONALITY_DOC}`))
  .define(fieldKey(STATIC_VALUE, 'Static field value, if field name configured.'))
  .define({
    name: REPLACE_NULL_WITH_DEFAULT,
    type: 'BOOLEAN',
    defaultValue: true,
    importance: 'MEDIUM',
    documentation:
      'Whether to replace fields that have a default value and that are null to the default value. When set to true, the default value is used, otherwise null is used.',
  });

/** A field to insert: its name and whether its schema is optional. */
interface InsertionSpec {
  readonly name: string;
  readonly optional: boolean;
}

function parseSpec(spec: unknown): InsertionSpec | null {
  if (typeof spec !== 'string') return null;
  if (spec.endsWith('?')) return { name: spec.slice(0, -1), optional: true };
  if (spec.endsWith('!')) return { name: spec.slice(0, -1), optional: false };
  return { name: spec, optional: true };
}

export class InsertField implements Transformation {
  #topic: InsertionSpec | null = null;
  #partition: InsertionSpec | null = null;
  #offset: InsertionSpec | null = null;
  #timestamp: InsertionSpec | null = null;
  #static: InsertionSpec | null = null;
  #staticValue: string | null = null;
  #replaceNullWithDefault = true;
  #cache = new SchemaCache();

  constructor(private readonly part: RecordPart) {}

  configure(config: Readonly<Record<string, string>>): void {
    const parsed = INSERT_FIELD_CONFIG_DEF.parse(config);
    this.#topic = parseSpec(parsed[TOPIC_FIELD]);
    this.#partition = parseSpec(parsed[PARTITION_FIELD]);
    this.#offset = parseSpec(parsed[OFFSET_FIELD]);
    this.#timestamp = parseSpec(parsed[TIMESTAMP_FIELD]);
    this.#static = parseSpec(parsed[STATIC_FIELD]);
    this.#staticValue = (parsed[STATIC_VALUE] as string | null) ?? null;
    this.#replaceNullWithDefault = parsed[REPLACE_NULL_WITH_DEFAULT] as boolean;
    if (this.#topic === null && this.#partition === null && this.#offset === null && this.#timestamp === null && this.#static === null) {
      throw new ConfigException('No field insertion configured');
    }
    if (this.#static !== null && this.#staticValue === null) {
      // Kafka prints its InsertionSpec object here (a class name and hash code); we print the field name.
      throw ConfigException.invalidValue(STATIC_VALUE, null, `No value specified for static field: ${this.#static.name}`);
    }
    this.#cache = new SchemaCache();
  }

  apply<R extends ConnectRecord>(record: R): R {
    const value = this.part.value(record);
    if (value === null || value === undefined) return record;
    return this.part.schema(record) === null ? this.#applySchemaless(record, value) : this.#applyWithSchema(record, value);
  }

  /** The values to insert, in Kafka's order; `timestampValue` turns epoch millis into the inserted form. */
  #insertions(record: ConnectRecord, timestampValue: (millis: number) => unknown): [string, unknown][] {
    const insertions: [string, unknown][] = [];
    if (this.#topic !== null) insertions.push([this.#topic.name, record.topic]);
    if (this.#partition !== null && record.kafkaPartition !== null) insertions.push([this.#partition.name, record.kafkaPartition]);
    if (this.#offset !== null) {
      if (!isSinkRecord(record)) throw new DataException(`Only SinkRecord supported for [${PURPOSE}], found: org.apache.kafka.connect.source.SourceRecord`);
      insertions.push([this.#offset.name, record.kafkaOffset]);
    }
    if (this.#timestamp !== null && record.timestamp !== null) insertions.push([this.#timestamp.name, timestampValue(record.timestamp)]);
    if (this.#static !== null && this.#staticValue !== null) insertions.push([this.#static.name, this.#staticValue]);
    return insertions;
  }

  #applySchemaless<R extends ConnectRecord>(record: R, value: unknown): R {
    const map = requireSchemalessMap(value, PURPOSE);
    return this.part.with(record, null, mapWith(map, this.#insertions(record, (millis) => millis)));
  }

  #applyWithSchema<R extends ConnectRecord>(record: R, value: unknown): R {
    const struct = requireStruct(value, PURPOSE);
    let updatedSchema = this.#cache.get(struct.schema);
    if (updatedSchema === undefined) {
      updatedSchema = this.#updatedSchema(struct.schema);
      this.#cache.set(struct.schema, updatedSchema);
    }
    const updated = new Struct(updatedSchema);
    for (const field of struct.schema.fields) {
      updated.put(field.name, this.#replaceNullWithDefault ? struct.get(field) : struct.getWithoutDefault(field));
    }
    for (const [name, inserted] of this.#insertions(record, (millis) => new Date(millis))) updated.put(name, inserted);
    return this.part.with(record, updatedSchema, updated);
  }

  #updatedSchema(schema: Schema): Schema {
    const builder = copySchemaBasics(schema, SchemaBuilder.struct());
    for (const field of schema.fields) builder.field(field.name, field.schema);
    const add = (spec: InsertionSpec | null, optional: Schema, required: Schema): void => {
      if (spec !== null) builder.field(spec.name, spec.optional ? optional : required);
    };
    add(this.#topic, OPTIONAL_STRING_SCHEMA, STRING_SCHEMA);
    add(this.#partition, OPTIONAL_INT32_SCHEMA, INT32_SCHEMA);
    add(this.#offset, OPTIONAL_INT64_SCHEMA, INT64_SCHEMA);
    add(this.#timestamp, OPTIONAL_TIMESTAMP_SCHEMA, TimestampSchema.SCHEMA);
    add(this.#static, OPTIONAL_STRING_SCHEMA, STRING_SCHEMA);
    return builder.build();
  }

  config(): ConfigDef {
    return INSERT_FIELD_CONFIG_DEF;
  }

  close(): void {}
}
