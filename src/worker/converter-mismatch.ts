// No silent converter mismatch. A sink reading a topic with the wrong converter settings must not
// write wrong data: JsonConverter with schemas.enable=true reading plain JSON (Kafka already
// refuses it) or non-JSON bytes gets an error naming the setting to change, and — beyond Kafka,
// which passes the envelope through as a map {schema, payload} — JsonConverter with
// schemas.enable=false reading records that carry the schema envelope is refused too.

import type { Converter, SchemaAndValue } from '../converters/converter.js';
import { DataException, isPlainObject, type Schema } from '../data/index.js';

const JSON_CONVERTER = 'org.apache.kafka.connect.json.JsonConverter';
const CONNECT_TYPES = new Set(['int8', 'int16', 'int32', 'int64', 'float', 'double', 'boolean', 'string', 'bytes', 'array', 'map', 'struct']);

export interface ConverterSetting {
  /** key.converter or value.converter. */
  readonly property: string;
  readonly className: string;
  readonly config: Readonly<Record<string, string>>;
  readonly origin: 'connector' | 'worker';
}

/** Wraps a JsonConverter so that mismatched records fail with a message naming the setting; others pass as they are. */
export function guardAgainstMismatch(converter: Converter, setting: ConverterSetting): Converter {
  if (setting.className !== JSON_CONVERTER) return converter;
  const schemasEnabled = (setting.config['schemas.enable'] ?? 'true').trim().toLowerCase() !== 'false';
  const where = `in the ${setting.origin} config`;
  const schemasKey = `${setting.property}.schemas.enable`;
  return {
    configure: (config, isKey) => converter.configure(config, isKey),
    fromConnectData: (topic: string, schema: Schema | null, value: unknown) => converter.fromConnectData(topic, schema, value),
    toConnectData(topic: string, bytes: Buffer | null): SchemaAndValue {
      let result: SchemaAndValue;
      try {
        result = converter.toConnectData(topic, bytes);
      } catch (error) {
        const message = (error as Error).message;
        if (schemasEnabled && message.includes('requires "schema" and "payload" fields')) {
          throw new DataException(
            `${message} (converter mismatch on topic ${topic}: ${setting.property}=${JSON_CONVERTER} with ${schemasKey}=true ${where}, but the record is JSON without the schema envelope; set ${schemasKey}=false to read it)`,
            { cause: error },
          );
        }
        if (message.includes('serialization error')) {
          throw new DataException(
            `${message} (converter mismatch on topic ${topic}: the record is not JSON, but ${setting.property}=${JSON_CONVERTER} ${where}; set ${setting.property} to the converter its producer used, e.g. org.apache.kafka.connect.storage.StringConverter or org.apache.kafka.connect.converters.ByteArrayConverter)`,
            { cause: error },
          );
        }
        throw error;
      }
      if (!schemasEnabled && looksLikeEnvelope(result.value)) {
        throw new DataException(
          `Converter mismatch on topic ${topic}: the record is a JsonConverter schema envelope {"schema":…,"payload":…}, but ${schemasKey}=false ${where}, so the envelope itself would be passed on as data; set ${schemasKey}=true to read it`,
        );
      }
      return result;
    },
  };
}

function looksLikeEnvelope(value: unknown): boolean {
  const entries = value instanceof Map ? new Map(value) : isPlainObject(value) ? new Map(Object.entries(value as object)) : undefined;
  if (entries === undefined || entries.size !== 2 || !entries.has('schema') || !entries.has('payload')) return false;
  const schema: unknown = entries.get('schema');
  if (schema === null) return true;
  const type = schema instanceof Map ? schema.get('type') : isPlainObject(schema) ? (schema as Record<string, unknown>)['type'] : undefined;
  return CONNECT_TYPES.has(String(type));
}
