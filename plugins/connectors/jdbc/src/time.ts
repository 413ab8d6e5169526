// Date and time values as the JDBC connectors see them, with PostgreSQL's microseconds kept.
//
// An Instant is what java.sql.Timestamp holds: whole seconds since the epoch plus the nanoseconds
// of that second. Its `millis` is Timestamp.getTime() and `nanos` is Timestamp.getNanos(), the
// two numbers Confluent keeps in a timestamp offset ({"timestamp": ms, "timestamp_nanos": n}).
//
// Text comes from sessions with TimeZone=UTC and DateStyle=ISO (see connection.ts). Values of
// `timestamp` (without time zone) are wall-clock times, read in `db.timezone` as Confluent reads
// them through a Calendar of that zone (default UTC); `timestamptz` values carry their offset.
// Parameters go out as wall-clock text in db.timezone plus that zone's offset, which is what
// pgjdbc sends for setTimestamp(ts, calendar): a timestamptz column takes the exact instant, a
// timestamp column the wall-clock time. Dates before 1582 use the proleptic Gregorian calendar
// (Confluent's date.calendar.system=PROLEPTIC_GREGORIAN; its default LEGACY differs there only).

import { DataException } from '@polyconnect/sdk';

const MILLIS_PER_DAY = 86_400_000;
/** pgjdbc's stand-ins for 'infinity' and '-infinity' (PGStatement.DATE_POSITIVE_INFINITY and friends). */
export const POSITIVE_INFINITY_MILLIS = 9223372036825200000;
export const NEGATIVE_INFINITY_MILLIS = -9223372036832400000;

export class Instant {
  constructor(
    /** Whole seconds since the epoch (floor). */
    readonly epochSecond: number,
    /** Nanoseconds within that second, 0..999,999,999. */
    readonly nanos: number,
  ) {}

  static fromMillis(millis: number, nanos?: number): Instant {
    const second = Math.floor(millis / 1000);
    return new Instant(second, nanos ?? (millis - second * 1000) * 1_000_000);
  }

  /** Timestamp.getTime(): whole milliseconds (nanos below a millisecond are dropped). */
  get millis(): number {
    return this.epochSecond * 1000 + Math.floor(this.nanos / 1_000_000);
  }

  compare(other: Instant): number {
    if (this.epochSecond !== other.epochSecond) return this.epochSecond < other.epochSecond ? -1 : 1;
    return this.nanos === other.nanos ? 0 : this.nanos < other.nanos ? -1 : 1;
  }

  minusMillis(millis: number): Instant {
    if (millis === 0) return this;
    const totalNanos = this.nanos - (millis % 1000) * 1_000_000;
    const carry = Math.floor(totalNanos / 1_000_000_000);
    return new Instant(this.epochSecond - Math.trunc(millis / 1000) + carry, totalNanos - carry * 1_000_000_000);
  }

  toDate(): Date {
    return new Date(this.millis);
  }

  toString(): string {
    return formatTimestamp(this, 'UTC');
  }
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  nanos: number;
}

const TIMESTAMP_TEXT = /^(\d{4,})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(?:([+-])(\d{2})(?::?(\d{2}))?(?::?(\d{2}))?)?( BC)?$/;
const DATE_TEXT = /^(\d{4,})-(\d{2})-(\d{2})( BC)?$/;
const TIME_TEXT = /^(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(?:([+-])(\d{2})(?::?(\d{2}))?(?::?(\d{2}))?)?$/;

/** Days from 1970-01-01 of a proleptic Gregorian date (year 0 = 1 BC). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function civilFromDays(days: number): { year: number; month: number; day: number } {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

function fractionNanos(text: string | undefined): number {
  return text === undefined ? 0 : Number(text.padEnd(9, '0'));
}

function offsetSeconds(sign: string | undefined, hours: string | undefined, minutes: string | undefined, seconds: string | undefined): number | undefined {
  if (sign === undefined) return undefined;
  const total = Number(hours ?? 0) * 3600 + Number(minutes ?? 0) * 60 + Number(seconds ?? 0);
  return sign === '-' ? -total : total;
}

function wallToEpochSecond(wall: WallClock): number {
  return daysFromCivil(wall.year, wall.month, wall.day) * 86400 + wall.hour * 3600 + wall.minute * 60 + wall.second;
}

/**
 * A `timestamp` or `timestamptz` value in PostgreSQL's ISO text. Text without an offset is a
 * wall-clock time in `zone`. 'infinity' and '-infinity' become pgjdbc's stand-in instants.
 */
export function parseTimestamp(text: string, zone = 'UTC'): Instant {
  if (text === 'infinity') return Instant.fromMillis(POSITIVE_INFINITY_MILLIS);
  if (text === '-infinity') return Instant.fromMillis(NEGATIVE_INFINITY_MILLIS);
  const m = TIMESTAMP_TEXT.exec(text);
  if (m === null) throw new DataException(`Not a PostgreSQL timestamp: "${text}"`);
  let year = Number(m[1]);
  if (m[12] !== undefined) year = 1 - year;
  const wall: WallClock = { year, month: Number(m[2]), day: Number(m[3]), hour: Number(m[4]), minute: Number(m[5]), second: Number(m[6]), nanos: fractionNanos(m[7]) };
  const offset = offsetSeconds(m[8], m[9], m[10], m[11]);
  const local = wallToEpochSecond(wall);
  if (offset !== undefined) return new Instant(local - offset, wall.nanos);
  return new Instant(local - zoneOffsetSecondsForWall(local, zone), wall.nanos);
}

/** A `date` in ISO text: the Date at midnight UTC of that day (what Connect's Date logical type holds). */
export function parseDate(text: string): Date {
  if (text === 'infinity') return new Date(POSITIVE_INFINITY_MILLIS);
  if (text === '-infinity') return new Date(NEGATIVE_INFINITY_MILLIS);
  const m = DATE_TEXT.exec(text);
  if (m === null) throw new DataException(`Not a PostgreSQL date: "${text}"`);
  const year = m[4] === undefined ? Number(m[1]) : 1 - Number(m[1]);
  return new Date(daysFromCivil(year, Number(m[2]), Number(m[3])) * MILLIS_PER_DAY);
}

/**
 * A `time` or `timetz` in ISO text: a Date on 1970-01-01 UTC (Connect's Time), to the
 * millisecond. A time without offset is read in `zone`; with one it is moved to UTC.
 */
export function parseTime(text: string, zone = 'UTC'): Date {
  const m = TIME_TEXT.exec(text);
  if (m === null) throw new DataException(`Not a PostgreSQL time: "${text}"`);
  let seconds = Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]);
  const offset = offsetSeconds(m[5], m[6], m[7], m[8]);
  seconds -= offset ?? (zone === 'UTC' ? 0 : zoneOffsetSecondsForWall(seconds, zone));
  const millis = (((seconds * 1000 + Math.floor(fractionNanos(m[4]) / 1_000_000)) % MILLIS_PER_DAY) + MILLIS_PER_DAY) % MILLIS_PER_DAY;
  return new Date(millis);
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The zone's offset from UTC at an instant, in seconds. */
export function zoneOffsetSeconds(epochSecond: number, zone: string): number {
  if (zone === 'UTC' || zone === 'Z' || zone === 'GMT') return 0;
  let formatter = formatters.get(zone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric', era: 'short' });
    formatters.set(zone, formatter);
  }
  // Intl works on milliseconds within ±8.64e15; clamp far values to the edge of that range.
  const millis = Math.max(-8.64e15, Math.min(8.64e15, epochSecond * 1000));
  const parts = Object.fromEntries(formatter.formatToParts(new Date(millis)).map((p) => [p.type, p.value]));
  let year = Number(parts['year']);
  if (parts['era'] === 'BC' || parts['era'] === 'B') year = 1 - year;
  const local = daysFromCivil(year, Number(parts['month']), Number(parts['day'])) * 86400 + Number(parts['hour']) * 3600 + Number(parts['minute']) * 60 + Number(parts['second']);
  return local - Math.floor(millis / 1000);
}

/** The offset that applies to a wall-clock time in a zone (the earlier one in a fold). */
function zoneOffsetSecondsForWall(localEpochSecond: number, zone: string): number {
  if (zone === 'UTC' || zone === 'Z' || zone === 'GMT') return 0;
  let offset = zoneOffsetSeconds(localEpochSecond, zone);
  offset = zoneOffsetSeconds(localEpochSecond - offset, zone);
  return offset;
}

/** Throws ConfigException-friendly Error when the zone is unknown. */
export function checkZone(zone: string): void {
  if (zone === 'UTC' || zone === 'Z' || zone === 'GMT') return;
  new Intl.DateTimeFormat('en-US', { timeZone: zone });
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

function wallText(epochSecond: number): { date: string; time: string } {
  const days = Math.floor(epochSecond / 86400);
  const secondOfDay = epochSecond - days * 86400;
  const { year, month, day } = civilFromDays(days);
  const date = `${pad(year <= 0 ? 1 - year : year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
  const time = `${pad(Math.floor(secondOfDay / 3600), 2)}:${pad(Math.floor((secondOfDay % 3600) / 60), 2)}:${pad(secondOfDay % 60, 2)}`;
  return { date, time };
}

function offsetText(offset: number): string {
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${sign}${pad(Math.floor(abs / 3600), 2)}:${pad(Math.floor((abs % 3600) / 60), 2)}${abs % 60 === 0 ? '' : `:${pad(abs % 60, 2)}`}`;
}

/**
 * A parameter for a timestamp comparison or column: wall-clock time in `zone`, microseconds,
 * and the zone's offset, e.g. "2024-05-01 12:00:00.123456+00:00".
 */
export function formatTimestamp(instant: Instant, zone = 'UTC'): string {
  if (instant.millis >= POSITIVE_INFINITY_MILLIS) return 'infinity';
  if (instant.millis <= NEGATIVE_INFINITY_MILLIS) return '-infinity';
  const offset = zoneOffsetSeconds(instant.epochSecond, zone);
  const local = instant.epochSecond + offset;
  const { date, time } = wallText(local);
  const micros = Math.floor(instant.nanos / 1000);
  const bc = civilFromDays(Math.floor(local / 86400)).year <= 0;
  return `${date} ${time}.${pad(micros, 6)}${offsetText(offset)}${bc ? ' BC' : ''}`;
}

/** A Connect Date value as a `date` parameter, the day it falls on in `zone`. */
export function formatDate(value: Date, zone = 'UTC'): string {
  const epochSecond = Math.floor(value.getTime() / 1000);
  const local = epochSecond + zoneOffsetSeconds(epochSecond, zone);
  const { year } = civilFromDays(Math.floor(local / 86400));
  return `${wallText(local).date}${year <= 0 ? ' BC' : ''}`;
}

/** A Connect Time value as a `time` parameter (wall-clock time in `zone`), to the millisecond. */
export function formatTime(value: Date, zone = 'UTC'): string {
  const millis = value.getTime();
  const epochSecond = Math.floor(millis / 1000);
  const local = epochSecond + zoneOffsetSeconds(epochSecond, zone);
  return `${wallText(local).time}.${pad(((millis % 1000) + 1000) % 1000, 3)}`;
}
