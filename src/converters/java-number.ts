// Java's text forms and conversions of numbers, as the Java converters produce them: Double.toString
// and Float.toString (the shortest decimal that reads back to the same value, JDK 19+ rules), exact
// decimal → float32 rounding (BigDecimal.floatValue) and two's-complement narrowing (Java's (int)
// and (long) casts).
//
// JDK 17 and 18 use an older algorithm for Double.toString/Float.toString that, for a small share
// of values (about 1 in 400 random doubles, e.g. 2.0E23, which JDK 17 writes as
// 1.9999999999999998E23), prints one digit too many or a neighbouring 17-digit decimal. Both texts
// read back to the same double; Polyconnect writes the JDK 19+ form.

import { BigDecimal } from '../data/index.js';

/** Java's Double.toString(double), JDK 19+ (shortest decimal, at least two significant digits considered). */
export function javaDoubleToString(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return 'Infinity';
  if (value === -Infinity) return '-Infinity';
  if (value === 0) return Object.is(value, -0) ? '-0.0' : '0.0';
  const magnitude = Math.abs(value);
  let [digits, exponent] = decimalDigits(magnitude.toExponential());
  if (digits.length === 1) {
    // Java picks the closest decimal of length 1 or 2 (e.g. 4.9E-324 where JavaScript says 5e-324).
    [digits, exponent] = closestRoundTripping(magnitude, 2, (x) => x) ?? [digits, exponent];
  }
  return (value < 0 ? '-' : '') + javaLayout(digits, exponent);
}

/** Java's Float.toString(float) for a value that is a float32 (it is rounded to one first). */
export function javaFloatToString(value: number): string {
  const float = Math.fround(value);
  if (Number.isNaN(float)) return 'NaN';
  if (float === Infinity) return 'Infinity';
  if (float === -Infinity) return '-Infinity';
  if (float === 0) return Object.is(float, -0) ? '-0.0' : '0.0';
  const magnitude = Math.abs(float);
  for (let precision = 1; precision <= 9; precision++) {
    const best = closestRoundTripping(magnitude, precision, Math.fround);
    if (best === undefined) continue;
    let [digits, exponent] = best;
    if (precision === 1) {
      const two = closestRoundTripping(magnitude, 2, Math.fround);
      if (two !== undefined) [digits, exponent] = two;
    }
    return (float < 0 ? '-' : '') + javaLayout(digits, exponent);
  }
  throw new Error(`No float text found for ${value}`);
}

/**
 * The decimal of `precision` significant digits closest to `float` that reads back to it (through
 * `read`: Math.fround for float32, identity for doubles), ties to the even digit, as [digits
 * without trailing zeros, exponent of the first digit + 1]. The neighbours of toExponential's
 * answer are tried too, as V8 rounds subnormals imprecisely there.
 */
function closestRoundTripping(float: number, precision: number, read: (double: number) => number): [string, number] | undefined {
  const [nearest, exponent] = scaledDigits(float.toExponential(precision - 1));
  const power = exponent - precision + 1; // candidate = digits × 10^power
  const [mantissa, exponent2] = binaryParts(float);
  let best: { digits: bigint; distance: bigint } | undefined;
  for (const delta of [-1n, 0n, 1n]) {
    const digits = nearest + delta;
    if (digits <= 0n || read(Number(`${digits}e${power}`)) !== float) continue;
    // |digits × 10^power − mantissa × 2^exponent2|, both scaled to integers by the same factor.
    const candidate = digits * 10n ** BigInt(Math.max(power, 0)) * 2n ** BigInt(Math.max(-exponent2, 0));
    const exact = mantissa * 2n ** BigInt(Math.max(exponent2, 0)) * 10n ** BigInt(Math.max(-power, 0));
    const distance = candidate > exact ? candidate - exact : exact - candidate;
    if (best === undefined || distance < best.distance || (distance === best.distance && digits % 2n === 0n)) best = { digits, distance };
  }
  if (best === undefined) return undefined;
  const digits = best.digits.toString();
  // A neighbour may have gained or lost a digit (999 + 1 = 1000): the exponent follows the digit count.
  return [digits.replace(/0+$/, '') || '0', exponent + 1 + (digits.length - precision)];
}

/** "d.ddde±x" → [all digits as a bigint, exponent of the first digit]. */
function scaledDigits(exponential: string): [bigint, number] {
  const [mantissa = '', exponent = '0'] = exponential.split('e');
  return [BigInt(mantissa.replace('.', '')), Number(exponent)];
}

/** "d.ddde±x" → [significant digits without trailing zeros, exponent of the first digit + 1]. */
function decimalDigits(exponential: string): [string, number] {
  const [mantissa = '', exponent = '0'] = exponential.split('e');
  const digits = mantissa.replace('.', '').replace(/0+$/, '');
  return [digits === '' ? '0' : digits, Number(exponent) + 1];
}

/** Java's layout of digits d1d2… × 10^(exponent − 1): plain for 10^-3 ≤ |v| < 10^7, else d.dddE±x. */
function javaLayout(digits: string, exponent: number): string {
  if (exponent > 0 && exponent <= 7) {
    const whole = digits.slice(0, exponent).padEnd(exponent, '0');
    const fraction = digits.slice(exponent);
    return `${whole}.${fraction === '' ? '0' : fraction}`;
  }
  if (exponent <= 0 && exponent > -3) return `0.${'0'.repeat(-exponent)}${digits}`;
  return `${digits[0]}.${digits.length > 1 ? digits.slice(1) : '0'}E${exponent - 1}`;
}

/** The float32 closest to an exact decimal (Java's BigDecimal.floatValue, (float) of a long). */
export function decimalToFloat32(decimal: BigDecimal): number {
  const double = Number(decimal.toString());
  const float = Math.fround(double);
  if (float === double || !Number.isFinite(double)) return float;
  // Rounding to double first can land exactly on the midpoint between two floats; the exact
  // decimal then decides which way the float rounds.
  const other = nextFloatAwayFrom(float, double);
  if ((float + other) / 2 !== double) return float;
  const comparison = compareExact(decimal, double);
  if (comparison === 0) return float; // a true tie: Math.fround already rounded half to even
  const towardsZero = Math.abs(float) < Math.abs(other) ? float : other;
  const awayFromZero = towardsZero === float ? other : float;
  const beyondMidpoint = double > 0 ? comparison > 0 : comparison < 0;
  return beyondMidpoint ? awayFromZero : towardsZero;
}

function nextFloatAwayFrom(float: number, target: number): number {
  const view = new DataView(new ArrayBuffer(4));
  view.setFloat32(0, float);
  const bits = view.getUint32(0);
  const towardsTarget = target > float === float >= 0;
  view.setUint32(0, towardsTarget ? bits + 1 : bits - 1);
  return view.getFloat32(0);
}

/** Sign of (decimal − double), computed exactly. */
function compareExact(decimal: BigDecimal, double: number): number {
  const [mantissa, exponent2] = binaryParts(double);
  // decimal = u × 10^-s, double = m × 2^e; scale both to integers.
  let left = decimal.unscaled;
  let right = mantissa;
  if (decimal.scale > 0) right *= 10n ** BigInt(decimal.scale);
  else left *= 10n ** BigInt(-decimal.scale);
  if (exponent2 > 0) right <<= BigInt(exponent2);
  else left <<= BigInt(-exponent2);
  return left === right ? 0 : left > right ? 1 : -1;
}

/** A finite double as m × 2^e with an integer m. */
function binaryParts(double: number): [bigint, number] {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, double);
  const bits = view.getBigUint64(0);
  const negative = bits >> 63n === 1n;
  const biased = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & ((1n << 52n) - 1n);
  const mantissa = biased === 0 ? fraction : fraction | (1n << 52n);
  const exponent = (biased === 0 ? 1 : biased) - 1075;
  return [negative ? -mantissa : mantissa, exponent];
}

/** Java's (int) cast of an integer: its low 32 bits, two's complement. */
export function toInt32(value: bigint): number {
  return Number(BigInt.asIntN(32, value));
}

/** Java's (long) cast of an integer, as a number when safe and a bigint otherwise. */
export function toInt64(value: bigint): number | bigint {
  return int64Value(BigInt.asIntN(64, value));
}

/** An INT64 value in the data model's form: a number when within ±(2^53−1), else a bigint. */
export function int64Value(value: bigint): number | bigint {
  return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value;
}

/**
 * Java's Number.toString() of a Connect number, whose Java class follows from its schema type:
 * FLOAT32 a Float, FLOAT64 a Double, integer types a Byte/Short/Integer/Long. Without a schema a
 * JavaScript number that is an integer stands for an Integer or Long, any other for a Double.
 */
export function javaNumberText(type: string | undefined, value: number | bigint): string {
  if (typeof value === 'bigint') return value.toString();
  if (type === 'FLOAT32') return javaFloatToString(value);
  if (type === 'FLOAT64') return javaDoubleToString(value);
  if (type === undefined && (!Number.isInteger(value) || Object.is(value, -0))) return javaDoubleToString(value);
  return Number.isSafeInteger(value) ? String(value) : BigInt(value).toString();
}
