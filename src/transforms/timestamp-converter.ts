// TimestampConverter$Key / TimestampConverter$Value: converts a timestamp (the whole key or value,
// or one `field` of it) between text in a SimpleDateFormat `format`, Unix epoch numbers in
// `unix.precision`, and Connect's Date, Time and Timestamp, all in UTC.
//
// Values: unix timestamps are INT64 numbers, or bigints beyond ±(2^53−1) (nanoseconds of today are);
// conversions go through epoch milliseconds like Kafka's java.util.Date, so sub-millisecond digits
// are dropped (truncated toward zero, as Java's TimeUnit does). Without a schema a whole number is a
// unix timestamp (Kafka: a Long), a JS Date a Timestamp, a string text in `format`.
// Differs from Kafka: instants outside JavaScript's Date range (±8.64e15 ms, about ±275,000 years)
// are refused with a DataException, where Java's Date would carry them.

import {
  ConfigDef,
  ConfigException,
  ConnectException,
  DATE_LOGICAL_NAME,
  DataException,
  DateSchema,
  INT64_SCHEMA,
  OPTIONAL_INT64_SCHEMA,
  OPTIONAL_STRING_SCHEMA,
  STRING_SCHEMA,
  SchemaBuilder,
  Struct,
  TIME_LOGICAL_NAME,
  TIMESTAMP_LOGICAL_NAME,
  TimeSchema,
  TimestampSchema,
  validString,
  type Schema,
} from '../data/index.js';
import { int64Value } from '../converters/java-number.js';
import { javaClass } from './java-values.js';
import type { RecordPart } from './record-part.js';
import { mapGet, mapWith, requireSchemalessMap } from './schemaless-map.js';
import { SimpleDateFormat } from './simple-date-format.js';
import { SchemaCache, copySchemaBasics, requireStructOrNull } from './smt-support.js';
import type { ConnectRecord, Transformation } from './transformation.js';
import { replaceNullWithDefaultKey } from './transform-config.js';

const FIELD_CONFIG = 'field';
const TARGET_TYPE_CONFIG = 'target.type';
const FORMAT_CONFIG = 'format';
const UNIX_PRECISION_CONFIG = 'unix.precision';
const REPLACE_NULL_WITH_DEFAULT_CONFIG = 'replace.null.with.default';
const PURPOSE = 'converting timestamp formats';

type TimestampType = 'string' | 'unix' | 'Date' | 'Time' | 'Timestamp';
type UnixPrecision = 'seconds' | 'milliseconds' | 'microseconds' | 'nanoseconds';
const MS_PER_DAY = 86_400_000;
const LONG_MIN = -(2n ** 63n);
const LONG_MAX = 2n ** 63n - 1n;
/** Milliseconds per unit of each precision, as a ratio [multiplier, divisor] from the unit to ms. */
const UNIT: Readonly<Record<UnixPrecision, readonly [bigint, bigint]>> = {
  seconds: [1000n, 1n],
  milliseconds: [1n, 1n],
  microseconds: [1n, 1000n],
  nanoseconds: [1n, 1_000_000n],
};

export const TIMESTAMP_CONVERTER_CONFIG_DEF = new ConfigDef()
  .define({ name: FIELD_CONFIG, type: 'STRING', defaultValue: '', importance: 'HIGH', documentation: 'The field containing the timestamp, or empty if the entire value is a timestamp' })
  .define({
    name: TARGET_TYPE_CONFIG,
    type: 'STRING',
    validator: validString(['string', 'unix', 'Date', 'Time', 'Timestamp']),
    importance: 'HIGH',
    documentation: 'The desired timestamp representation: string, unix, Date, Time, or Timestamp',
  })
  .define({
    name: FORMAT_CONFIG,
    type: 'STRING',
    defaultValue: '',
    importance: 'MEDIUM',
    documentation:
      'A SimpleDateFormat-compatible format for the timestamp. Used to generate the output when type=string or used to parse the input if the input is a string.',
  })
  .define({
    name: UNIX_PRECISION_CONFIG,
    type: 'STRING',
    defaultValue: 'milliseconds',
    validator: validString(['nanoseconds', 'microseconds', 'milliseconds', 'seconds']),
    importance: 'LOW',
    documentation:
      'The desired Unix precision for the timestamp: seconds, milliseconds, microseconds, or nanoseconds. Used to generate the output when type=unix or used to parse the input if the input is a Long.Note: This SMT will cause precision loss during conversions from, and to, values with sub-millisecond components.',
  })
  .define(replaceNullWithDefaultKey(REPLACE_NULL_WITH_DEFAULT_CONFIG));

/** Java's TimeUnit conversion: truncates toward zero and saturates at Long.MIN/MAX. */
function convertUnit(value: bigint, multiplier: bigint, divisor: bigint): bigint {
  const result = (value * multiplier) / divisor;
  return result > LONG_MAX ? LONG_MAX : result < LONG_MIN ? LONG_MIN : result;
}

function dateOf(millis: bigint | number): Date {
  const date = new Date(Number(millis));
  if (Number.isNaN(date.getTime())) throw new DataException(`Timestamp ${millis} ms is outside the range Polyconnect can represent`);
  return date;
}

export class TimestampConverter implements Transformation {
  #field = '';
  #type: TimestampType = 'Timestamp';
  #format: SimpleDateFormat | null = null;
  #precision: UnixPrecision = 'milliseconds';
  #replaceNullWithDefault = true;
  #cache = new SchemaCache();

  constructor(private readonly part: RecordPart) {}

  configure(config: Readonly<Record<string, string>>): void {
    const parsed = TIMESTAMP_CONVERTER_CONFIG_DEF.parse(config);
    this.#field = parsed[FIELD_CONFIG] as string;
    this.#type = parsed[TARGET_TYPE_CONFIG] as TimestampType;
    this.#precision = parsed[UNIX_PRECISION_CONFIG] as UnixPrecision;
    this.#replaceNullWithDefault = parsed[REPLACE_NULL_WITH_DEFAULT_CONFIG] as boolean;
    this.#cache = new SchemaCache();
    const pattern = parsed[FORMAT_CONFIG] as string;
    const blank = pattern.trim() === '';
    if (this.#type === 'string' && blank) throw new ConfigException('TimestampConverter requires format option to be specified when using string timestamps');
    this.#format = null;
    if (!blank) {
      try {
        this.#format = new SimpleDateFormat(pattern);
      } catch (error) {
        // Kafka passes the exception where ConfigException(name, value) expects a value, hence this odd message.
        const cause = `java.lang.IllegalArgumentException: ${(error as Error).message}`;
        throw ConfigException.invalidValue(`TimestampConverter requires a SimpleDateFormat-compatible pattern for string timestamps: ${pattern}`, cause);
      }
    }
  }

  apply<R extends ConnectRecord>(record: R): R {
    const schema = this.part.schema(record);
    const value = this.part.value(record);
    if (schema === null) {
      if (value === null || value === undefined || this.#field === '') return this.part.with(record, null, this.#convert(value ?? null, null));
      const map = requireSchemalessMap(value, PURPOSE);
      return this.part.with(record, null, mapWith(map, [[this.#field, this.#convert(mapGet(map, this.#field), null)]]));
    }
    if (this.#field === '') {
      const sourceType = typeFromSchema(schema);
      return this.part.with(record, this.#targetSchema(schema.optional), this.#convert(value ?? null, sourceType));
    }
    const struct = requireStructOrNull(value, PURPOSE);
    let updatedSchema = this.#cache.get(schema);
    if (updatedSchema === undefined) {
      updatedSchema = this.#updatedSchema(schema);
      this.#cache.set(schema, updatedSchema);
    }
    return this.part.with(record, updatedSchema, this.#convertStruct(struct, updatedSchema));
  }

  #updatedSchema(schema: Schema): Schema {
    const builder = copySchemaBasics(schema, SchemaBuilder.struct());
    for (const field of schema.fields) builder.field(field.name, field.name === this.#field ? this.#targetSchema(field.schema.optional) : field.schema);
    if (schema.optional) builder.optional();
    const withoutDefault = builder.build();
    if (schema.defaultValue === undefined || schema.defaultValue === null) return withoutDefault;
    // Kafka converts the struct default too (against the schema being built).
    return builder.defaultValue(this.#convertStruct(schema.defaultValue as Struct, withoutDefault)).build();
  }

  #convertStruct(struct: Struct | null, schema: Schema): Struct | null {
    if (struct === null) return null;
    const updated = new Struct(schema);
    for (const field of struct.schema.fields) {
      const value = this.#replaceNullWithDefault ? struct.get(field) : struct.getWithoutDefault(field);
      updated.put(field.name, field.name === this.#field ? this.#convert(value, typeFromSchema(field.schema)) : value);
    }
    return updated;
  }

  #targetSchema(optional: boolean): Schema {
    switch (this.#type) {
      case 'string':
        return optional ? OPTIONAL_STRING_SCHEMA : STRING_SCHEMA;
      case 'unix':
        return optional ? OPTIONAL_INT64_SCHEMA : INT64_SCHEMA;
      case 'Date':
        return optional ? OPTIONAL_DATE_SCHEMA : DateSchema.SCHEMA;
      case 'Time':
        return optional ? OPTIONAL_TIME_SCHEMA : TimeSchema.SCHEMA;
      case 'Timestamp':
        return optional ? OPTIONAL_TIMESTAMP_SCHEMA : TimestampSchema.SCHEMA;
    }
  }

  /** Kafka's convertTimestamp: from `sourceType` (inferred from the value when null) to the target type. */
  #convert(timestamp: unknown, sourceType: TimestampType | null): unknown {
    if (timestamp === null || timestamp === undefined) return null;
    const raw = this.#toRaw(timestamp, sourceType ?? inferType(timestamp));
    return this.#toType(raw);
  }

  #toRaw(timestamp: unknown, type: TimestampType): Date {
    switch (type) {
      case 'string':
        if (typeof timestamp !== 'string') throw new DataException(`Expected string timestamp to be a String, but found ${javaClass(timestamp)}`);
        if (this.#format === null) throw missingFormat();
        try {
          return this.#format.parse(timestamp);
        } catch {
          throw new DataException(`Could not parse timestamp: value (${timestamp}) does not match pattern (${this.#format.toPattern()})`);
        }
      case 'unix': {
        if (!isLong(timestamp)) throw new DataException(`Expected Unix timestamp to be a Long, but found ${javaClass(timestamp)}`);
        const [multiplier, divisor] = UNIT[this.#precision];
        return dateOf(convertUnit(BigInt(timestamp), multiplier, divisor));
      }
      default:
        if (!(timestamp instanceof Date)) throw new DataException(`Expected ${type} to be a java.util.Date, but found ${javaClass(timestamp)}`);
        return timestamp;
    }
  }

  #toType(raw: Date): unknown {
    const millis = raw.getTime();
    switch (this.#type) {
      case 'string':
        return this.#format!.format(raw);
      case 'unix': {
        const [multiplier, divisor] = UNIT[this.#precision];
        return int64Value(convertUnit(BigInt(millis), divisor, multiplier));
      }
      case 'Date':
        return new Date(Math.floor(millis / MS_PER_DAY) * MS_PER_DAY);
      case 'Time':
        return new Date(((millis % MS_PER_DAY) + MS_PER_DAY) % MS_PER_DAY);
      case 'Timestamp':
        return raw;
    }
  }

  config(): ConfigDef {
    return TIMESTAMP_CONVERTER_CONFIG_DEF;
  }

  close(): void {}
}

const OPTIONAL_DATE_SCHEMA = DateSchema.builder().optional().build();
const OPTIONAL_TIME_SCHEMA = TimeSchema.builder().optional().build();
const OPTIONAL_TIMESTAMP_SCHEMA = TimestampSchema.builder().optional().build();

/** What Kafka throws for a string input when no `format` is set (its parser is null). */
function missingFormat(): Error {
  const error = new Error('Cannot invoke "java.text.SimpleDateFormat.parse(String)" because "config.format" is null');
  error.name = 'NullPointerException';
  return error;
}

/** An INT64 value: a whole number or a bigint (Kafka: `instanceof Long`). */
function isLong(value: unknown): value is number | bigint {
  return typeof value === 'bigint' || (typeof value === 'number' && Number.isSafeInteger(value));
}

/** Kafka's timestampTypeFromSchema. */
function typeFromSchema(schema: Schema): TimestampType {
  if (schema.name === TIMESTAMP_LOGICAL_NAME) return 'Timestamp';
  if (schema.name === DATE_LOGICAL_NAME) return 'Date';
  if (schema.name === TIME_LOGICAL_NAME) return 'Time';
  if (schema.type === 'STRING') return 'string';
  if (schema.type === 'INT64') return 'unix';
  throw new ConnectException(`Schema ${schema.toString()} does not correspond to a known timestamp type format`);
}

/** Kafka's inferTimestampType for schemaless values. */
function inferType(timestamp: unknown): TimestampType {
  if (timestamp instanceof Date) return 'Timestamp';
  if (isLong(timestamp)) return 'unix';
  if (typeof timestamp === 'string') return 'string';
  throw new DataException(`TimestampConverter does not support ${javaClass(timestamp)} objects as timestamps`);
}
