// BigDecimal: an arbitrary-precision decimal (unscaled integer and scale), the value of Connect's
// Decimal logical type, with Java BigDecimal's text forms and BigInteger's two's-complement bytes.

import { DataException } from './errors.js';

const DECIMAL_TEXT = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

export class BigDecimal {
  /** value = unscaled × 10^(−scale) */
  constructor(
    readonly unscaled: bigint,
    readonly scale: number,
  ) {
    if (!Number.isInteger(scale)) throw new DataException(`BigDecimal scale must be an integer, got ${scale}`);
  }

  /** Parses decimal text such as "1.56", "-0.001", "1E+3" or "12.5e-2", keeping the written scale. */
  static parse(text: string): BigDecimal {
    const match = DECIMAL_TEXT.exec(text.trim());
    const [, sign = '', whole = '', fraction = '', exponent = '0'] = match ?? [];
    if (match === null || (whole === '' && fraction === '')) throw new DataException(`Not a decimal number: "${text}"`);
    const unscaled = BigInt(`${sign}${whole}${fraction}` === sign ? '0' : `${sign}${whole || '0'}${fraction}`);
    return new BigDecimal(unscaled, fraction.length - Number(exponent));
  }

  /** Builds the decimal whose unscaled value is the two's-complement big-endian integer in `bytes`. */
  static fromUnscaledBytes(bytes: Uint8Array, scale: number): BigDecimal {
    if (bytes.length === 0) throw new DataException('Decimal bytes may not be empty');
    let value = 0n;
    for (const byte of bytes) value = (value << 8n) | BigInt(byte);
    if ((bytes[0]! & 0x80) !== 0) value -= 1n << BigInt(bytes.length * 8);
    return new BigDecimal(value, scale);
  }

  /** The unscaled value as minimal two's-complement big-endian bytes (Java BigInteger.toByteArray). */
  unscaledBytes(): Buffer {
    let value = this.unscaled;
    const bytes: number[] = [];
    for (;;) {
      const byte = Number(value & 0xffn);
      bytes.unshift(byte);
      value >>= 8n; // arithmetic shift keeps the sign
      const signBitSet = (byte & 0x80) !== 0;
      if ((value === 0n && !signBitSet) || (value === -1n && signBitSet)) break;
    }
    return Buffer.from(bytes);
  }

  /** This value with another scale; throws when that would lose digits (Java's RoundingMode.UNNECESSARY). */
  withScale(scale: number): BigDecimal {
    if (scale === this.scale) return this;
    if (scale > this.scale) return new BigDecimal(this.unscaled * 10n ** BigInt(scale - this.scale), scale);
    const divisor = 10n ** BigInt(this.scale - scale);
    if (this.unscaled % divisor !== 0n) throw new DataException(`Cannot rescale ${this.toString()} to scale ${scale} without rounding`);
    return new BigDecimal(this.unscaled / divisor, scale);
  }

  /** Text without an exponent (Java's toPlainString). */
  toPlainString(): string {
    const negative = this.unscaled < 0n;
    const digits = (negative ? -this.unscaled : this.unscaled).toString();
    let text: string;
    if (this.scale <= 0) {
      text = this.unscaled === 0n ? '0' : digits + '0'.repeat(-this.scale);
    } else {
      const padded = digits.padStart(this.scale + 1, '0');
      text = `${padded.slice(0, -this.scale)}.${padded.slice(-this.scale)}`;
    }
    return negative ? `-${text}` : text;
  }

  /** Java's BigDecimal.toString: plain unless the scale is negative or the value is very small. */
  toString(): string {
    const negative = this.unscaled < 0n;
    const digits = (negative ? -this.unscaled : this.unscaled).toString();
    const adjustedExponent = -this.scale + (digits.length - 1);
    if (this.scale >= 0 && adjustedExponent >= -6) return this.toPlainString();
    const mantissa = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    const exponent = adjustedExponent >= 0 ? `+${adjustedExponent}` : `${adjustedExponent}`;
    return `${negative ? '-' : ''}${mantissa}E${exponent}`;
  }

  toNumber(): number {
    return Number(this.toString());
  }

  /** Equal in value and scale, as Java's BigDecimal.equals. */
  equals(other: unknown): boolean {
    return other instanceof BigDecimal && other.unscaled === this.unscaled && other.scale === this.scale;
  }
}
