// SimpleHeaderConverter (org.apache.kafka.connect.storage.SimpleHeaderConverter), the default
// header converter: header values as UTF-8 text in the grammar of Kafka's Values.convertToString,
// and text parsed back with Values.parseString's type inference.
//
// Writing is complete: strings raw at the top level and quoted (with \ and " escaped) inside lists,
// maps and structs; numbers as Java prints them; bytes as Base64; lists "[a,b]", maps {"k":v},
// structs {"field":value} (field defaults applied); dates in UTC as HH:mm:ss.SSS'Z' (any instant
// before one day after the epoch, so also pre-1970 dates), yyyy-MM-dd (exact days) or
// yyyy-MM-dd'T'HH:mm:ss.SSS'Z'.
//
// Reading is Values.parseString, in header-values.ts: "" and other text → STRING; true/false →
// BOOLEAN; null → no schema and value; integers → the narrowest of INT8/16/32/64; other numbers →
// FLOAT32, FLOAT64 or Decimal; ISO dates, times and timestamps; [..] and {..} → arrays and maps with
// inferred element schemas (numeric widening), or the whole text as a STRING when they do not parse.

import {
  BigDecimal,
  DataException,
  Struct,
  ConfigDef,
  isPlainObject,
  type Schema,
} from '../data/index.js';
import type { HeaderConverter, SchemaAndValue } from './converter.js';
import { parseString } from './header-values.js';
import { javaNumberText } from './java-number.js';
import { javaClassOf } from './json-data.js';

export { parseString } from './header-values.js';

const MILLIS_PER_DAY = 86_400_000;
const CONFIG_DEF = new ConfigDef();

export class SimpleHeaderConverter implements HeaderConverter {
  static readonly CLASS_NAME = 'org.apache.kafka.connect.storage.SimpleHeaderConverter';

  config(): ConfigDef {
    return CONFIG_DEF;
  }

  configure(): void {}

  fromConnectHeader(_topic: string, _headerKey: string, schema: Schema | null, value: unknown): Buffer | null {
    if (value === null || value === undefined) return null;
    return Buffer.from(convertToString(schema, value), 'utf8');
  }

  toConnectHeader(_topic: string, _headerKey: string, bytes: Buffer | null): SchemaAndValue {
    if (bytes === null) return { schema: null, value: null };
    return parseString(bytes.toString('utf8'));
  }
}

/** Kafka's Values.convertToString. */
export function convertToString(schema: Schema | null, value: unknown): string {
  const parts: string[] = [];
  append(parts, value, false, schema);
  return parts.join('');
}

function append(parts: string[], value: unknown, embedded: boolean, schema: Schema | null | undefined): void {
  if (value === null || value === undefined) parts.push('null');
  else if (typeof value === 'number' || typeof value === 'bigint') parts.push(javaNumberText(schema?.type, value));
  else if (value instanceof BigDecimal) parts.push(value.toString());
  else if (typeof value === 'boolean') parts.push(String(value));
  else if (typeof value === 'string') parts.push(embedded ? `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"` : value);
  else if (value instanceof Uint8Array) {
    const base64 = Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64');
    parts.push(embedded ? `"${base64}"` : base64);
  } else if (Array.isArray(value)) {
    parts.push('[');
    value.forEach((element: unknown, i) => {
      if (i > 0) parts.push(',');
      append(parts, element, true, schema?.valueSchema);
    });
    parts.push(']');
  } else if (value instanceof Struct) {
    parts.push('{');
    value.schema.fields.forEach((field, i) => {
      if (i > 0) parts.push(',');
      append(parts, field.name, true, undefined);
      parts.push(':');
      append(parts, value.get(field), true, field.schema);
    });
    parts.push('}');
  } else if (value instanceof Map || isPlainObject(value)) {
    const entries = value instanceof Map ? [...value.entries()] : Object.entries(value);
    parts.push('{');
    entries.forEach(([key, element], i) => {
      if (i > 0) parts.push(',');
      append(parts, key, true, schema?.keySchema);
      parts.push(':');
      append(parts, element, true, schema?.valueSchema);
    });
    parts.push('}');
  } else if (value instanceof Date) parts.push(formatDate(value));
  else throw new DataException(`Failed to serialize unexpected value type ${javaClassOf(value).replace(/^class /, '')}: ${String(value)}`);
}

/** Values.dateFormatFor: time of day below one day, a date on exact days, else a timestamp (UTC). */
function formatDate(date: Date): string {
  const millis = date.getTime();
  const iso = date.toISOString(); // yyyy-MM-ddTHH:mm:ss.SSSZ for years 0..9999
  if (millis < MILLIS_PER_DAY) return iso.slice(11);
  if (millis % MILLIS_PER_DAY === 0) return iso.slice(0, 10);
  return iso;
}
