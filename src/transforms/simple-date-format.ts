// java.text.SimpleDateFormat for the SMTs that take a date pattern (TimestampConverter's `format`,
// TimestampRouter's `timestamp.format`), always in UTC and the English (US) locale, as Kafka uses it.
//
// Supported letters: G y M L d D F E u a H k K h m s S z Z X, quoted text ('...' and '' for a
// quote), every other non-letter literally. Formatting follows Java's field widths (yy keeps two
// digits, S is the millisecond count padded to the width, so SSSSSS of 7 ms is 000007). Parsing is
// lenient like Java's: fields may overflow (month 13 is January of the next year), a numeric field
// followed directly by another numeric field takes exactly its width (yyyyMMdd), two-digit years
// (y or yy) fall in the 100 years starting 80 years ago, spaces and tabs before a field are skipped,
// and text after the pattern is ignored.
// Not supported (rejected when the pattern is compiled): w, W and Y (week-based, locale-dependent).
// Known gaps: dates are proleptic Gregorian (Java switches to the Julian calendar before
// 1582-10-15); when parsing, E, u and F are read but do not move the date, time-zone names other than
// UTC/GMT are not recognised, and negative numbers are not accepted.

/** Java's IllegalArgumentException from the SimpleDateFormat constructor. */
export class DatePatternError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IllegalArgumentException';
  }
}

/** Java's java.text.ParseException. */
export class DateParseError extends Error {
  constructor(
    message: string,
    readonly errorOffset: number,
  ) {
    super(message);
    this.name = 'ParseException';
  }
}

type Token = { readonly literal: string } | { readonly letter: string; readonly count: number };

const PATTERN_LETTERS = 'GyMdkHmsSEDFwWahKzZYuXL';
const UNSUPPORTED: Readonly<Record<string, string>> = { w: 'week in year', W: 'week in month', Y: 'week year' };
/** Fields that take exactly their width when they directly follow another numeric field (Java's shouldObeyCount). */
const COUNTED = new Set(['y', 'd', 'k', 'H', 'm', 's', 'S', 'D', 'F', 'h', 'K', 'u']);
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MS_PER_DAY = 86_400_000;

export class SimpleDateFormat {
  readonly #pattern: string;
  readonly #tokens: readonly Token[];
  readonly #centuryStartYear: number;

  /** Throws DatePatternError (Java's IllegalArgumentException) for a pattern Java or Polyconnect rejects. */
  constructor(pattern: string) {
    this.#pattern = pattern;
    this.#tokens = compile(pattern);
    this.#centuryStartYear = new Date().getUTCFullYear() - 80;
  }

  toPattern(): string {
    return this.#pattern;
  }

  format(date: Date): string {
    const millis = date.getTime();
    if (Number.isNaN(millis)) throw new RangeError('Cannot format an invalid date');
    return this.#tokens.map((token) => ('literal' in token ? token.literal : formatField(date, token.letter, token.count))).join('');
  }

  /** Java's DateFormat.parse(String): reads from the start and ignores what follows the pattern. */
  parse(text: string): Date {
    const fields: ParsedFields = {};
    let position = 0;
    for (let i = 0; i < this.#tokens.length; i++) {
      const token = this.#tokens[i]!;
      if ('literal' in token) {
        if (!text.startsWith(token.literal, position)) throw unparseable(text, position);
        position += token.literal.length;
        continue;
      }
      const next = this.#tokens[i + 1];
      const obeyCount = next !== undefined && 'letter' in next && (COUNTED.has(next.letter) || ('ML'.includes(next.letter) && next.count <= 2));
      const end = parseField(text, position, token.letter, token.count, obeyCount, fields, this.#centuryStartYear);
      if (end < 0) throw unparseable(text, position);
      position = end;
    }
    return resolve(fields);
  }
}

function unparseable(text: string, offset: number): DateParseError {
  return new DateParseError(`Unparseable date: "${text}"`, offset);
}

function compile(pattern: string): Token[] {
  const tokens: Token[] = [];
  let literal = '';
  let quoted = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === "'") {
      if (pattern[i + 1] === "'") {
        literal += "'";
        i++;
      } else {
        quoted = !quoted;
      }
      continue;
    }
    if (quoted || !/[A-Za-z]/.test(c)) {
      literal += c;
      continue;
    }
    if (!PATTERN_LETTERS.includes(c)) throw new DatePatternError(`Illegal pattern character '${c}'`);
    let count = 1;
    while (pattern[i + count] === c) count++;
    if (c === 'X' && count > 3) throw new DatePatternError(`invalid ISO 8601 format: length=${count}`);
    const unsupported = UNSUPPORTED[c];
    if (unsupported !== undefined) {
      throw new DatePatternError(`Pattern letter '${c}' (${unsupported}) is not supported by Polyconnect's SimpleDateFormat`);
    }
    if (literal !== '') tokens.push({ literal });
    literal = '';
    tokens.push({ letter: c, count });
    i += count - 1;
  }
  if (quoted) throw new DatePatternError('Unterminated quote');
  if (literal !== '') tokens.push({ literal });
  return tokens;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

function formatField(date: Date, letter: string, count: number): string {
  const year = date.getUTCFullYear();
  const hour = date.getUTCHours();
  switch (letter) {
    case 'G':
      return year > 0 ? 'AD' : 'BC';
    case 'y': {
      const yearOfEra = year > 0 ? year : 1 - year;
      return count === 2 ? pad(yearOfEra % 100, 2) : pad(yearOfEra, count);
    }
    case 'M':
    case 'L': {
      const month = date.getUTCMonth();
      if (count >= 4) return MONTHS[month]!;
      if (count === 3) return MONTHS[month]!.slice(0, 3);
      return pad(month + 1, count);
    }
    case 'd':
      return pad(date.getUTCDate(), count);
    case 'D':
      return pad(Math.floor((date.getTime() - yearStart(year)) / MS_PER_DAY) + 1, count);
    case 'F':
      return pad(Math.floor((date.getUTCDate() - 1) / 7) + 1, count);
    case 'E': {
      const day = DAYS[date.getUTCDay()]!;
      return count >= 4 ? day : day.slice(0, 3);
    }
    case 'u':
      return pad(date.getUTCDay() === 0 ? 7 : date.getUTCDay(), count);
    case 'a':
      return hour < 12 ? 'AM' : 'PM';
    case 'H':
      return pad(hour, count);
    case 'k':
      return pad(hour === 0 ? 24 : hour, count);
    case 'K':
      return pad(hour % 12, count);
    case 'h':
      return pad(hour % 12 === 0 ? 12 : hour % 12, count);
    case 'm':
      return pad(date.getUTCMinutes(), count);
    case 's':
      return pad(date.getUTCSeconds(), count);
    case 'S':
      return pad(date.getUTCMilliseconds(), count);
    case 'z':
      return count >= 4 ? 'Coordinated Universal Time' : 'UTC';
    case 'Z':
      return '+0000';
    default: // 'X': the zero offset is always "Z"
      return 'Z';
  }
}

/** Epoch milliseconds of January 1st of `year` (proleptic Gregorian; Date.UTC would map 0-99 to 19xx). */
function yearStart(year: number): number {
  const start = new Date(0);
  start.setUTCFullYear(year, 0, 1);
  return start.getTime();
}

interface ParsedFields {
  bc?: boolean;
  year?: number;
  month?: number;
  day?: number;
  dayOfYear?: number;
  hourOfDay?: number;
  hour?: number;
  pm?: boolean;
  minute?: number;
  second?: number;
  millis?: number;
  offsetMinutes?: number;
}

/** Parses one field at `start`; returns the position after it, or -1. */
function parseField(text: string, start: number, letter: string, count: number, obeyCount: boolean, fields: ParsedFields, centuryStartYear: number): number {
  let position = start;
  while (text[position] === ' ' || text[position] === '\t') position++;
  if (position >= text.length) return -1;
  const numberAt = (): [number, number] | undefined => {
    // Java measures the width from before the skipped spaces.
    const limit = obeyCount ? start + count : text.length;
    if (obeyCount && limit > text.length) return undefined;
    let end = position;
    while (end < limit && text.charCodeAt(end) >= 48 && text.charCodeAt(end) <= 57) end++;
    return end === position ? undefined : [Number(text.slice(position, end)), end];
  };
  const text3 = (names: readonly string[]): [number, number] | undefined => matchName(text, position, names) ?? matchName(text, position, names.map((name) => name.slice(0, 3)));
  let parsed: [number, number] | undefined;
  switch (letter) {
    case 'G':
      parsed = matchName(text, position, ['BC', 'AD']);
      if (parsed !== undefined) fields.bc = parsed[0] === 0;
      return parsed?.[1] ?? -1;
    case 'M':
    case 'L':
      parsed = count <= 2 ? numberAt() : text3(MONTHS);
      if (parsed !== undefined) fields.month = count <= 2 ? parsed[0] - 1 : parsed[0];
      return parsed?.[1] ?? -1;
    case 'E':
      return text3(DAYS)?.[1] ?? -1;
    case 'a':
      parsed = matchName(text, position, ['AM', 'PM']);
      if (parsed !== undefined) fields.pm = parsed[0] === 1;
      return parsed?.[1] ?? -1;
    case 'z':
    case 'Z':
      return parseZone(text, position, fields);
    case 'X':
      return parseIsoZone(text, position, count, fields);
    default:
      break;
  }
  parsed = numberAt();
  if (parsed === undefined) return -1;
  const [value, end] = parsed;
  switch (letter) {
    case 'y':
      if (count <= 2 && end - position === 2) {
        const ambiguous = centuryStartYear % 100;
        fields.year = value + Math.floor(centuryStartYear / 100) * 100 + (value < ambiguous ? 100 : 0);
      } else {
        fields.year = value;
      }
      break;
    case 'd':
      fields.day = value;
      break;
    case 'D':
      fields.dayOfYear = value;
      break;
    case 'H':
      fields.hourOfDay = value;
      break;
    case 'k':
      fields.hourOfDay = value === 24 ? 0 : value;
      break;
    case 'K':
      fields.hour = value;
      break;
    case 'h':
      fields.hour = value === 12 ? 0 : value;
      break;
    case 'm':
      fields.minute = value;
      break;
    case 's':
      fields.second = value;
      break;
    case 'S':
      fields.millis = value;
      break;
    default: // F and u: read, but they do not move the date (see the module comment)
      break;
  }
  return end;
}

/** The longest of `names` (case-insensitive) at `position`, as [index, end]. */
function matchName(text: string, position: number, names: readonly string[]): [number, number] | undefined {
  let best: [number, number] | undefined;
  names.forEach((name, index) => {
    const candidate = text.slice(position, position + name.length);
    if (candidate.length === name.length && candidate.toLowerCase() === name.toLowerCase() && (best === undefined || name.length > best[1] - position)) {
      best = [index, position + name.length];
    }
  });
  return best;
}

/** z and Z: GMT or UTC with an optional offset, or an RFC 822 offset such as -0800. */
function parseZone(text: string, position: number, fields: ParsedFields): number {
  const c = text[position];
  if (c === '+' || c === '-') return parseNumericZone(text, position + 1, c === '+' ? 1 : -1, 0, false, fields);
  if (text.slice(position, position + 3).toUpperCase() === 'GMT') {
    const after = text[position + 3];
    if (after !== '+' && after !== '-') {
      fields.offsetMinutes = 0;
      return position + 3;
    }
    return parseNumericZone(text, position + 4, after === '+' ? 1 : -1, 0, true, fields);
  }
  const name = matchName(text, position, ['UTC', 'Coordinated Universal Time']);
  if (name === undefined) return -1;
  fields.offsetMinutes = 0;
  return name[1];
}

/** X, XX, XXX: Z, or +hh, +hhmm, +hh:mm. */
function parseIsoZone(text: string, position: number, count: number, fields: ParsedFields): number {
  const c = text[position];
  if (c === 'Z') {
    fields.offsetMinutes = 0;
    return position + 1;
  }
  if (c !== '+' && c !== '-') return -1;
  return parseNumericZone(text, position + 1, c === '+' ? 1 : -1, count, count === 3, fields);
}

function parseNumericZone(text: string, start: number, sign: number, count: number, colon: boolean, fields: ParsedFields): number {
  const isDigit = (at: number): boolean => at < text.length && text.charCodeAt(at) >= 48 && text.charCodeAt(at) <= 57;
  let index = start;
  if (!isDigit(index)) return -1;
  let hours = Number(text[index++]);
  if (isDigit(index)) hours = hours * 10 + Number(text[index++]);
  else if (count > 0 || !colon) return -1;
  if (hours > 23) return -1;
  let minutes = 0;
  if (count !== 1) {
    if (colon) {
      if (text[index] !== ':') return -1;
      index++;
    }
    if (!isDigit(index) || !isDigit(index + 1)) return -1;
    minutes = Number(text.slice(index, index + 2));
    index += 2;
    if (minutes > 59) return -1;
  }
  fields.offsetMinutes = sign * (hours * 60 + minutes);
  return index;
}

/** The instant of the parsed fields, resolved leniently as Java's GregorianCalendar does. */
function resolve(fields: ParsedFields): Date {
  let year = fields.year ?? 1970;
  if (fields.bc === true) year = 1 - year;
  const date = new Date(0);
  if (fields.dayOfYear !== undefined && fields.day === undefined && fields.month === undefined) date.setUTCFullYear(year, 0, fields.dayOfYear);
  else date.setUTCFullYear(year, fields.month ?? 0, fields.day ?? 1);
  const hour = fields.hourOfDay ?? (fields.hour ?? 0) + (fields.pm === true ? 12 : 0);
  date.setUTCHours(hour, fields.minute ?? 0, fields.second ?? 0, fields.millis ?? 0);
  return new Date(date.getTime() - (fields.offsetMinutes ?? 0) * 60_000);
}
