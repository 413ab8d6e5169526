// StringConverter (org.apache.kafka.connect.storage.StringConverter): any value as the text of its
// Java toString(), encoded in converter.encoding (default UTF-8); bytes read back as an optional
// string. Usable as a key/value Converter and as a HeaderConverter. The schema is ignored on write.
//
// Java's toString() forms: numbers as Integer/Long/Float/Double print them (the schema type says
// which), Decimal as BigDecimal.toString, lists as "[1, 2]", maps as "{a=1, b=2}", structs as
// "Struct{a=1,b=x}" (null fields left out), dates as java.util.Date.toString in UTC. A byte array
// prints as Java's "[B@<identity hash>", which is meaningless in Java too; Polyconnect writes
// "[B@" followed by a hash of the content.

import {
  BigDecimal,
  ConfigException,
  DataException,
  OPTIONAL_STRING_SCHEMA,
  Struct,
  isPlainObject,
  type ConfigDef,
  type Schema,
} from '../data/index.js';
import type { Converter, HeaderConverter, SchemaAndValue } from './converter.js';
import { javaCharset, type JavaCharset } from './java-charsets.js';
import { javaNumberText } from './java-number.js';
import { converterConfigDef, withConverterType } from './converter-config.js';

export const ENCODING_CONFIG = 'converter.encoding';

export const STRING_CONVERTER_CONFIG_DEF: ConfigDef = converterConfigDef().define({
  name: ENCODING_CONFIG,
  type: 'STRING',
  defaultValue: 'UTF-8',
  importance: 'HIGH',
  documentation: 'The name of the Java character set to use for encoding strings as byte arrays.',
  width: 'MEDIUM',
  displayName: 'Encoding',
});

export class StringConverter implements Converter, HeaderConverter {
  static readonly CLASS_NAME = 'org.apache.kafka.connect.storage.StringConverter';
  #charset: JavaCharset | undefined;

  config(): ConfigDef {
    return STRING_CONVERTER_CONFIG_DEF;
  }

  /** As a Converter, `isKey` sets converter.type; as a HeaderConverter the config carries it. */
  configure(config: Readonly<Record<string, string>>, isKey?: boolean): void {
    const encoding = STRING_CONVERTER_CONFIG_DEF.parse(withConverterType(config, isKey))[ENCODING_CONFIG] as string;
    const charset = javaCharset(encoding);
    // Kafka's StringSerializer throws SerializationException("Unsupported encoding …") here.
    if (charset === undefined) throw new ConfigException(`Unsupported encoding ${encoding}`);
    this.#charset = charset;
  }

  fromConnectData(_topic: string, schema: Schema | null, value: unknown): Buffer | null {
    if (value === null || value === undefined) return null;
    return this.#configured().encode(javaToString(value, schema));
  }

  toConnectData(_topic: string, bytes: Buffer | null): SchemaAndValue {
    return { schema: OPTIONAL_STRING_SCHEMA, value: bytes === null ? null : this.#configured().decode(bytes) };
  }

  fromConnectHeader(topic: string, _headerKey: string, schema: Schema | null, value: unknown): Buffer | null {
    return this.fromConnectData(topic, schema, value);
  }

  toConnectHeader(topic: string, _headerKey: string, bytes: Buffer | null): SchemaAndValue {
    return this.toConnectData(topic, bytes);
  }

  #configured(): JavaCharset {
    if (this.#charset === undefined) throw new DataException('StringConverter has not been configured');
    return this.#charset;
  }
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Java's toString() of a Connect value (`schema` tells which Java number class it is). */
export function javaToString(value: unknown, schema: Schema | null | undefined): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number' || typeof value === 'bigint') return javaNumberText(schema?.type, value);
  if (value instanceof BigDecimal) return value.toString();
  if (value instanceof Date) return javaDateToString(value);
  if (value instanceof Uint8Array) return `[B@${contentHash(value)}`;
  if (value instanceof Struct) {
    const fields = value.schema.fields
      .filter((field) => value.getWithoutDefault(field) !== null)
      .map((field) => `${field.name}=${javaToString(value.getWithoutDefault(field), field.schema)}`);
    return `Struct{${fields.join(',')}}`;
  }
  if (Array.isArray(value)) return `[${value.map((element: unknown) => javaToString(element, schema?.valueSchema)).join(', ')}]`;
  if (value instanceof Map || isPlainObject(value)) {
    const entries = value instanceof Map ? [...value.entries()] : Object.entries(value);
    return `{${entries.map(([key, element]) => `${javaToString(key, schema?.keySchema)}=${javaToString(element, schema?.valueSchema)}`).join(', ')}}`;
  }
  return String(value);
}

/** java.util.Date.toString() in UTC: "Thu Feb 29 13:45:30 UTC 2024". */
function javaDateToString(date: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  const time = `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;
  return `${DAYS[date.getUTCDay()]} ${MONTHS[date.getUTCMonth()]} ${pad(date.getUTCDate())} ${time} UTC ${date.getUTCFullYear()}`;
}

function contentHash(bytes: Uint8Array): string {
  let hash = 0x811c9dc5;
  for (const byte of bytes) hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
  return hash.toString(16);
}
