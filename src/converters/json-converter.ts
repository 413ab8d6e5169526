// JsonConverter (org.apache.kafka.connect.json.JsonConverter): Connect data as JSON, byte for byte
// what Kafka 4.1 writes, and reading whatever Kafka reads. Usable as a key/value Converter and as a
// HeaderConverter (headers are converted exactly like values).
//
// Settings (after the worker strips the `key.converter.` / `value.converter.` prefix):
//   schemas.enable (default true)         wrap data in {"schema":…,"payload":…}; require it on read
//   schemas.cache.size (default 1000)     schemas remembered in each direction
//   decimal.format (BASE64 | NUMERIC, case-insensitive, default BASE64)
//   replace.null.with.default (default true)  a null with a schema default is written/read as the default
//   converter.type (key | value | header) injected by the runtime
//
// A null schema with a null value becomes null bytes (a tombstone), whatever schemas.enable says;
// null bytes read back as a null schema and value. The schema form lives in json-schema.ts, the
// payload rules in json-data.ts and the JSON text in java-json.ts.

import { ConfigException, DataException, type ConfigDef, type ConfigValidator, type Schema } from '../data/index.js';
import { CONVERTER_TYPE_CONFIG, converterConfigDef, withConverterType } from './converter-config.js';
import type { Converter, ConverterType, HeaderConverter, SchemaAndValue } from './converter.js';
import { jsonText, parseJson, writeJson } from './java-json.js';
import { convertToConnect, convertToJson, type DecimalFormat, type JsonDataOptions } from './json-data.js';
import { isObjectNode, type JsonDocument, type JsonNode, type JsonObject } from './json-node.js';
import { ENVELOPE_PAYLOAD_FIELD_NAME, ENVELOPE_SCHEMA_FIELD_NAME, JsonSchemaReader, JsonSchemaWriter } from './json-schema.js';

export const SCHEMAS_ENABLE_CONFIG = 'schemas.enable';
export const SCHEMAS_CACHE_SIZE_CONFIG = 'schemas.cache.size';
export const DECIMAL_FORMAT_CONFIG = 'decimal.format';
export const REPLACE_NULL_WITH_DEFAULT_CONFIG = 'replace.null.with.default';

const DECIMAL_FORMATS: readonly DecimalFormat[] = ['BASE64', 'NUMERIC'];
/** Kafka lists the choices in its HashSet's order in the error message. */
const DECIMAL_FORMATS_IN_MESSAGE = 'NUMERIC, BASE64';

const caseInsensitiveDecimalFormat: ConfigValidator = Object.assign(
  (name: string, value: unknown): void => {
    if (value === null || value === undefined) return;
    if (!DECIMAL_FORMATS.some((format) => format.toLowerCase() === String(value).toLowerCase())) {
      throw ConfigException.invalidValue(name, value, `String must be one of (case insensitive): ${DECIMAL_FORMATS_IN_MESSAGE}`);
    }
  },
  { describe: `(case insensitive) [${DECIMAL_FORMATS.join(', ')}]` },
);

/** JsonConverter's settings, as Kafka's JsonConverterConfig defines them. */
export const JSON_CONVERTER_CONFIG_DEF: ConfigDef = converterConfigDef()
  .define({
    name: SCHEMAS_ENABLE_CONFIG,
    type: 'BOOLEAN',
    defaultValue: true,
    importance: 'HIGH',
    documentation: 'Include schemas within each of the serialized values and keys.',
    group: 'Schemas',
    orderInGroup: 0,
    width: 'MEDIUM',
    displayName: 'Enable Schemas',
  })
  .define({
    name: SCHEMAS_CACHE_SIZE_CONFIG,
    type: 'INT',
    defaultValue: 1000,
    importance: 'HIGH',
    documentation: 'The maximum number of schemas that can be cached in this converter instance.',
    group: 'Schemas',
    orderInGroup: 1,
    width: 'MEDIUM',
    displayName: 'Schema Cache Size',
  })
  .define({
    name: DECIMAL_FORMAT_CONFIG,
    type: 'STRING',
    defaultValue: 'BASE64',
    validator: caseInsensitiveDecimalFormat,
    importance: 'LOW',
    documentation: "Controls which format this converter will serialize decimals in. This value is case insensitive and can be either 'BASE64' (default) or 'NUMERIC'",
    group: 'Serialization',
    orderInGroup: 0,
    width: 'MEDIUM',
    displayName: 'Decimal Format',
  })
  .define({
    name: REPLACE_NULL_WITH_DEFAULT_CONFIG,
    type: 'BOOLEAN',
    defaultValue: true,
    importance: 'LOW',
    documentation:
      'Whether to replace fields that have a default value and that are null to the default value. When set to true, the default value is used, otherwise null is used.',
    group: 'Serialization',
    orderInGroup: 1,
    width: 'MEDIUM',
    displayName: 'Replace null with default',
  });

const ENVELOPE_REQUIRED =
  'JsonConverter with schemas.enable requires "schema" and "payload" fields and may not contain additional fields.' +
  ' If you are trying to deserialize plain JSON data, set schemas.enable=false in your converter configuration.';

interface Configured {
  readonly type: ConverterType;
  readonly schemasEnabled: boolean;
  readonly cacheSize: number;
  readonly data: JsonDataOptions;
  readonly writer: JsonSchemaWriter;
  readonly reader: JsonSchemaReader;
}

export class JsonConverter implements Converter, HeaderConverter {
  static readonly CLASS_NAME = 'org.apache.kafka.connect.json.JsonConverter';
  #state: Configured | undefined;

  /** The settings this converter accepts (for the REST API's plugin config listing). */
  config(): ConfigDef {
    return JSON_CONVERTER_CONFIG_DEF;
  }

  /**
   * As a Converter, `isKey` sets converter.type to key or value; as a HeaderConverter (no `isKey`)
   * the config must carry converter.type itself, as the runtime's header converter config does.
   */
  configure(config: Readonly<Record<string, string>>, isKey?: boolean): void {
    const settings = withConverterType(config, isKey);
    const cacheSize = settings[SCHEMAS_CACHE_SIZE_CONFIG];
    if (cacheSize !== undefined && !isJavaInt(cacheSize)) throw ConfigException.invalidValue(SCHEMAS_CACHE_SIZE_CONFIG, cacheSize, 'Not a number of type INT');
    const parsed = JSON_CONVERTER_CONFIG_DEF.parse(settings);
    const data: JsonDataOptions = {
      decimalFormat: String(parsed[DECIMAL_FORMAT_CONFIG]).toUpperCase() as DecimalFormat,
      replaceNullWithDefault: parsed[REPLACE_NULL_WITH_DEFAULT_CONFIG] as boolean,
    };
    const cacheEntries = parsed[SCHEMAS_CACHE_SIZE_CONFIG] as number;
    this.#state = {
      type: parsed[CONVERTER_TYPE_CONFIG] as ConverterType,
      schemasEnabled: parsed[SCHEMAS_ENABLE_CONFIG] as boolean,
      cacheSize: cacheEntries,
      data,
      writer: new JsonSchemaWriter(cacheEntries, (schema, value) => convertToJson(data, schema, value)),
      reader: new JsonSchemaReader(cacheEntries, (schema, node) => convertToConnect(data, schema, node)),
    };
  }

  fromConnectData(_topic: string, schema: Schema | null, value: unknown): Buffer | null {
    const state = this.#configured();
    if (schema === null && (value === null || value === undefined)) return null;
    let json: JsonNode;
    if (state.schemasEnabled) {
      const envelope: JsonObject = new Map();
      envelope.set(ENVELOPE_SCHEMA_FIELD_NAME, schema === null ? null : state.writer.asJsonSchema(schema));
      envelope.set(ENVELOPE_PAYLOAD_FIELD_NAME, convertToJson(state.data, schema, value));
      json = envelope;
    } else {
      json = convertToJson(state.data, schema, value);
    }
    return writeJson(json);
  }

  toConnectData(_topic: string, bytes: Buffer | null): SchemaAndValue {
    const state = this.#configured();
    if (bytes === null) return { schema: null, value: null };
    let json: JsonDocument;
    try {
      json = parseJson(bytes);
    } catch (error) {
      throw new DataException('Converting byte[] to Kafka Connect data failed due to serialization error: ', { cause: error });
    }
    if (!state.schemasEnabled) return { schema: null, value: convertToConnect(state.data, null, json) };
    if (!isObjectNode(json) || json.size !== 2 || !json.has(ENVELOPE_SCHEMA_FIELD_NAME) || !json.has(ENVELOPE_PAYLOAD_FIELD_NAME)) {
      throw new DataException(ENVELOPE_REQUIRED);
    }
    const schemaJson = json.get(ENVELOPE_SCHEMA_FIELD_NAME)!;
    const cacheKey = state.cacheSize > 0 && schemaJson !== null ? jsonText(schemaJson) : undefined;
    const schema = state.reader.asConnectSchema(schemaJson, cacheKey);
    return { schema, value: convertToConnect(state.data, schema, json.get(ENVELOPE_PAYLOAD_FIELD_NAME)) };
  }

  fromConnectHeader(topic: string, _headerKey: string, schema: Schema | null, value: unknown): Buffer | null {
    return this.fromConnectData(topic, schema, value);
  }

  toConnectHeader(topic: string, _headerKey: string, bytes: Buffer | null): SchemaAndValue {
    return this.toConnectData(topic, bytes);
  }

  /** The schema's JSON form (the envelope's "schema" member); null for a null schema. */
  asJsonSchema(schema: Schema | null): JsonObject | null {
    return schema === null ? null : this.#configured().writer.asJsonSchema(schema);
  }

  /** The Connect schema of a JSON schema form; JSON null means no schema. */
  asConnectSchema(json: JsonNode): Schema | null {
    return this.#configured().reader.asConnectSchema(json);
  }

  #configured(): Configured {
    if (this.#state === undefined) throw new DataException('JsonConverter has not been configured');
    return this.#state;
  }
}

/** Whether text parses as a Java int, as Kafka's ConfigDef reads an INT. */
function isJavaInt(text: string): boolean {
  const trimmed = text.trim();
  return /^[+-]?\d+$/.test(trimmed) && Number(trimmed) >= -(2 ** 31) && Number(trimmed) < 2 ** 31;
}
