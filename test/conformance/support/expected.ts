// The canonical lines the conformance sink must write (test/conformance/README.md), computed from
// the README's formulas alone: plain JSON built here, with no Connect data model and no code of
// the three fixtures, so that a bug shared by a source and a sink cannot agree with itself.

const TWO_53 = 2n ** 53n;
const INT64_MAX = 2n ** 63n - 1n;
const INT64_MIN = -(2n ** 63n);
const MILLIS_PER_DAY = 86_400_000;

const STRINGS = [
  '',
  'plain ascii',
  'quote " backslash \\ slash /',
  'tab\tnewline\ncarriage\rbackspace\bformfeed\f',
  'control \u0000\u0001\u001f del \u007f',
  'unicode é ß 日本語 emoji 😀 combining e\u0301 rtl שלום line-sep \u2028 para-sep \u2029',
];

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A rendered schema: type and optional, then the optional members given, in the README's order. */
function schema(type: string, extra: { optional?: boolean; name?: string; version?: number; doc?: string; parameters?: Record<string, string>; default?: Json; fields?: Array<[string, Json]>; keySchema?: Json; valueSchema?: Json } = {}): Json {
  const out: { [key: string]: Json } = { type, optional: extra.optional ?? false };
  if (extra.name !== undefined) out['name'] = extra.name;
  if (extra.version !== undefined) out['version'] = extra.version;
  if (extra.doc !== undefined) out['doc'] = extra.doc;
  if (extra.parameters !== undefined) out['parameters'] = extra.parameters;
  if (extra.default !== undefined) out['default'] = extra.default;
  if (extra.fields !== undefined) out['fields'] = extra.fields.map(([name, fieldSchema]) => ({ name, schema: fieldSchema }));
  if (extra.keySchema !== undefined) out['keySchema'] = extra.keySchema;
  if (extra.valueSchema !== undefined) out['valueSchema'] = extra.valueSchema;
  return out;
}

const logical = (type: string, name: string, extra: { optional?: boolean; default?: Json; parameters?: Record<string, string> } = {}): Json =>
  schema(type, { ...extra, name: `org.apache.kafka.connect.data.${name}`, version: 1 });

const nestedSchema = (optional: boolean): Json =>
  schema('STRUCT', {
    optional,
    name: 'polyconnect.conformance.Nested',
    fields: [
      ['name', schema('STRING')],
      ['score', schema('FLOAT64', { optional: true })],
      ['tags', schema('ARRAY', { valueSchema: schema('STRING') })],
    ],
  });

export const KEY_SCHEMA: Json = schema('STRUCT', { name: 'polyconnect.conformance.Key', fields: [['sequence', schema('STRING')], ['n', schema('INT64')]] });

export const VALUE_SCHEMA: Json = schema('STRUCT', {
  name: 'polyconnect.conformance.Value',
  version: 1,
  doc: 'Every Connect type and logical type, from the record number',
  fields: [
    ['n', schema('INT64', { doc: 'The record number' })],
    ['errant', schema('BOOLEAN')],
    ['int8', schema('INT8')],
    ['int16', schema('INT16')],
    ['int32', schema('INT32')],
    ['int64', schema('INT64')],
    ['float32', schema('FLOAT32')],
    ['float64', schema('FLOAT64')],
    ['boolean', schema('BOOLEAN')],
    ['string', schema('STRING', { parameters: { 'conformance.charset': 'utf-8' } })],
    ['bytes', schema('BYTES')],
    ['opt_string', schema('STRING', { optional: true })],
    ['opt_int32', schema('INT32', { optional: true })],
    ['with_default', schema('INT32', { optional: true, default: 42 })],
    ['required_with_default', schema('STRING', { default: 'fallback' })],
    ['array', schema('ARRAY', { valueSchema: schema('INT32') })],
    ['opt_array', schema('ARRAY', { optional: true, valueSchema: schema('STRING', { optional: true }) })],
    ['map_string', schema('MAP', { keySchema: schema('STRING'), valueSchema: schema('INT64') })],
    ['map_int', schema('MAP', { keySchema: schema('INT32'), valueSchema: schema('STRING') })],
    ['nested', nestedSchema(false)],
    ['opt_nested', nestedSchema(true)],
    ['decimal', logical('BYTES', 'Decimal', { parameters: { scale: '2' } })],
    ['date', logical('INT32', 'Date')],
    ['date_with_default', logical('INT32', 'Date', { optional: true, default: '2000-01-01' })],
    ['time', logical('INT32', 'Time')],
    ['timestamp', logical('INT64', 'Timestamp')],
  ],
});

const STRING_SCHEMA = schema('STRING');
const INT64_SCHEMA = schema('INT64');

/** A double as the README renders it: shortest round-trip digits, plain notation. */
function float(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return 'Infinity';
  if (x === -Infinity) return '-Infinity';
  if (x === 0) return '0';
  const text = String(x);
  if (text.includes('e')) throw new Error(`expected.ts renders no exponents, and the sequence has none: ${text}`);
  return text;
}

const isoDay = (days: number): string => new Date(days * MILLIS_PER_DAY).toISOString().slice(0, 10);
const isoTime = (millis: number): string => new Date(millis).toISOString().slice(11, 23);

function decimal(unscaled: bigint, scale: number): string {
  const digits = (unscaled < 0n ? -unscaled : unscaled).toString().padStart(scale + 1, '0');
  return `${unscaled < 0n ? '-' : ''}${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
}

/** Map pairs sorted by the JSON text of their rendered key. */
function pairs(entries: Array<[Json, Json]>): Json {
  return [...entries].sort((a, b) => (JSON.stringify(a[0]) < JSON.stringify(b[0]) ? -1 : 1));
}

/**
 * How the records travelled. `viaJsonConverter`: through Kafka with the worker's JsonConverter,
 * which, as Kafka's does (Jackson writes "NaN" and reads a text node's floatValue() as 0), turns
 * NaN and the infinities into 0.
 */
export interface Route {
  readonly viaJsonConverter?: boolean;
}

function allTypesValue(i: number, route: Route): Json {
  const n = BigInt(i);
  const int64 = i % 3 === 0 ? INT64_MAX - n : i % 3 === 1 ? -(TWO_53 + 1n + n * 1_000_003n) : INT64_MIN + n;
  let float32 = i % 40 === 7 ? Number.NaN : i % 40 === 17 ? Infinity : i % 40 === 27 ? -Infinity : (i % 1000) * 0.25 - 100.5;
  if (route.viaJsonConverter === true && !Number.isFinite(float32)) float32 = 0;
  const bytes = Buffer.from(Array.from({ length: i % 6 }, (_, k) => (i * 31 + k * 17) % 256));
  const nested = (name: string, score: number | null, tags: string[]): Json => ({ name, score: score === null ? null : float(score), tags });
  return {
    n: String(i),
    errant: i % 50 === 49,
    int8: ((i * 37) % 256) - 128,
    int16: ((i * 1009) % 65_536) - 32_768,
    int32: ((i * 1_000_003) % 4_294_967_296) - 2_147_483_648,
    int64: int64.toString(),
    float32: float(float32),
    float64: float(i / 7 - 50),
    boolean: i % 3 === 0,
    string: `${STRINGS[i % 6]}#${i}`,
    bytes: bytes.toString('base64'),
    opt_string: i % 3 === 1 ? null : `opt-${i}`,
    opt_int32: i % 2 === 0 ? null : i,
    with_default: i % 4 === 0 ? 42 : -3 * i,
    required_with_default: i % 5 === 0 ? 'fallback' : `set-${i}`,
    array: Array.from({ length: i % 4 }, (_, k) => i + k),
    opt_array: i % 7 === 0 ? null : ['a', null, `s${i}`],
    map_string: i % 10 === 0 ? [] : pairs([['a', String(i)], ['big', (2n ** 60n + n).toString()], ['neg', String(-i)]]),
    map_int: pairs([[(i % 100) + 1, `v${i}`], [-(i % 7) - 1, `neg${i}`]]),
    nested: nested(`nested-${i}`, i % 3 === 0 ? null : i * 0.5, [`t${i % 3}`]),
    opt_nested: i % 2 === 1 ? null : nested(`opt-${i}`, i * 0.5, []),
    decimal: decimal(i % 10 === 3 ? -(10n ** 30n + n) : n * 12_345n - 5_000_000n, 2),
    date: isoDay(((i * 37) % 40_000) - 10_000),
    date_with_default: i % 3 === 0 ? '2000-01-01' : isoDay(18_000 + i),
    time: isoTime((i * 1_234_567) % MILLIS_PER_DAY),
    timestamp: new Date(1_700_000_000_000 + i * 1_000_003 - (i % 2 === 1 ? 2_000_000_000_000 : 0)).toISOString(),
  };
}

/** Whether record i is one the sink reports as errant (its value's `errant` field is true). */
export function isErrant(i: number): boolean {
  return i % 50 === 49;
}

/** The canonical line the sink writes for all-types record i (without the newline). */
export function expectedLine(i: number, route: Route = {}): string {
  return JSON.stringify({
    key: { sequence: 'main', n: String(i) },
    keySchema: KEY_SCHEMA,
    value: allTypesValue(i, route),
    valueSchema: VALUE_SCHEMA,
    headers: [
      { key: 'conformance.string', schema: STRING_SCHEMA, value: `h-${i}` },
      { key: 'conformance.int64', schema: INT64_SCHEMA, value: (TWO_53 + BigInt(i)).toString() },
    ],
    timestamp: 1_700_000_000_000 + i,
  });
}

/** The lines of records [from, to) that the sink writes: every record but the errant ones. */
export function expectedLines(from: number, to: number, route: Route = {}): string[] {
  const lines: string[] = [];
  for (let i = from; i < to; i++) if (!isErrant(i)) lines.push(expectedLine(i, route));
  return lines;
}
