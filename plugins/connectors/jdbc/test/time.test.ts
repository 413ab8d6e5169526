// Dates and times with PostgreSQL's microseconds: parsing its ISO text, wall-clock times in
// db.timezone, and the parameters sent back, as java.sql.Timestamp holds them (millis + nanos).

import { describe, expect, it } from 'vitest';
import { Instant, formatDate, formatTime, formatTimestamp, parseDate, parseTime, parseTimestamp, POSITIVE_INFINITY_MILLIS } from '../src/time.js';

describe('timestamps', () => {
  it('keeps microseconds as Timestamp.getTime() and getNanos() do', () => {
    const instant = parseTimestamp('2024-01-01 10:00:00.123456');
    expect(instant.millis).toBe(Date.UTC(2024, 0, 1, 10, 0, 0, 123));
    expect(instant.nanos).toBe(123_456_000);
    expect(formatTimestamp(instant)).toBe('2024-01-01 10:00:00.123456+00:00');
  });

  it('reads offsets and wall-clock times in db.timezone', () => {
    expect(parseTimestamp('2024-06-01 12:00:00+02').millis).toBe(Date.UTC(2024, 5, 1, 10));
    expect(parseTimestamp('2024-06-01 12:00:00+05:30').millis).toBe(Date.UTC(2024, 5, 1, 6, 30));
    expect(parseTimestamp('2024-06-01 12:00:00', 'Europe/Paris').millis).toBe(Date.UTC(2024, 5, 1, 10));
    expect(parseTimestamp('2024-01-01 12:00:00', 'Europe/Paris').millis).toBe(Date.UTC(2024, 0, 1, 11));
    expect(formatTimestamp(Instant.fromMillis(Date.UTC(2024, 5, 1, 10)), 'Europe/Paris')).toBe('2024-06-01 12:00:00.000000+02:00');
  });

  it('handles dates before the epoch, BC and infinity', () => {
    const before = parseTimestamp('1969-12-31 23:59:59.5');
    expect([before.epochSecond, before.nanos, before.millis]).toEqual([-1, 500_000_000, -500]);
    expect(formatTimestamp(before)).toBe('1969-12-31 23:59:59.500000+00:00');
    expect(parseTimestamp('0044-03-15 00:00:00 BC').millis).toBe(Date.UTC(-43, 2, 15));
    expect(parseTimestamp('infinity').millis).toBe(POSITIVE_INFINITY_MILLIS);
  });

  it('subtracts the delay exactly', () => {
    const instant = parseTimestamp('2024-01-01 00:00:00.000100');
    expect(formatTimestamp(instant.minusMillis(1500))).toBe('2023-12-31 23:59:58.500100+00:00');
    expect(instant.minusMillis(0)).toBe(instant);
  });
});

describe('dates and times', () => {
  it('reads dates as UTC midnight and times as milliseconds of 1970-01-01', () => {
    expect(parseDate('2024-02-29').getTime()).toBe(Date.UTC(2024, 1, 29));
    const yearZero = new Date(0);
    yearZero.setUTCFullYear(0, 0, 1);
    expect(parseDate('0001-01-01 BC').getTime()).toBe(yearZero.getTime());
    expect(parseTime('07:30:00.123456').getTime()).toBe((7 * 3600 + 30 * 60) * 1000 + 123);
    expect(parseTime('07:30:00+02').getTime()).toBe(5.5 * 3600 * 1000);
  });

  it('formats Connect Date and Time values as parameters', () => {
    expect(formatDate(new Date(Date.UTC(2024, 1, 29)))).toBe('2024-02-29');
    expect(formatTime(new Date(45_296_789))).toBe('12:34:56.789');
  });
});
