// TimestampConverter$Key / $Value. Expectations from Kafka 4.1.2's TimestampConverter.java (the
// TRANSLATORS: java.util.Date as the intermediate, TimeUnit conversions that truncate toward zero
// and saturate, Calendar truncation to UTC midnight for Date and to 1970-01-01 for Time; output
// schemas optional when the input was; the struct schema keeps basics, optionality and a converted
// default) and from the golden cases in builtins-b.golden.test.ts.

import { describe, expect, it } from 'vitest';
import {
  ConfigException,
  ConnectException,
  DataException,
  DateSchema,
  INT32_SCHEMA,
  INT64_SCHEMA,
  OPTIONAL_INT64_SCHEMA,
  OPTIONAL_STRING_SCHEMA,
  STRING_SCHEMA,
  SchemaBuilder,
  Struct,
  TimeSchema,
  TimestampSchema,
} from '../../../src/data/index.js';
import { HEADER, applied, configured, expectError, sourceRecord } from './builtins-b-support.js';

const MS = 1_709_211_909_007; // 2024-02-29T13:05:09.007Z
const convert = (config: Record<string, string>, value: unknown): unknown => applied(configured('TimestampConverter$Value', config), sourceRecord({ value })).value;

describe('TimestampConverter without a schema', () => {
  it('converts between unix milliseconds, text, Timestamp, Date and Time', () => {
    expect(convert({ 'target.type': 'string', format: 'yyyy-MM-dd HH:mm:ss.SSS' }, MS)).toBe('2024-02-29 13:05:09.007');
    expect(convert({ 'target.type': 'unix', format: "yyyy-MM-dd'T'HH:mm:ssX" }, '2024-02-29T13:05:09Z')).toBe(1_709_211_909_000);
    expect(convert({ 'target.type': 'Timestamp' }, MS)).toEqual(new Date(MS));
    expect(convert({ 'target.type': 'Date' }, new Date(MS))).toEqual(new Date(Date.UTC(2024, 1, 29)));
    expect(convert({ 'target.type': 'Time' }, new Date(MS))).toEqual(new Date(((13 * 60 + 5) * 60 + 9) * 1000 + 7));
    expect(convert({ 'target.type': 'Date' }, new Date(-1))).toEqual(new Date(-86_400_000));
    expect(convert({ 'target.type': 'Time' }, new Date(-1))).toEqual(new Date(86_399_999));
  });

  it('reads and writes unix.precision, truncating toward zero, with bigints beyond 2^53', () => {
    expect(convert({ 'target.type': 'Timestamp', 'unix.precision': 'seconds' }, 1_709_211_909)).toEqual(new Date(1_709_211_909_000));
    expect(convert({ 'target.type': 'Timestamp', 'unix.precision': 'microseconds' }, 1_709_211_909_007_999)).toEqual(new Date(MS));
    expect(convert({ 'target.type': 'Timestamp', 'unix.precision': 'nanoseconds' }, 1_709_211_909_007_123_456n)).toEqual(new Date(MS));
    expect(convert({ 'target.type': 'Timestamp', 'unix.precision': 'microseconds' }, -1500)).toEqual(new Date(-1));
    expect(convert({ 'target.type': 'unix', 'unix.precision': 'seconds' }, new Date(MS))).toBe(1_709_211_909);
    expect(convert({ 'target.type': 'unix', 'unix.precision': 'seconds' }, new Date(-1500))).toBe(-1);
    expect(convert({ 'target.type': 'unix', 'unix.precision': 'microseconds' }, new Date(MS))).toBe(1_709_211_909_007_000);
    expect(convert({ 'target.type': 'unix', 'unix.precision': 'nanoseconds' }, new Date(MS))).toBe(1_709_211_909_007_000_000n);
  });

  it('refuses instants a JS Date cannot hold (Java saturates seconds at Long.MAX_VALUE and carries on)', () => {
    expectError(
      () => convert({ 'target.type': 'Timestamp', 'unix.precision': 'seconds' }, 9_223_372_036_854_775_807n),
      DataException,
      'Timestamp 9223372036854775807 ms is outside the range Polyconnect can represent',
    );
  });

  it('converts one field of a map, inserting it as null when absent', () => {
    const config = { 'target.type': 'string', format: 'yyyy', field: 'ts' };
    expect(convert(config, { ts: MS, other: 'x' })).toEqual({ ts: '2024', other: 'x' });
    expect(convert(config, new Map([['other', 'x']]))).toEqual(new Map([['other', 'x'], ['ts', null]]));
  });

  it('passes null through and refuses values that are not timestamps', () => {
    expect(convert({ 'target.type': 'unix' }, null)).toBeNull();
    expectError(() => convert({ 'target.type': 'unix' }, 1.5), DataException, 'TimestampConverter does not support class java.lang.Double objects as timestamps');
    expectError(() => convert({ 'target.type': 'unix', format: 'yyyy-MM-dd' }, 'not a date'), DataException, 'Could not parse timestamp: value (not a date) does not match pattern (yyyy-MM-dd)');
    expectError(() => convert({ 'target.type': 'unix' }, '2024'), 'NullPointerException', 'Cannot invoke "java.text.SimpleDateFormat.parse(String)" because "config.format" is null');
  });
});

describe('TimestampConverter with a schema', () => {
  const base = SchemaBuilder.struct().name('com.example.Ev').version(1).optional().field('ts', TimestampSchema.SCHEMA).field('n', SchemaBuilder.int64().optional().defaultValue(5).build());

  it('converts a struct field, keeping basics and optionality, and caches the schema', () => {
    const schema = base.build();
    const transform = configured('TimestampConverter$Value', { 'target.type': 'unix', 'unix.precision': 'microseconds', field: 'ts' });
    const result = applied(transform, sourceRecord({ valueSchema: schema, value: new Struct(schema).put('ts', new Date(MS)) }));
    const updated = result.valueSchema!;
    expect([updated.name, updated.version, updated.optional]).toEqual(['com.example.Ev', 1, true]);
    expect(updated.fields.map((field) => [field.name, field.schema])).toEqual([
      ['ts', INT64_SCHEMA],
      ['n', schema.field('n')!.schema],
    ]);
    expect([(result.value as Struct).get('ts'), (result.value as Struct).get('n')]).toEqual([MS * 1000, 5]);
    expect(result.headers).toEqual([HEADER]);
    expect(applied(transform, sourceRecord({ valueSchema: schema, value: null })).valueSchema).toBe(updated);
  });

  it('converts the default of an optional struct schema too', () => {
    const withoutDefault = SchemaBuilder.struct().optional().field('ts', TimestampSchema.SCHEMA).build();
    const schema = SchemaBuilder.struct().optional().field('ts', TimestampSchema.SCHEMA).defaultValue(new Struct(withoutDefault).put('ts', new Date(1000))).build();
    const result = applied(configured('TimestampConverter$Value', { 'target.type': 'unix', 'unix.precision': 'seconds', field: 'ts' }), sourceRecord({ valueSchema: schema, value: null }));
    expect(result.value).toBeNull();
    expect((result.valueSchema!.defaultValue as Struct).get('ts')).toBe(1);
  });

  it('copies null fields as null when replace.null.with.default is false', () => {
    const schema = base.build();
    const config = { 'target.type': 'unix', field: 'ts', 'replace.null.with.default': 'false' };
    const result = applied(configured('TimestampConverter$Value', config), sourceRecord({ valueSchema: schema, value: new Struct(schema).put('ts', new Date(MS)) }));
    expect((result.value as Struct).getWithoutDefault('n')).toBeNull();
  });

  it('converts the whole value to the target schema, optional if the input was', () => {
    const whole = (config: Record<string, string>, valueSchema: typeof INT64_SCHEMA, value: unknown) => applied(configured('TimestampConverter$Value', config), sourceRecord({ valueSchema, value }));
    const toTimestamp = whole({ 'target.type': 'Timestamp' }, OPTIONAL_INT64_SCHEMA, MS);
    expect([toTimestamp.valueSchema, toTimestamp.value]).toEqual([TimestampSchema.builder().optional().build(), new Date(MS)]);
    const toDate = whole({ 'target.type': 'Date', format: 'yyyy-MM-dd HH:mm' }, STRING_SCHEMA, '2024-02-29 13:05');
    expect([toDate.valueSchema, toDate.value]).toEqual([DateSchema.SCHEMA, new Date(Date.UTC(2024, 1, 29))]);
    const fromTime = whole({ 'target.type': 'string', format: 'HH:mm:ss.SSS' }, TimeSchema.SCHEMA, new Date(3_723_004));
    expect([fromTime.valueSchema, fromTime.value]).toEqual([STRING_SCHEMA, '01:02:03.004']);
    const nullOptional = whole({ 'target.type': 'string', format: 'yyyy' }, TimestampSchema.builder().optional().build(), null);
    expect([nullOptional.valueSchema, nullOptional.value]).toEqual([OPTIONAL_STRING_SCHEMA, null]);
  });

  it('works on the key', () => {
    const result = applied(configured('TimestampConverter$Key', { 'target.type': 'string', format: 'yyyy-MM-dd' }), sourceRecord({ keySchema: TimestampSchema.SCHEMA, key: new Date(MS), value: 'v' }));
    expect([result.keySchema, result.key, result.value]).toEqual([STRING_SCHEMA, '2024-02-29', 'v']);
  });

  it('refuses schemas that are not timestamps, even for a null value, and values that do not fit', () => {
    const optionalInt = SchemaBuilder.int32().optional().build();
    expectError(
      () => applied(configured('TimestampConverter$Value', { 'target.type': 'unix' }), sourceRecord({ valueSchema: optionalInt, value: null })),
      ConnectException,
      'Schema Schema{INT32} does not correspond to a known timestamp type format',
    );
    const struct = SchemaBuilder.struct().field('a', INT32_SCHEMA).build();
    expectError(
      () => applied(configured('TimestampConverter$Value', { 'target.type': 'unix', field: 'a' }), sourceRecord({ valueSchema: struct, value: new Struct(struct).put('a', 1) })),
      ConnectException,
      'Schema Schema{INT32} does not correspond to a known timestamp type format',
    );
    expectError(() => applied(configured('TimestampConverter$Value', { 'target.type': 'Date' }), sourceRecord({ valueSchema: INT64_SCHEMA, value: 'x' })), DataException, 'Expected Unix timestamp to be a Long, but found class java.lang.String');
    expectError(() => applied(configured('TimestampConverter$Value', { 'target.type': 'unix' }), sourceRecord({ valueSchema: DateSchema.SCHEMA, value: 5 })), DataException, 'Expected Date to be a java.util.Date, but found class java.lang.Long');
  });
});

describe('TimestampConverter config', () => {
  it("checks target.type, format and unix.precision with Kafka's messages", () => {
    const configure = (config: Record<string, string>) => () => configured('TimestampConverter$Value', config);
    expectError(configure({}), ConfigException, 'Missing required configuration "target.type" which has no default value.');
    expectError(configure({ 'target.type': 'date' }), ConfigException, 'Invalid value date for configuration target.type: String must be one of: string, unix, Date, Time, Timestamp');
    expectError(configure({ 'target.type': 'string', format: '  ' }), ConfigException, 'TimestampConverter requires format option to be specified when using string timestamps');
    // Kafka hands the exception to ConfigException(name, value), hence the inside-out message.
    expectError(
      configure({ 'target.type': 'string', format: 'yyyy qq' }),
      ConfigException,
      "Invalid value java.lang.IllegalArgumentException: Illegal pattern character 'q' for configuration TimestampConverter requires a SimpleDateFormat-compatible pattern for string timestamps: yyyy qq",
    );
    expectError(
      configure({ 'target.type': 'unix', format: 'ww' }),
      ConfigException,
      "Invalid value java.lang.IllegalArgumentException: Pattern letter 'w' (week in year) is not supported by Polyconnect's SimpleDateFormat for configuration TimestampConverter requires a SimpleDateFormat-compatible pattern for string timestamps: ww",
    );
    expectError(configure({ 'target.type': 'unix', 'unix.precision': 'hours' }), ConfigException, 'Invalid value hours for configuration unix.precision: String must be one of: nanoseconds, microseconds, milliseconds, seconds');
  });
});
