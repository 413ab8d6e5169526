// The Java/Jackson text layer under JsonConverter: number text, string escaping, the reader.
// Expectations marked "golden" come from test/golden/json-converter/java-numbers.json, written by
// Java's Double.toString/Float.toString through tools/golden/.../JsonGoldens.java (Kafka 4.1.2's
// JVM, JDK 17); the others restate Jackson 2.19 behaviour observed through Kafka's JsonConverter
// while writing tools/golden (see the comments on each).

import { describe, expect, it } from 'vitest';
import { BigDecimal } from '../../../src/data/index.js';
import { decodeBase64, jsonText, parseJson, quote, writeJson, JsonParseError } from '../../../src/converters/java-json.js';
import { decimalToFloat32, javaDoubleToString, javaFloatToString } from '../../../src/converters/java-number.js';
import { JsonNumber, MISSING_NODE } from '../../../src/converters/json-node.js';
import { readGoldenJson } from './golden-support.js';

/** [type, IEEE-754 bits in hex, Java's text] */
type NumberRow = readonly ['double' | 'float', string, string];

function valueOf([type, bits]: NumberRow): number {
  const view = new DataView(new ArrayBuffer(8));
  if (type === 'double') {
    view.setBigUint64(0, BigInt(`0x${bits}`));
    return view.getFloat64(0);
  }
  view.setUint32(0, Number.parseInt(bits, 16));
  return view.getFloat32(0);
}

describe('Java number text (golden: Double.toString / Float.toString on JDK 17)', () => {
  const rows = readGoldenJson<{ values: NumberRow[] }>('json-converter/java-numbers.json').values;

  it('matches Java for every value, except JDK 17’s known non-shortest forms', () => {
    const divergences: string[] = [];
    for (const row of rows) {
      const [type, , text] = row;
      const value = valueOf(row);
      const ours = type === 'double' ? javaDoubleToString(value) : javaFloatToString(value);
      if (ours === text) continue;
      divergences.push(`${type} ${text} ours ${ours}`);
      // JDK 17's FloatingDecimal (JDK-4511638, fixed in JDK 19) may print more digits or a
      // neighbouring decimal; both texts must still denote the same value and ours be no longer.
      const read = (t: string): number => (type === 'double' ? Number(t) : Math.fround(Number(t)));
      expect(read(text), text).toBe(value);
      expect(read(ours), ours).toBe(value);
      expect(ours.replace(/E.*$/, '').length).toBeLessThanOrEqual(text.replace(/E.*$/, '').length);
    }
    expect(rows.length).toBeGreaterThan(1000);
    expect(divergences.length, divergences.join('\n')).toBeLessThan(rows.length / 20);
  });

  it('lays numbers out as Java does (golden values)', () => {
    expect(javaDoubleToString(1)).toBe('1.0');
    expect(javaDoubleToString(1e7)).toBe('1.0E7');
    expect(javaDoubleToString(9999999)).toBe('9999999.0');
    expect(javaDoubleToString(0.001)).toBe('0.001');
    expect(javaDoubleToString(1e-4)).toBe('1.0E-4');
    expect(javaDoubleToString(-0)).toBe('-0.0');
    expect(javaDoubleToString(Number.MIN_VALUE)).toBe('4.9E-324');
    expect(javaDoubleToString(Number.MAX_VALUE)).toBe('1.7976931348623157E308');
    expect(javaFloatToString(3.14)).toBe('3.14');
    expect(javaFloatToString(1.401298464324817e-45)).toBe('1.4E-45');
    expect(javaFloatToString(3.4028234663852886e38)).toBe('3.4028235E38');
  });

  it('rounds exact decimals to float32 directly, not through a double', () => {
    // Just above 1 + 2^-24, the midpoint between the floats 1 and 1 + 2^-23: as a double it becomes
    // the midpoint itself, which would round (half to even) down to 1; Java's BigDecimal.floatValue rounds up.
    const text = '1.00000005960464477539062500001';
    expect(Math.fround(Number(text))).toBe(1);
    expect(decimalToFloat32(BigDecimal.parse(text))).toBe(1 + 2 ** -23);
    expect(decimalToFloat32(BigDecimal.parse('1.000000059604644775390625'))).toBe(1);
    expect(decimalToFloat32(BigDecimal.parse('0.1'))).toBe(Math.fround(0.1));
  });
});

describe('Jackson string escaping (as Kafka 4.1.2 writes it; see the all-types golden bytes)', () => {
  it('escapes quotes, backslashes and control characters, with Jackson’s short forms', () => {
    expect(quote('a"b\\c')).toBe('"a\\"b\\\\c"');
    expect(quote('\b\t\n\f\r')).toBe('"\\b\\t\\n\\f\\r"');
    expect(quote('\u0000\u001f')).toBe('"\\u0000\\u001F"');
  });

  it('writes non-ASCII raw but every surrogate (so any emoji) as an upper-case \\u escape', () => {
    expect(quote('é日\u007f\u2028')).toBe('"é日\u007f\u2028"');
    expect(quote('😀')).toBe('"\\uD83D\\uDE00"');
    expect(quote('\ud800x')).toBe('"\\uD800x"');
  });

  it('writes compact JSON with Java number forms and NaN as a string', () => {
    const tree = new Map<string, unknown>([
      ['a', [JsonNumber.double(1), JsonNumber.float(0.1), JsonNumber.integer(2n ** 63n - 1n), JsonNumber.decimal(new BigDecimal(1n, -3))]],
      ['b', JsonNumber.double(Number.NaN)],
    ]);
    expect(jsonText(tree as never)).toBe('{"a":[1.0,0.1,9223372036854775807,1E+3],"b":"NaN"}');
    expect(writeJson('é').equals(Buffer.from('"é"', 'utf8'))).toBe(true);
  });
});

describe('Jackson reading (as Kafka 4.1.2 reads; see the read-* and error-* golden cases)', () => {
  const parse = (text: string) => parseJson(Buffer.from(text, 'utf8'));

  it('keeps integers exact and other numbers as exact decimals', () => {
    const big = parse('123456789012345678901234567890') as JsonNumber;
    expect(big.integer).toBe(123456789012345678901234567890n);
    expect(big.isInt()).toBe(false);
    expect((parse('2147483647') as JsonNumber).isInt()).toBe(true);
    const decimal = parse('1.50') as JsonNumber;
    expect(decimal.decimalValue()).toEqual(new BigDecimal(150n, 2));
    expect((parse('1e2') as JsonNumber).isIntegral()).toBe(false);
  });

  it('accepts leading zeros, a UTF-8 BOM and anything after the root value', () => {
    expect((parse('007') as JsonNumber).integer).toBe(7n);
    expect(parse('\ufeff true')).toBe(true);
    expect(parse('[1] trailing')).toEqual([JsonNumber.integer(1)]);
    expect(parse('   ')).toBe(MISSING_NODE);
    expect(parse('{"a":1,"a":2}')).toEqual(new Map([['a', JsonNumber.integer(2)]]));
  });

  it('rejects what Jackson rejects', () => {
    for (const text of ['[1,]', '12a', '1.', '.5', '+1', 'truex', 'NaN', "'a'", '"a\tb"', '"\\q"', '{a:1}', '/*c*/1', '[' + '['.repeat(1000) + ']'.repeat(1001)]) {
      expect(() => parse(text), text).toThrow(JsonParseError);
    }
    expect(() => parseJson(Buffer.from([0x22, 0xc3, 0x22]))).toThrow(JsonParseError);
    expect(() => parse('1'.repeat(1001))).toThrow(/Number value length \(1001\)/);
  });

  it('decodes Base64 as Jackson does for text nodes: padding required', () => {
    expect(decodeBase64('AQI=')).toEqual(Buffer.from([1, 2]));
    expect(() => decodeBase64('AQI')).toThrow(JsonParseError);
    expect(() => decodeBase64('!!')).toThrow(JsonParseError);
  });
});
