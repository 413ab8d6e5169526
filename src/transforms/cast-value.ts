// The value rules of Cast (Kafka's Cast.castValueToType and its castTo* helpers): which types may
// be cast, how logical values are first encoded (Date/Time as int days/millis, Timestamp as long
// millis) and how each Java conversion behaves — Number.byteValue() and friends (two's-complement
// wrap for integers, saturation then wrap for floating point, truncation for decimals), Boolean to
// 1/0, String through Byte.parseByte … Double.parseDouble and Boolean.parseBoolean, and toString
// with Values' ISO date formats and Base64 for bytes.
//
// A number's Java class follows from its schema (FLOAT32 is a Float, INT16 a Short …); without a
// schema a whole number is a Long and any other a Double, as JsonConverter reads them.

import {
  BigDecimal,
  DATE_LOGICAL_NAME,
  DataException,
  DateSchema,
  TIME_LOGICAL_NAME,
  TIMESTAMP_LOGICAL_NAME,
  TimeSchema,
  type Schema,
  type SchemaType,
} from '../data/index.js';
import { decimalToFloat32, int64Value, javaDoubleToString, javaNumberText } from '../converters/java-number.js';
import { convertToString } from '../converters/simple-header-converter.js';
import { javaClass } from './java-values.js';
import { schemalessType } from './smt-support.js';

export type CastType = 'INT8' | 'INT16' | 'INT32' | 'INT64' | 'FLOAT32' | 'FLOAT64' | 'BOOLEAN' | 'STRING';

export const SUPPORTED_CAST_INPUT_TYPES: readonly SchemaType[] = ['INT8', 'INT16', 'INT32', 'INT64', 'FLOAT32', 'FLOAT64', 'BOOLEAN', 'STRING', 'BYTES'];
export const SUPPORTED_CAST_OUTPUT_TYPES: readonly CastType[] = ['INT8', 'INT16', 'INT32', 'INT64', 'FLOAT32', 'FLOAT64', 'BOOLEAN', 'STRING'];

/** Thrown by the Java parse methods (Kafka turns it into "… was out of range …"). */
class NumberFormatError extends Error {}

/** A number as Java holds it: an integral type, a float/double, or a BigDecimal. */
type JavaNumber = { kind: 'integral'; value: bigint } | { kind: 'floating'; value: number } | { kind: 'decimal'; value: BigDecimal };

/** Kafka's Cast.castValueToType: `value` (of `schema`, or schemaless when null) cast to `target`. */
export function castValueToType(schema: Schema | null, value: unknown, target: CastType): unknown {
  if (value === null || value === undefined) return null;
  const inferred = schema === null ? schemalessType(value) : schema.type;
  if (inferred === undefined) {
    throw new DataException(`Cast transformation was passed a value of type ${javaClass(value)} which is not supported by Connect's data API`);
  }
  if (!SUPPORTED_CAST_INPUT_TYPES.includes(inferred)) {
    throw new DataException(`Cast transformation does not support casting from ${inferred}; supported types are [${SUPPORTED_CAST_INPUT_TYPES.join(', ')}]`);
  }
  let source: unknown = value;
  let sourceType: SchemaType | undefined = schema?.type;
  if (schema !== null && schema.name !== undefined && target !== 'STRING') {
    [source, sourceType] = encodeLogical(schema, value);
  }
  try {
    return castTo(target, source, sourceType);
  } catch (error) {
    if (error instanceof NumberFormatError) throw new DataException(`Value (${String(source)}) was out of range for requested data type`, { cause: error });
    throw error;
  }
}

/** Date and Time become their int encoding, Timestamp its long one; other values are unchanged. */
function encodeLogical(schema: Schema, value: unknown): [unknown, SchemaType] {
  switch (schema.name) {
    case DATE_LOGICAL_NAME:
      return [DateSchema.toDays(value as Date), 'INT32'];
    case TIME_LOGICAL_NAME:
      return [TimeSchema.toMillisOfDay(value as Date), 'INT32'];
    case TIMESTAMP_LOGICAL_NAME:
      return [(value as Date).getTime(), 'INT64'];
    default:
      return [value, schema.type];
  }
}

function castTo(target: CastType, value: unknown, sourceType: SchemaType | undefined): unknown {
  if (target === 'STRING') return castToString(value, sourceType);
  if (typeof value === 'string') return parse(target, value);
  if (typeof value === 'boolean') {
    if (target === 'BOOLEAN') return value;
    return value ? 1 : 0;
  }
  const number = javaNumber(value, sourceType);
  if (number === undefined) throw new DataException(`Unexpected type in Cast transformation: ${javaClass(value)}`);
  switch (target) {
    case 'INT8':
      return Number(BigInt.asIntN(8, intValue(number)));
    case 'INT16':
      return Number(BigInt.asIntN(16, intValue(number)));
    case 'INT32':
      return Number(intValue(number));
    case 'INT64':
      return int64Value(longValue(number));
    case 'FLOAT32':
      return floatValue(number);
    case 'FLOAT64':
      return doubleValue(number);
    case 'BOOLEAN':
      return longValue(number) !== 0n;
  }
}

function javaNumber(value: unknown, sourceType: SchemaType | undefined): JavaNumber | undefined {
  if (value instanceof BigDecimal) return { kind: 'decimal', value };
  if (typeof value === 'bigint') return { kind: 'integral', value };
  if (typeof value !== 'number') return undefined;
  const floating = sourceType === 'FLOAT32' || sourceType === 'FLOAT64' || (sourceType === undefined && schemalessType(value) === 'FLOAT64');
  if (floating || !Number.isInteger(value)) return { kind: 'floating', value };
  return { kind: 'integral', value: BigInt(value) };
}

const INT_MIN = -(2n ** 31n);
const INT_MAX = 2n ** 31n - 1n;
const LONG_MIN = -(2n ** 63n);
const LONG_MAX = 2n ** 63n - 1n;

/** Number.intValue(): low 32 bits of an integer or of a decimal's integer part; a saturated double. */
function intValue(number: JavaNumber): bigint {
  switch (number.kind) {
    case 'integral':
      return BigInt.asIntN(32, number.value);
    case 'decimal':
      return BigInt.asIntN(32, integerPart(number.value));
    case 'floating':
      return saturate(number.value, INT_MIN, INT_MAX);
  }
}

/** Number.longValue(), as intValue with 64 bits. */
function longValue(number: JavaNumber): bigint {
  switch (number.kind) {
    case 'integral':
      return BigInt.asIntN(64, number.value);
    case 'decimal':
      return BigInt.asIntN(64, integerPart(number.value));
    case 'floating':
      return saturate(number.value, LONG_MIN, LONG_MAX);
  }
}

function floatValue(number: JavaNumber): number {
  switch (number.kind) {
    case 'integral':
      return decimalToFloat32(new BigDecimal(number.value, 0));
    case 'decimal':
      return decimalToFloat32(number.value);
    case 'floating':
      return Math.fround(number.value);
  }
}

function doubleValue(number: JavaNumber): number {
  switch (number.kind) {
    case 'integral':
      return Number(number.value);
    case 'decimal':
      return Number(number.value.toString());
    case 'floating':
      return number.value;
  }
}

/** Java's narrowing of a double to int or long: NaN is 0, out-of-range values saturate, the rest truncate. */
function saturate(value: number, min: bigint, max: bigint): bigint {
  if (Number.isNaN(value)) return 0n;
  if (value >= Number(max)) return max;
  if (value <= Number(min)) return min;
  return BigInt(Math.trunc(value));
}

/** BigDecimal.toBigInteger(): the integer part, truncated toward zero. */
function integerPart(decimal: BigDecimal): bigint {
  if (decimal.scale <= 0) return decimal.unscaled * 10n ** BigInt(-decimal.scale);
  return decimal.unscaled / 10n ** BigInt(decimal.scale);
}

/** Cast.castToString: Values' ISO formats for dates, Base64 for bytes, Java's toString otherwise. */
function castToString(value: unknown, sourceType: SchemaType | undefined): string {
  if (value instanceof Date) return convertToString(null, value);
  if (value instanceof Uint8Array) return Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64');
  if (typeof value === 'number' && sourceType === undefined) return schemalessType(value) === 'INT64' ? String(value) : javaDoubleToString(value);
  if (typeof value === 'number' || typeof value === 'bigint') return javaNumberText(sourceType, value);
  return String(value);
}

/** The Java parse method for the target type (Byte.parseByte … Boolean.parseBoolean). */
function parse(target: Exclude<CastType, 'STRING'>, text: string): unknown {
  switch (target) {
    case 'INT8':
      return Number(parseInteger(text, -128n, 127n));
    case 'INT16':
      return Number(parseInteger(text, -32768n, 32767n));
    case 'INT32':
      return Number(parseInteger(text, INT_MIN, INT_MAX));
    case 'INT64':
      return int64Value(parseInteger(text, LONG_MIN, LONG_MAX));
    case 'FLOAT32':
      return parseFloating(text, true);
    case 'FLOAT64':
      return parseFloating(text, false);
    case 'BOOLEAN':
      return text.toLowerCase() === 'true';
  }
}

/** Integer.parseInt / Long.parseLong grammar: an optional sign and decimal digits, nothing else. */
function parseInteger(text: string, min: bigint, max: bigint): bigint {
  if (!/^[+-]?\d+$/.test(text)) throw new NumberFormatError(`For input string: "${text}"`);
  const value = BigInt(text);
  if (value < min || value > max) throw new NumberFormatError(`Value out of range. Value:"${text}" Radix:10`);
  return value;
}

const DECIMAL_FLOAT = /^([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)[fFdD]?$/;
const HEX_FLOAT = /^([+-]?)0[xX]([0-9a-fA-F]*)\.?([0-9a-fA-F]*)[pP]([+-]?\d+)[fFdD]?$/;

/**
 * Float.parseFloat / Double.parseDouble: surrounding whitespace and control characters ignored,
 * NaN, Infinity, decimal and hexadecimal forms, an optional f/F/d/D suffix. A decimal is rounded
 * to float directly (as Java does), not through a double.
 */
function parseFloating(raw: string, float32: boolean): number {
  const text = raw.replace(/^[\x00-\x20]+|[\x00-\x20]+$/g, '');
  const special = /^([+-]?)(NaN|Infinity)$/.exec(text);
  if (special !== null) return special[2] === 'NaN' ? Number.NaN : special[1] === '-' ? -Infinity : Infinity;
  const decimal = DECIMAL_FLOAT.exec(text);
  if (decimal !== null) {
    if (!float32) return Number(decimal[1]);
    const float = decimalToFloat32(BigDecimal.parse(decimal[1]!));
    return float === 0 && decimal[1]!.startsWith('-') ? -0 : float;
  }
  const hex = HEX_FLOAT.exec(text);
  if (hex !== null && (hex[2] !== '' || hex[3] !== '')) {
    const mantissa = BigInt(`0x${hex[2]!}${hex[3]!}`);
    const double = Number(mantissa) * 2 ** (Number(hex[4]) - 4 * hex[3]!.length);
    const signed = hex[1] === '-' ? -double : double;
    return float32 ? Math.fround(signed) : signed;
  }
  throw new NumberFormatError(text === '' ? 'empty String' : `For input string: "${raw}"`);
}
