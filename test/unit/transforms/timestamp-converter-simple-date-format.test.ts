// The SimpleDateFormat subset TimestampConverter and TimestampRouter use
// (src/transforms/simple-date-format.ts). Expectations from the JDK's java.text.SimpleDateFormat
// (pattern compilation, zeroPaddingNumber widths, subParse with abutting fields, lenient
// GregorianCalendar, the 80/20 two-digit-year window, subParseNumericZone); the common cases are
// also checked against Kafka's TimestampConverter in builtins-b.golden.test.ts.

import { describe, expect, it } from 'vitest';
import { DateParseError, DatePatternError, SimpleDateFormat } from '../../../src/transforms/simple-date-format.js';

const AT = new Date(Date.UTC(2024, 1, 29, 13, 5, 9, 7));
const format = (pattern: string, date = AT): string => new SimpleDateFormat(pattern).format(date);
const parse = (pattern: string, text: string): string => new SimpleDateFormat(pattern).parse(text).toISOString();

describe('SimpleDateFormat.format', () => {
  it.each([
    ['yyyy-MM-dd HH:mm:ss.SSS', '2024-02-29 13:05:09.007'],
    ['yy y yyyyy', '24 2024 02024'],
    ['M MM MMM MMMM L', '2 02 Feb February 2'],
    ['d dd D DDDD F E EEEE u', '29 29 60 0060 5 Thu Thursday 4'],
    ['a h hh K k H', 'PM 1 01 1 13 13'],
    ['S SS SSS SSSSSS', '7 07 007 000007'],
    ['z zzzz Z X XX XXX G', 'UTC Coordinated Universal Time +0000 Z Z Z AD'],
    ["'T' 'o''clock' '' :-", "T o'clock ' :-"],
  ])('%s', (pattern, expected) => {
    expect(format(pattern)).toBe(expected);
  });

  it('writes midnight as 12 AM, k as 24', () => {
    expect(format('h a k K H', new Date(0))).toBe('12 AM 24 0 0');
  });

  it('writes years before 1 AD as years of the BC era', () => {
    expect(format('yyyy G', new Date(Date.UTC(-1, 0, 1)))).toBe('0002 BC');
  });
});

describe('SimpleDateFormat.parse', () => {
  it('reads numbers, text and zones', () => {
    expect(parse('yyyy-MM-dd HH:mm:ss.SSS', '2024-02-29 13:05:09.007')).toBe('2024-02-29T13:05:09.007Z');
    expect(parse('EEE, dd MMM yyyy HH:mm:ss z', 'Thu, 29 Feb 2024 13:05:09 GMT')).toBe('2024-02-29T13:05:09.000Z');
    expect(parse('dd MMMM yyyy hh:mm a Z', '29 february 2024 01:05 pm -0130')).toBe('2024-02-29T14:35:00.000Z');
    expect(parse('yyyy-MM-dd HH:mm z', '2024-02-29 13:05 GMT+01:00')).toBe('2024-02-29T12:05:00.000Z');
    expect(parse('yyyy-MM-dd HH:mm z', '2024-02-29 13:05 UTC')).toBe('2024-02-29T13:05:00.000Z');
    expect(parse("yyyy-MM-dd'T'HH:mmX", '2024-02-29T13:05+05')).toBe('2024-02-29T08:05:00.000Z');
    expect(parse("yyyy-MM-dd'T'HH:mmXX", '2024-02-29T13:05-0030')).toBe('2024-02-29T13:35:00.000Z');
    expect(parse("yyyy-MM-dd'T'HH:mmXXX", '2024-02-29T13:05Z')).toBe('2024-02-29T13:05:00.000Z');
  });

  it('takes exactly the width of a numeric field followed by another (yyyyMMdd)', () => {
    expect(parse('yyyyMMddHHmmss', '20240229130509')).toBe('2024-02-29T13:05:09.000Z');
  });

  it('is lenient: fields overflow into the next unit', () => {
    expect(parse('yyyy-MM-dd HH:mm', '2024-13-45 25:61')).toBe('2025-02-15T02:01:00.000Z');
    expect(parse('yyyy-MM-dd HH:mm:ss.SSSSSS', '2024-02-29 13:05:09.123456')).toBe('2024-02-29T13:07:12.456Z');
  });

  it('reads 24 with k and 12 with h as the start of the day', () => {
    expect(parse('yyyy-MM-dd k', '2024-02-29 24')).toBe('2024-02-29T00:00:00.000Z');
    expect(parse('yyyy-MM-dd hh a', '2024-02-29 12 AM')).toBe('2024-02-29T00:00:00.000Z');
    expect(parse('yyyy-MM-dd hh a', '2024-02-29 12 PM')).toBe('2024-02-29T12:00:00.000Z');
  });

  it('puts two-digit years within 80 years before and 20 after now', () => {
    const now = new Date().getUTCFullYear();
    const expectYear = (text: string, year: number) => expect(new SimpleDateFormat('yy').parse(text).getUTCFullYear()).toBe(year);
    const ahead = (now + 19) % 100;
    const behind = (now - 79 + 100) % 100;
    expectYear(String(ahead).padStart(2, '0'), now + 19);
    expectYear(String(behind).padStart(2, '0'), now - 79);
    expect(new SimpleDateFormat('yyyy').parse('0099').getUTCFullYear()).toBe(99);
    expect(new SimpleDateFormat('yy').parse('123').getUTCFullYear()).toBe(123);
  });

  it('skips spaces before a field and ignores text after the pattern', () => {
    expect(parse('yyyy-MM-dd', ' 2024-02-29 and more')).toBe('2024-02-29T00:00:00.000Z');
    expect(parse('D yyyy', '60 2024')).toBe('2024-02-29T00:00:00.000Z');
  });

  it("fails with Java's ParseException message", () => {
    for (const [pattern, text] of [
      ['yyyy-MM-dd', 'not a date'],
      ['yyyy-MM-dd', '2024/02/29'],
      ['yyyyMMdd', '202402'],
      ['HH:mm Z', '10:00 +5'],
      // Java also reads zone names here (PST is -08:00); we read only UTC and GMT (see the module comment).
      ['HH:mm Z', '10:00 PST'],
      ['HH:mm X', '10:00 +5'],
    ] as const) {
      const attempt = () => new SimpleDateFormat(pattern).parse(text);
      expect(attempt).toThrow(DateParseError);
      expect(attempt).toThrow(`Unparseable date: "${text}"`);
    }
  });
});

describe('SimpleDateFormat patterns', () => {
  it.each([
    ['yyyy qq', "Illegal pattern character 'q'"],
    ["yyyy 'T", 'Unterminated quote'],
    ['XXXX', 'invalid ISO 8601 format: length=4'],
    ['YYYY', "Pattern letter 'Y' (week year) is not supported by Polyconnect's SimpleDateFormat"],
    ['w', "Pattern letter 'w' (week in year) is not supported by Polyconnect's SimpleDateFormat"],
    ['W', "Pattern letter 'W' (week in month) is not supported by Polyconnect's SimpleDateFormat"],
  ])('refuses %s', (pattern, message) => {
    expect(() => new SimpleDateFormat(pattern)).toThrow(DatePatternError);
    expect(() => new SimpleDateFormat(pattern)).toThrow(message);
  });

  it('keeps the pattern as given', () => {
    expect(new SimpleDateFormat("yyyy 'x'").toPattern()).toBe("yyyy 'x'");
  });
});
