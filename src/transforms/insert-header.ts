// InsertHeader: appends one header, `header`, whose value is `value.literal` parsed once with the
// SimpleHeaderConverter grammar (Kafka's Values.parseString: "42" is an INT8, "true" a BOOLEAN).
// Headers already there, with the same key or not, are kept.

import { ConfigDef, ConfigException } from '../data/index.js';
import type { SchemaAndValue } from '../converters/converter.js';
import { parseString } from '../converters/simple-header-converter.js';
import { newRecord, type ConnectRecord, type Transformation } from './transformation.js';

const HEADER_FIELD = 'header';
const VALUE_LITERAL_FIELD = 'value.literal';

/** Kafka's ConfigDef.NonNullValidator. */
const nonNull = Object.assign(
  (name: string, value: unknown): void => {
    if (value === null || value === undefined) throw ConfigException.invalidValue(name, null, 'Value must be non-null');
  },
  { describe: 'non-null string' },
);

export const INSERT_HEADER_CONFIG_DEF = new ConfigDef()
  .define({ name: HEADER_FIELD, type: 'STRING', validator: nonNull, importance: 'HIGH', documentation: 'The name of the header.' })
  .define({
    name: VALUE_LITERAL_FIELD,
    type: 'STRING',
    validator: nonNull,
    importance: 'HIGH',
    documentation: 'The literal value that is to be set as the header value on all records.',
  });

export class InsertHeader implements Transformation {
  #header = '';
  #literal: SchemaAndValue = { schema: null, value: null };

  configure(config: Readonly<Record<string, string>>): void {
    const parsed = INSERT_HEADER_CONFIG_DEF.parse(config);
    this.#header = parsed[HEADER_FIELD] as string;
    this.#literal = parseString(parsed[VALUE_LITERAL_FIELD] as string);
  }

  apply<R extends ConnectRecord>(record: R): R {
    const header = { key: this.#header, schema: this.#literal.schema, value: this.#literal.value };
    return newRecord(record, { headers: [...record.headers, header] });
  }

  config(): ConfigDef {
    return INSERT_HEADER_CONFIG_DEF;
  }

  close(): void {}
}
