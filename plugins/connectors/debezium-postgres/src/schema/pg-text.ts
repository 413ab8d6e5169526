// Parses PostgreSQL's text output of values, which is what pgoutput sends and what the snapshot
// reads (every connection sets DateStyle=ISO, IntervalStyle=postgres, TimeZone=UTC,
// extra_float_digits=3 and bytea_output=hex, so the forms below are the only ones to expect).

const MICROS_PER_DAY = 86_400_000_000n;

/** An INT64 value: a number when it is safe, else a bigint (the SDK's INT64 representation). */
export function int64Value(value: bigint): number | bigint {
  return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value;
}

/** Days from 1970-01-01 to a proleptic Gregorian date (year 0 = 1 BC, as java.time counts). */
export function epochDay(year: number, month: number, day: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return Math.round(date.getTime() / 86_400_000);
}

const DATE = /^(\d{4,})-(\d{2})-(\d{2})( BC)?$/;

/** "2024-01-31" (or "0044-03-15 BC") to days since the epoch; undefined for infinity. */
export function parseDate(text: string): number | undefined {
  const match = DATE.exec(text);
  if (match === null) {
    if (text === 'infinity' || text === '-infinity') return undefined;
    throw new Error(`Not a date: "${text}"`);
  }
  const year = match[4] === undefined ? Number(match[1]) : 1 - Number(match[1]);
  return epochDay(year, Number(match[2]), Number(match[3]));
}

const TIME = /^(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,6}))?/;

/** "13:45:10.5" to microseconds since midnight (24:00:00 is a full day). */
export function parseTimeMicros(text: string): bigint {
  const match = TIME.exec(text);
  if (match === null) throw new Error(`Not a time: "${text}"`);
  return timeMicros(match);
}

function timeMicros(match: RegExpExecArray): bigint {
  const fraction = (match[4] ?? '').padEnd(6, '0');
  return ((BigInt(match[1]!) * 60n + BigInt(match[2]!)) * 60n + BigInt(match[3]!)) * 1_000_000n + BigInt(fraction);
}

const TIMESTAMP = /^(\d{4,})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,6}))?([+-]\d{2}(?::?\d{2}(?::?\d{2})?)?)?( BC)?$/;

/** "2024-01-02 03:04:05.123456[+02[:30]][ BC]" to microseconds since the epoch (UTC); undefined for ±infinity. */
export function parseTimestampMicros(text: string): bigint | undefined {
  const match = TIMESTAMP.exec(text);
  if (match === null) {
    if (text === 'infinity' || text === '-infinity') return undefined;
    throw new Error(`Not a timestamp: "${text}"`);
  }
  const year = match[9] === undefined ? Number(match[1]) : 1 - Number(match[1]);
  const days = BigInt(epochDay(year, Number(match[2]), Number(match[3])));
  const fraction = (match[7] ?? '').padEnd(6, '0');
  const timeOfDay = ((BigInt(match[4]!) * 60n + BigInt(match[5]!)) * 60n + BigInt(match[6]!)) * 1_000_000n + BigInt(fraction);
  return days * MICROS_PER_DAY + timeOfDay - offsetMicros(match[8]);
}

/** "+05", "-03:30", "+0530" or "+05:30:15" to microseconds east of UTC. */
function offsetMicros(offset: string | undefined): bigint {
  if (offset === undefined) return 0n;
  const sign = offset.startsWith('-') ? -1n : 1n;
  const digits = offset.slice(1).replaceAll(':', '');
  const hours = BigInt(digits.slice(0, 2));
  const minutes = BigInt(digits.slice(2, 4) || '0');
  const seconds = BigInt(digits.slice(4, 6) || '0');
  return sign * ((hours * 60n + minutes) * 60n + seconds) * 1_000_000n;
}

/** "10:15:30.5+02" to the same instant's time of day in UTC (microseconds) — Debezium's ZonedTime normalises to UTC. */
export function parseTimeTzToUtcMicros(text: string): bigint {
  const match = /^(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,6}))?([+-]\d{2}(?::?\d{2}(?::?\d{2})?)?)$/.exec(text);
  if (match === null) throw new Error(`Not a time with time zone: "${text}"`);
  const local = timeMicros(match);
  const utc = (local - offsetMicros(match[5])) % MICROS_PER_DAY;
  return utc < 0n ? utc + MICROS_PER_DAY : utc;
}

/**
 * Formats an instant (microseconds since the epoch) as java.time's ISO_OFFSET_DATE_TIME in UTC,
 * as Debezium's ZonedTimestamp does: "2024-01-02T01:04:05.123456Z". With fractionWidth > 0 the
 * fraction has exactly that many digits (ZonedTimestamp's fractional width = the column's
 * precision); otherwise as many as needed and none for whole seconds.
 */
export function formatZonedTimestamp(epochMicros: bigint, fractionWidth: number): string {
  const micros = ((epochMicros % 1_000_000n) + 1_000_000n) % 1_000_000n;
  const seconds = (epochMicros - micros) / 1_000_000n;
  const date = new Date(Number(seconds) * 1000);
  const year = date.getUTCFullYear();
  const yearText = year > 9999 ? `+${year}` : year < 0 ? `-${String(-year).padStart(4, '0')}` : String(year).padStart(4, '0');
  const pad = (n: number): string => String(n).padStart(2, '0');
  const time = `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;
  return `${yearText}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}T${time}${formatFraction(micros, fractionWidth)}Z`;
}

/** A time of day (microseconds) as ISO_OFFSET_TIME in UTC: "10:15:30.5Z" (Debezium's ZonedTime). */
export function formatZonedTime(microsOfDay: bigint): string {
  const micros = microsOfDay % 1_000_000n;
  const totalSeconds = Number(microsOfDay / 1_000_000n);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${pad(Math.floor(totalSeconds / 3600) % 24)}:${pad(Math.floor(totalSeconds / 60) % 60)}:${pad(totalSeconds % 60)}${formatFraction(micros, 0)}Z`;
}

/** java.time prints nano-of-second with the fewest digits (none for 0), or exactly `width` digits. */
function formatFraction(micros: bigint, width: number): string {
  const nanos = (micros * 1000n).toString().padStart(9, '0');
  if (width > 0) return `.${nanos.slice(0, Math.min(width, 9))}`;
  if (micros === 0n) return '';
  return `.${nanos.replace(/0+$/, '')}`;
}

/** Days per month Debezium uses for intervals (MicroDuration.DAYS_PER_MONTH_AVG). */
const DAYS_PER_MONTH_AVG = 365.25 / 12.0;

export interface IntervalParts {
  readonly years: number;
  readonly months: number;
  readonly days: number;
  readonly hours: number;
  readonly minutes: number;
  /** Seconds with their fraction, as written (signed like hours and minutes). */
  readonly seconds: string;
}

/** An interval in IntervalStyle=postgres ("1 year 2 mons -3 days +04:05:06.789") in parts, as pgjdbc's PGInterval reads it. */
export function parseInterval(text: string): IntervalParts {
  let years = 0;
  let months = 0;
  let days = 0;
  let hours = 0;
  let minutes = 0;
  let seconds = '0';
  const tokens = text.trim().split(/\s+/);
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const time = /^([+-])?(\d+):(\d{2})(?::(\d{2}(?:\.\d+)?))?$/.exec(token);
    if (time !== null) {
      const negative = time[1] === '-';
      hours = (negative ? -1 : 1) * Number(time[2]);
      minutes = (negative ? -1 : 1) * Number(time[3]);
      seconds = `${negative ? '-' : ''}${time[4] ?? '0'}`;
      continue;
    }
    const amount = Number(token);
    const unit = tokens[++i] ?? '';
    if (!Number.isInteger(amount)) throw new Error(`Not an interval: "${text}"`);
    if (unit.startsWith('year')) years = amount;
    else if (unit.startsWith('mon')) months = amount;
    else if (unit.startsWith('day')) days = amount;
    else throw new Error(`Not an interval: "${text}"`);
  }
  return { years, months, days, hours, minutes, seconds };
}

/** Microseconds of an interval as Debezium's MicroDuration.durationMicros computes them (a month is 365.25/12 days, in doubles). */
export function intervalMicros(parts: IntervalParts): number {
  const numberOfDays = (parts.years * 12 + parts.months) * DAYS_PER_MONTH_AVG + parts.days;
  const numberOfSeconds = ((numberOfDays * 24 + parts.hours) * 60 + parts.minutes) * 60 + Number(parts.seconds);
  return Math.trunc(numberOfSeconds * 1e6);
}

/** An interval as Debezium's Interval.toIsoString writes it: "P1Y2M3DT4H5M6.78S" (seconds without trailing zeros). */
export function intervalIsoString(parts: IntervalParts): string {
  const negative = parts.seconds.startsWith('-');
  let [whole = '0', fraction = ''] = parts.seconds.replace(/^[+-]/, '').split('.');
  whole = whole.replace(/^0+(?=\d)/, '');
  fraction = fraction.slice(0, 9).replace(/0+$/, '');
  const seconds = `${negative && (whole !== '0' || fraction !== '') ? '-' : ''}${whole}${fraction === '' ? '' : `.${fraction}`}`;
  return `P${parts.years}Y${parts.months}M${parts.days}DT${parts.hours}H${parts.minutes}M${seconds}S`;
}

/** bytea in hex output ("\x0a0b"), or the old escape format. */
export function parseBytea(text: string): Buffer {
  if (text.startsWith('\\x')) return Buffer.from(text.slice(2), 'hex');
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (char !== '\\') {
      bytes.push(...Buffer.from(char, 'utf8'));
    } else if (text[i + 1] === '\\') {
      bytes.push(0x5c);
      i++;
    } else {
      bytes.push(Number.parseInt(text.slice(i + 1, i + 4), 8));
      i += 3;
    }
  }
  return Buffer.from(bytes);
}

/** A money value as text ("$1,234.56", "-$0.50", "($2.00)") to plain decimal text. */
export function moneyToDecimalText(text: string): string {
  const negative = text.includes('-') || text.startsWith('(');
  const digits = text.replace(/[^0-9.]/g, '');
  return negative ? `-${digits}` : digits;
}

/**
 * A bit string ("1011") as Debezium's Bits bytes: bit i of the value (counting from the right)
 * is bit i of a little-endian byte array, as long as the highest set bit needs
 * (PostgresValueConverter.convertBits over java.util.BitSet.toByteArray).
 */
export function bitsToBytes(text: string): Buffer {
  const highest = text.length - 1 - text.indexOf('1');
  if (text.indexOf('1') < 0) return Buffer.alloc(0);
  const bytes = Buffer.alloc(Math.floor(highest / 8) + 1);
  for (let bit = 0; bit < text.length; bit++) {
    if (text[text.length - 1 - bit] === '1') bytes[bit >> 3]! |= 1 << (bit & 7);
  }
  return bytes;
}

/**
 * A one-dimensional array literal ("{1,2,NULL}", '{"a b","c\\"d"}') to its elements as text,
 * null for NULL. Throws for nested arrays, which the connector does not map.
 */
export function parseArray(text: string, delimiter = ','): Array<string | null> {
  let body = text;
  // A lower bound other than 1 comes as "[0:2]={...}".
  if (body.startsWith('[')) body = body.slice(body.indexOf('=') + 1);
  if (!body.startsWith('{') || !body.endsWith('}')) throw new Error(`Not an array: "${text}"`);
  const elements: Array<string | null> = [];
  const inner = body.slice(1, -1);
  if (inner === '') return elements;
  let i = 0;
  while (i <= inner.length) {
    if (inner[i] === '{') throw new Error('Multi-dimensional arrays are not supported');
    if (inner[i] === '"') {
      let value = '';
      i++;
      while (i < inner.length && inner[i] !== '"') {
        if (inner[i] === '\\') i++;
        value += inner[i] ?? '';
        i++;
      }
      elements.push(value);
      i += 2; // closing quote and delimiter
    } else {
      let end = inner.indexOf(delimiter, i);
      if (end < 0) end = inner.length;
      const raw = inner.slice(i, end).trim();
      elements.push(raw === 'NULL' ? null : raw);
      i = end + 1;
    }
  }
  return elements;
}
