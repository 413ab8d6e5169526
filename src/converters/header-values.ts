// Kafka's Values.parseString (org.apache.kafka.connect.data.Values), the reading half of
// SimpleHeaderConverter: header text → a schema and value by type inference. Own port of its rules:
// - tokens split before and after every unescaped : , { } [ ] "; whitespace-only tokens are skipped
//   where a delimiter is expected;
// - "null" → no schema and value; true/false → BOOLEAN (at the top level only as the whole text);
// - [..] → ARRAY and {k:v,..} → MAP whose element (key, value) schema is the common schema of the
//   elements (integers widen up to INT64, any integer with a float to the float, FLOAT32 to FLOAT64;
//   other mixes give no schema, and the next element starts over); elements are then converted to
//   it; no element schema at all → null items (and keys/values) schema;
// - "quoted" elements are strings kept raw (escapes not removed) unless they read as a temporal;
// - numbers → narrowest INT8..INT64, else FLOAT32/FLOAT64 if finite and scale ≠ 0, else Decimal;
// - the ISO date, time and timestamp forms → Date/Time/Timestamp (lenient, UTC);
// - a container that does not parse makes the whole text a STRING; trailing text after a parsed
//   top-level container is ignored, and "12,5" reads as INT8 12 (the first token decides), as in Kafka.
// Differs from Kafka: where Kafka gives an array or map schema without an element (key, value)
// schema ([], {}, [1,"a"], {"a":null}) the value is the same but has no schema, as the data model
// has no ARRAY/MAP schema without one. Not ported: converting an element to a schema of a different kind when the inferred schema started
// over after a mismatch (e.g. [true,1,true]); such text falls back to a STRING here.

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
  type Schema,
  SchemaBuilder,
  STRING_SCHEMA,
  TimeSchema,
  TimestampSchema,
} from '../data/index.js';
import type { SchemaAndValue } from './converter.js';
import { decimalToFloat32, int64Value } from './java-number.js';
import { convertToString } from './simple-header-converter.js';

type Parsed = SchemaAndValue | null; // null: Kafka's null SchemaAndValue (the literal null)

const DELIMITERS = new Set([':', ',', '{', '}', '[', ']', '"']);
const TEMPORAL_NAMES = new Set<string>([DateSchema.LOGICAL_NAME, TimeSchema.LOGICAL_NAME, TimestampSchema.LOGICAL_NAME]);

/** Java's String.trim(): strips chars up to U+0020. */
function javaTrim(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && text.charCodeAt(start) <= 32) start++;
  while (end > start && text.charCodeAt(end - 1) <= 32) end--;
  return text.slice(start, end);
}

/** Text split before and after every unescaped delimiter. */
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

/** A cursor over the tokens, with Values.Parser's lookahead semantics. */
class Tokens {
  readonly tokens: string[];
  index = 0;
  constructor(readonly original: string) {
    this.tokens = tokenize(original);
  }
  hasNext(): boolean {
    return this.index < this.tokens.length;
  }
  next(): string {
    return this.tokens[this.index++]!;
  }
  /** The next n tokens joined, or undefined (position kept) when fewer remain. */
  nextN(n: number): string | undefined {
    if (this.index + n > this.tokens.length) return undefined;
    const joined = this.tokens.slice(this.index, this.index + n).join('');
    this.index += n;
    return joined;
  }
  /** Whether the next token (skipping whitespace-only ones but the last) trims to expected; consumes it if so. */
  canConsume(expected: string): boolean {
    if (!this.hasNext()) return false;
    while (javaTrim(this.tokens[this.index]!) === '' && this.index + 1 < this.tokens.length) this.index++;
    if (javaTrim(this.tokens[this.index]!) !== expected) return false;
    this.index++;
    return true;
  }
}

/** Kafka's Values.parseString. */
export function parseString(text: string): SchemaAndValue {
  if (text === '') return { schema: STRING_SCHEMA, value: text };
  return parse(new Tokens(text), false) ?? { schema: null, value: null };
}

function singleTokenLiteral(tokens: Tokens, embedded: boolean, literal: string): boolean {
  const start = tokens.index;
  if (tokens.canConsume(literal) && (embedded || !tokens.hasNext())) return true;
  tokens.index = start;
  return false;
}

function parse(tokens: Tokens, embedded: boolean): Parsed {
  if (!tokens.hasNext()) return null;
  if (embedded && tokens.canConsume('"')) {
    let content = '';
    while (tokens.hasNext() && !tokens.canConsume('"')) content += tokens.next();
    const parsed = content === '' ? null : parse(new Tokens(content), false);
    if (parsed !== null && parsed.schema?.name !== undefined && TEMPORAL_NAMES.has(parsed.schema.name)) return parsed;
    return { schema: STRING_SCHEMA, value: content };
  }
  if (singleTokenLiteral(tokens, embedded, 'null')) return null;
  if (singleTokenLiteral(tokens, embedded, 'true')) return { schema: BOOLEAN_SCHEMA, value: true };
  if (singleTokenLiteral(tokens, embedded, 'false')) return { schema: BOOLEAN_SCHEMA, value: false };

  const start = tokens.index;
  try {
    if (tokens.canConsume('[')) return parseArray(tokens);
    if (tokens.canConsume('{')) return parseMap(tokens);
  } catch (e) {
    if (!(e instanceof DataException)) throw e;
    tokens.index = start; // not an array or map after all
  }

  const raw = tokens.next();
  if (javaTrim(raw) === '') return { schema: STRING_SCHEMA, value: raw };
  const token = javaTrim(raw);
  const first = token[0]!;
  const digit = first >= '0' && first <= '9';
  if (digit) {
    // Times and timestamps span five tokens, split at their colons.
    const position = tokens.index;
    const remainder = tokens.nextN(4);
    const temporal = (remainder !== undefined ? parseTemporal(token + remainder) : undefined) ?? (tokens.index = position, parseTemporal(token));
    if (temporal !== undefined) return temporal;
  }
  if (digit || first === '+' || first === '-') {
    const number = parseNumber(token);
    if (number !== undefined) return number;
  }
  if (embedded) throw new DataException('Failed to parse embedded value');
  return { schema: STRING_SCHEMA, value: tokens.original };
}

function parseArray(tokens: Tokens): SchemaAndValue {
  const elements: Parsed[] = [];
  let elementSchema: Schema | null = null;
  while (tokens.hasNext()) {
    if (tokens.canConsume(']')) {
      // No element schema (Kafka's arrayOfNull): the data model has no such ARRAY schema, so no schema.
      if (elementSchema === null) return { schema: null, value: elements.map((e) => e?.value ?? null) };
      const target = elementSchema;
      return { schema: SchemaBuilder.array(target).build(), value: elements.map((e) => align(target, e)) };
    }
    if (tokens.canConsume(',')) throw new DataException(`Unable to parse an empty array element: ${tokens.original}`);
    const element = parse(tokens, true);
    elementSchema = commonSchemaFor(elementSchema, element);
    elements.push(element);
    const position = tokens.index;
    if (tokens.canConsume(']')) tokens.index = position;
    else if (!tokens.canConsume(',')) throw new DataException("Array elements missing ',' delimiter");
  }
  throw new DataException(`Array is missing terminating ']': ${tokens.original}`);
}

function parseMap(tokens: Tokens): SchemaAndValue {
  const entries: Array<[SchemaAndValue, Parsed]> = [];
  let keySchema: Schema | null = null;
  let valueSchema: Schema | null = null;
  while (tokens.hasNext()) {
    if (tokens.canConsume('}')) {
      const keys = keySchema;
      const values = valueSchema;
      const result = new Map<unknown, unknown>();
      for (const [key, value] of entries) {
        const k = keys === null ? key.value : align(keys, key);
        result.set(k, keys !== null && values !== null ? align(values, value) : (value?.value ?? null));
      }
      // Without a key or value schema (Kafka's mapOfNull, mapWithNullValues) there is no MAP schema in
      // the data model, so no schema.
      return { schema: keys !== null && values !== null ? SchemaBuilder.map(keys, values).build() : null, value: result };
    }
    if (tokens.canConsume(',')) throw new DataException(`Unable to parse a map entry with no key or value: ${tokens.original}`);
    const key = parse(tokens, true);
    if (key === null || key.value === null || key.value === undefined) throw new DataException(`Map entry may not have a null key: ${tokens.original}`);
    if (!tokens.canConsume(':')) throw new DataException(`Map entry is missing ':' in ${tokens.original}`);
    const value = parse(tokens, true);
    entries.push([key, value]);
    tokens.canConsume(',');
    keySchema = commonSchemaFor(keySchema, key);
    valueSchema = commonSchemaFor(valueSchema, value);
  }
  throw new DataException(`Map is missing terminating '}': ${tokens.original}`);
}

const NUMERIC_RANK: Record<string, number> = { INT8: 0, INT16: 1, INT32: 2, INT64: 3, FLOAT32: 4, FLOAT64: 5 };

/** Values.commonSchemaFor: numeric widening, else the same type, else none. */
function commonSchemaFor(previous: Schema | null, latest: Parsed): Schema | null {
  if (latest === null || latest.schema === null) return previous;
  if (previous === null) return latest.schema;
  const next = latest.schema;
  if (previous.type !== next.type) {
    const a = NUMERIC_RANK[previous.type];
    const b = NUMERIC_RANK[next.type];
    if (a === undefined || b === undefined) return null;
    return a >= b ? previous : next;
  }
  return previous.optional ? previous : next; // both required here: Kafka keeps the latest
}

const INT_BITS: Record<string, bigint> = { INT8: 8n, INT16: 16n, INT32: 32n, INT64: 64n };

/** Values.convertTo for the elements of a parsed container (see the module comment for limits). */
function align(target: Schema, element: Parsed): unknown {
  if (element === null) return null;
  const { schema, value } = element;
  if (schema === null || schema.type === target.type) return value;
  if (target.type === 'STRING') return convertToString(schema, value);
  const bits = INT_BITS[target.type];
  if (typeof value === 'number' || typeof value === 'bigint') {
    if (bits !== undefined) {
      // Java's longValue() then a narrowing cast.
      const long = typeof value === 'bigint' ? value : BigInt(Math.trunc(value));
      const narrowed = BigInt.asIntN(Number(bits), long);
      return bits === 64n ? int64Value(narrowed) : Number(narrowed);
    }
    if (target.type === 'FLOAT32') return Math.fround(Number(value));
    if (target.type === 'FLOAT64') return Number(value);
  }
  throw new DataException(`Unable to convert ${String(value)} to ${target.type}`);
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

/** Whole numbers within a long, as the narrowest integer type (BigDecimal's xxxValueExact). */
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
