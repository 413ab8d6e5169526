// The record part a $Key or $Value transform works on (Kafka's operatingSchema, operatingValue and
// the newRecord of each nested Key/Value class), shared by the SMTs of builtins-b.ts.

import type { Schema } from '../data/index.js';
import { newRecord, type ConnectRecord } from './transformation.js';

export interface RecordPart {
  /** 'Key' or 'Value', as in Kafka's nested class names. */
  readonly name: 'Key' | 'Value';
  schema(record: ConnectRecord): Schema | null;
  value(record: ConnectRecord): unknown;
  /** A copy of the record with this part replaced; everything else (headers included) is kept. */
  with<R extends ConnectRecord>(record: R, schema: Schema | null, value: unknown): R;
}

export const KEY: RecordPart = {
  name: 'Key',
  schema: (record) => record.keySchema,
  value: (record) => record.key,
  with: (record, schema, value) => newRecord(record, { keySchema: schema, key: value }),
};

export const VALUE: RecordPart = {
  name: 'Value',
  schema: (record) => record.valueSchema,
  value: (record) => record.value,
  with: (record, schema, value) => newRecord(record, { valueSchema: schema, value }),
};

/** The Kafka class names of a $Key/$Value pair, e.g. `org.apache.kafka.connect.transforms.HoistField$Key`. */
export function transformClassName(simpleName: string, part?: RecordPart): string {
  return `org.apache.kafka.connect.transforms.${simpleName}${part === undefined ? '' : `$${part.name}`}`;
}
