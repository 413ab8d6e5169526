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
// Reading covers top-level values: "" and other text → STRING; true/false → BOOLEAN; null → no
// schema and value; integers → the narrowest of INT8/16/32/64 (whole decimals such as 1.0 and
// -2.5e3 count); other numbers → FLOAT32 when finite as a float, else FLOAT64, else Decimal; the
// ISO date, time and timestamp forms (lenient like Java's SimpleDateFormat: 2024-02-30 is March 1)
// → Date/Time/Timestamp; quirks kept: "12,5" reads as INT8 12 (the first token decides).
// Left for later: text starting with [ or { is returned as a STRING, where Kafka parses arrays and
// maps (with element-type inference and numeric widening) and falls back to STRING only when they
// do not parse.

import {
  BigDecimal,
  BOOLEAN_SCHEMA,
  DataException,
  DateSchema,
  DecimalSchema,
  FLOAT32_SCHEMA,
  FLOAT64_SCHEMA,
  INT16_SCHEMA,
  INT32_SCHEMA,
  INT64_SCHEMA,
  INT8_SCHEMA,
  STRING_SCHEMA,
  Struct,
  TimeSchema,
  TimestampSchema,
  ConfigDef,
  isPlainObject,
  type Schema,
} from '../data/index.js';
import type { HeaderConverter, SchemaAndValue } from './converter.js';
import { decimalToFloat32, int64Value, javaNumberText } from './java-number.js';
import { javaClassOf } from './json-data.js';

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

const DELIMITERS = new Set([':', ',', '{', '}', '[', ']', '"']);

/** Values' tokenizer: text split before and after every unescaped delimiter. */
function tokenize(text: string): string[] {
  const tokens: string[] = [];
  let start = 0;
  let escaped = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (char === '\\') {
      escaped = !escaped;
      continue;
    }
    if (DELIMITERS.has(char) && !escaped) {
      if (start < i) tokens.push(text.slice(start, i));
      tokens.push(char);
      start = i + 1;
    }
    escaped = false;
  }
  if (start < text.length) tokens.push(text.slice(start));
  return tokens;
}

/** Kafka's Values.parseString for top-level values (see the module comment for what is left). */
export function parseString(text: string): SchemaAndValue {
  if (text === '') return { schema: STRING_SCHEMA, value: text };
  const tokens = tokenize(text);
  const token = tokens[0]!;
  const trimmed = token.trim();
  if (tokens.length === 1 && (trimmed === 'null' || trimmed === 'true' || trimmed === 'false')) {
    return trimmed === 'null' ? { schema: null, value: null } : { schema: BOOLEAN_SCHEMA, value: trimmed === 'true' };
  }
  const start = text.trimStart()[0];
  if (start === '[' || start === '{') return { schema: STRING_SCHEMA, value: text }; // arrays and maps: not parsed yet
  if (trimmed === '') return { schema: STRING_SCHEMA, value: token };
  const first = trimmed[0]!;
  if (first >= '0' && first <= '9') {
    // Times and timestamps span five tokens, split at their colons.
    const spanning = tokens.length >= 5 ? parseTemporal(trimmed + tokens.slice(1, 5).join('')) : undefined;
    const temporal = spanning ?? parseTemporal(trimmed);
    if (temporal !== undefined) return temporal;
  }
  if ((first >= '0' && first <= '9') || first === '+' || first === '-') {
    const number = parseNumber(trimmed);
    if (number !== undefined) return number;
  }
  return { schema: STRING_SCHEMA, value: text };
}

const JAVA_DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const LONG_MIN = -(2n ** 63n);
const LONG_MAX = 2n ** 63n - 1n;

function parseNumber(token: string): SchemaAndValue | undefined {
  if (!JAVA_DECIMAL.test(token)) return undefined;
  const decimal = BigDecimal.parse(token);
  const integral = exactInteger(decimal);
  if (integral !== undefined) return integral;
  const float = decimalToFloat32(decimal);
  if (Number.isFinite(float) && decimal.scale !== 0) return { schema: FLOAT32_SCHEMA, value: float };
  const double = Number(decimal.toString());
  if (Number.isFinite(double) && decimal.scale !== 0) return { schema: FLOAT64_SCHEMA, value: double };
  return { schema: DecimalSchema.schema(decimal.scale), value: decimal };
}

/** Whole numbers within a long, as the narrowest integer type (Values.parseAsExactDecimal). */
function exactInteger(decimal: BigDecimal): SchemaAndValue | undefined {
  const { unscaled, scale } = decimal;
  if (scale > 0 && unscaled % 10n ** BigInt(scale) !== 0n) return undefined;
  const integer = scale > 0 ? unscaled / 10n ** BigInt(scale) : unscaled * 10n ** BigInt(-scale);
  if (integer < LONG_MIN || integer > LONG_MAX) return undefined;
  if (integer >= -128n && integer <= 127n) return { schema: INT8_SCHEMA, value: Number(integer) };
  if (integer >= -32768n && integer <= 32767n) return { schema: INT16_SCHEMA, value: Number(integer) };
  if (integer >= -(2n ** 31n) && integer < 2n ** 31n) return { schema: INT32_SCHEMA, value: Number(integer) };
  return { schema: INT64_SCHEMA, value: int64Value(integer) };
}

const TIME = /^(\d+):(\d+):(\d+)\.(\d+)Z/;
const TIMESTAMP = /^(\d+)-(\d+)-(\d+)T(\d+):(\d+):(\d+)\.(\d+)Z/;
const DATE = /^(\d+)-(\d+)-(\d+)/;

/** The ISO forms, by exact length as Kafka checks them, with SimpleDateFormat's lenient fields (UTC). */
function parseTemporal(token: string): SchemaAndValue | undefined {
  const text = token.replace(/\\:/g, ':');
  const numbers = (match: RegExpExecArray | null): number[] | undefined => match?.slice(1).map(Number);
  if (text.length === 13) {
    const [h, m, s, ms] = numbers(TIME.exec(text)) ?? [];
    if (ms === undefined) return undefined;
    return { schema: TimeSchema.SCHEMA, value: new Date(utc(1970, 1, 1, h!, m!, s!, ms)) };
  }
  if (text.length === 24) {
    const [y, mo, d, h, m, s, ms] = numbers(TIMESTAMP.exec(text)) ?? [];
    if (ms === undefined) return undefined;
    return { schema: TimestampSchema.SCHEMA, value: new Date(utc(y!, mo!, d!, h!, m!, s!, ms)) };
  }
  if (text.length === 10) {
    const [y, mo, d] = numbers(DATE.exec(text)) ?? [];
    if (d === undefined) return undefined;
    return { schema: DateSchema.SCHEMA, value: new Date(utc(y!, mo!, d, 0, 0, 0, 0)) };
  }
  return undefined;
}

/** Epoch millis of a calendar time whose fields may overflow (Java's lenient calendar). */
function utc(year: number, month: number, day: number, hours: number, minutes: number, seconds: number, millis: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getTime() + ((hours * 60 + minutes) * 60 + seconds) * 1000 + millis;
}
