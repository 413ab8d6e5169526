// The JSON tree the JsonConverter works on, after Jackson's JsonNode: null, booleans, strings,
// numbers that remember how Java would hold them (int/long/BigInteger, BigDecimal, float, double),
// binary (written as Base64), arrays, and objects as insertion-ordered Maps (so that keys such as
// "2" or "__proto__" keep their place). The accessors follow Jackson's lenient rules, because
// Kafka's JsonConverter relies on them: intValue() of a string is 0, textValue() of a number is
// null, and so on.

import { BigDecimal } from '../data/index.js';
import { decimalToFloat32, toInt32, toInt64 } from './java-number.js';

export type JsonNode = null | boolean | string | JsonNumber | JsonBinary | JsonNode[] | JsonObject;
export type JsonObject = Map<string, JsonNode>;

/** Jackson's MissingNode: what an empty (or blank) document parses to. */
export const MISSING_NODE: unique symbol = Symbol('MissingNode');
export type JsonDocument = JsonNode | typeof MISSING_NODE;

/** Jackson's JsonNodeType names, as they appear in Kafka's messages ("…but found ARRAY"). */
export type JsonNodeType = 'NULL' | 'BOOLEAN' | 'NUMBER' | 'STRING' | 'BINARY' | 'ARRAY' | 'OBJECT' | 'MISSING';

/** Bytes held in the tree (Jackson's BinaryNode); written as a Base64 string. */
export class JsonBinary {
  constructor(readonly bytes: Uint8Array) {}
}

type NumberKind = 'integer' | 'decimal' | 'float' | 'double';

/**
 * A JSON number. Parsed numbers are integers (Jackson's IntNode, LongNode or BigIntegerNode) or
 * exact decimals (DecimalNode, as Kafka reads floating-point text as BigDecimal); numbers built
 * for writing may also be a Java float or double, which decides their text form.
 */
export class JsonNumber {
  private constructor(
    readonly kind: NumberKind,
    readonly integer: bigint,
    readonly decimal: BigDecimal | undefined,
    readonly floating: number,
  ) {}

  static integer(value: bigint | number): JsonNumber {
    return new JsonNumber('integer', BigInt(value), undefined, Number.NaN);
  }
  static decimal(value: BigDecimal): JsonNumber {
    return new JsonNumber('decimal', 0n, value, Number.NaN);
  }
  static float(value: number): JsonNumber {
    return new JsonNumber('float', 0n, undefined, Math.fround(value));
  }
  static double(value: number): JsonNumber {
    return new JsonNumber('double', 0n, undefined, value);
  }

  /** Jackson's isInt(): an integer that fits in 32 bits (an IntNode). */
  isInt(): boolean {
    return this.kind === 'integer' && this.integer >= -(2n ** 31n) && this.integer < 2n ** 31n;
  }

  /** Jackson's isIntegralNumber(): int, long or BigInteger. */
  isIntegral(): boolean {
    return this.kind === 'integer';
  }

  /** Jackson's intValue(): the Java (int) cast of the truncated value. */
  intValue(): number {
    return toInt32(this.#truncated());
  }

  /** Jackson's longValue(): the Java (long) cast of the truncated value, as an INT64 value. */
  longValue(): number | bigint {
    return toInt64(this.#truncated());
  }

  doubleValue(): number {
    if (this.kind === 'integer') return Number(this.integer);
    if (this.kind === 'decimal') return Number(this.decimal!.toString());
    return this.floating;
  }

  floatValue(): number {
    if (this.kind === 'integer') return decimalToFloat32(new BigDecimal(this.integer, 0));
    if (this.kind === 'decimal') return decimalToFloat32(this.decimal!);
    return Math.fround(this.floating);
  }

  /** Jackson's decimalValue(): integers with scale 0, decimals exactly as written. */
  decimalValue(): BigDecimal {
    if (this.kind === 'integer') return new BigDecimal(this.integer, 0);
    if (this.kind === 'decimal') return this.decimal!;
    return BigDecimal.parse(String(this.floating));
  }

  #truncated(): bigint {
    if (this.kind === 'integer') return this.integer;
    const decimal = this.kind === 'decimal' ? this.decimal! : Number.isFinite(this.floating) ? BigDecimal.parse(String(this.floating)) : new BigDecimal(0n, 0);
    return decimal.scale >= 0 ? decimal.unscaled / 10n ** BigInt(decimal.scale) : decimal.unscaled * 10n ** BigInt(-decimal.scale);
  }
}

export function nodeType(node: JsonDocument | undefined): JsonNodeType {
  if (node === undefined || node === MISSING_NODE) return 'MISSING';
  if (node === null) return 'NULL';
  if (typeof node === 'boolean') return 'BOOLEAN';
  if (typeof node === 'string') return 'STRING';
  if (node instanceof JsonNumber) return 'NUMBER';
  if (node instanceof JsonBinary) return 'BINARY';
  if (Array.isArray(node)) return 'ARRAY';
  return 'OBJECT';
}

export function isObjectNode(node: JsonDocument | undefined): node is JsonObject {
  return node instanceof Map;
}

/** Jackson's booleanValue(): false for anything but a boolean. */
export function booleanValue(node: JsonNode): boolean {
  return node === true;
}

/** Jackson's textValue(): the string of a text node, null for every other node. */
export function textValue(node: JsonNode): string | null {
  return typeof node === 'string' ? node : null;
}

/** Jackson's intValue()/longValue()/floatValue()/doubleValue(): 0 for non-numbers. */
export function numberOf(node: JsonNode): JsonNumber {
  return node instanceof JsonNumber ? node : ZERO;
}
const ZERO = JsonNumber.integer(0);

/** Jackson's iteration over a node: array elements, object values, nothing for scalars. */
export function childrenOf(node: JsonNode): JsonNode[] {
  if (Array.isArray(node)) return node;
  if (node instanceof Map) return [...node.values()];
  return [];
}
