// ExtractField (org.apache.kafka.connect.transforms.ExtractField$Key / $Value): replaces the key or
// value with one of its fields — a Struct field (the record schema becomes the field's schema) or a
// schemaless map entry (schema null). `field` is a name, or with field.syntax.version=V2 a dotted
// path into nested structs/maps. Null keys/values pass through (with the field's schema when there
// is one); a schema without the field is an error, even for a null value, as in Kafka.

import { ConfigDef } from '../data/index.js';
import { transformClassName, type RecordPart } from './record-part.js';
import { requireSchemalessMap } from './schemaless-map.js';
import { FIELD_SYNTAX_VERSION_CONFIG, SingleFieldPath, appendFieldSyntaxVersion, fieldSyntaxVersion } from './single-field-path.js';
import { requireStructOrNull } from './smt-support.js';
import { replaceNullWithDefaultKey } from './transform-config.js';
import type { ConnectRecord, Transformation } from './transformation.js';

const FIELD_CONFIG = 'field';
const REPLACE_NULL_WITH_DEFAULT_CONFIG = 'replace.null.with.default';
const PURPOSE = 'field extraction';

const CONFIG_DEF = appendFieldSyntaxVersion(
  new ConfigDef()
    .define({ name: FIELD_CONFIG, type: 'STRING', importance: 'MEDIUM', documentation: 'Field name to extract.' })
    .define(replaceNullWithDefaultKey(REPLACE_NULL_WITH_DEFAULT_CONFIG)),
);

export class ExtractField implements Transformation {
  static readonly CONFIG_DEF = CONFIG_DEF;

  readonly #part: RecordPart;
  #path = new SingleFieldPath('', 'V1');
  #originalPath = '';
  #replaceNullWithDefault = true;

  constructor(part: RecordPart) {
    this.#part = part;
  }

  static className(part: RecordPart): string {
    return transformClassName('ExtractField', part);
  }

  configure(config: Readonly<Record<string, string>>): void {
    const parsed = CONFIG_DEF.parse(config);
    this.#originalPath = parsed[FIELD_CONFIG] as string;
    this.#path = new SingleFieldPath(this.#originalPath, fieldSyntaxVersion(parsed[FIELD_SYNTAX_VERSION_CONFIG] as string));
    this.#replaceNullWithDefault = parsed[REPLACE_NULL_WITH_DEFAULT_CONFIG] as boolean;
  }

  apply<R extends ConnectRecord>(record: R): R {
    const schema = this.#part.schema(record);
    const value = this.#part.value(record);
    if (schema === null) {
      const map = value === null || value === undefined ? null : requireSchemalessMap(value, PURPOSE);
      return this.#part.with(record, null, map === null ? null : this.#path.valueFromMap(map));
    }
    const struct = requireStructOrNull(value, PURPOSE);
    const field = this.#path.fieldFrom(schema);
    // Kafka throws IllegalArgumentException here; the worker reports a TypeError under that name.
    if (field === undefined) throw new TypeError(`Unknown field: ${this.#originalPath}`);
    return this.#part.with(record, field.schema, struct === null ? null : this.#path.valueFromStruct(struct, this.#replaceNullWithDefault));
  }

  config(): ConfigDef {
    return CONFIG_DEF;
  }

  close(): void {}
}
