// ByteArrayConverter (org.apache.kafka.connect.converters.ByteArrayConverter): bytes pass through
// unchanged in both directions. Writing accepts a null or BYTES schema and a null or byte-array
// value; reading always gives the optional BYTES schema. Usable as a Converter and a HeaderConverter.

import { DataException, OPTIONAL_BYTES_SCHEMA, type ConfigDef, type Schema } from '../data/index.js';
import type { Converter, HeaderConverter, SchemaAndValue } from './converter.js';
import { converterConfigDef } from './converter-config.js';
import { javaClassOf } from './json-data.js';

const CONFIG_DEF = converterConfigDef();

export class ByteArrayConverter implements Converter, HeaderConverter {
  static readonly CLASS_NAME = 'org.apache.kafka.connect.converters.ByteArrayConverter';

  config(): ConfigDef {
    return CONFIG_DEF;
  }

  /** Nothing to configure (Kafka does not even validate converter.type here). */
  configure(): void {}

  fromConnectData(_topic: string, schema: Schema | null, value: unknown): Buffer | null {
    if (schema !== null && schema.type !== 'BYTES') throw new DataException(`Invalid schema type for ByteArrayConverter: ${schema.type}`);
    if (value === null || value === undefined) return null;
    if (!(value instanceof Uint8Array)) throw new DataException(`ByteArrayConverter is not compatible with objects of type ${javaClassOf(value)}`);
    return Buffer.isBuffer(value) ? value : Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  }

  toConnectData(_topic: string, bytes: Buffer | null): SchemaAndValue {
    return { schema: OPTIONAL_BYTES_SCHEMA, value: bytes };
  }

  fromConnectHeader(topic: string, _headerKey: string, schema: Schema | null, value: unknown): Buffer | null {
    return this.fromConnectData(topic, schema, value);
  }

  toConnectHeader(topic: string, _headerKey: string, bytes: Buffer | null): SchemaAndValue {
    return this.toConnectData(topic, bytes);
  }
}
