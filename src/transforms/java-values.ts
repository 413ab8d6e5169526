// How Kafka's SMT messages print Connect values: the Java class of a value (`value.getClass()`,
// "class java.lang.Long") and Java's toString of values and records, for the SMTs of builtins-b.ts.

import { BigDecimal, DATE_LOGICAL_NAME, DECIMAL_LOGICAL_NAME, Struct, TIME_LOGICAL_NAME, TIMESTAMP_LOGICAL_NAME, isPlainObject, type Schema } from '../data/index.js';
import { javaNumberText } from '../converters/java-number.js';
import type { ConnectRecord } from './transformation.js';

const CLASS_BY_TYPE: Readonly<Record<string, string>> = {
  INT8: 'java.lang.Byte',
  INT16: 'java.lang.Short',
  INT32: 'java.lang.Integer',
  INT64: 'java.lang.Long',
  FLOAT32: 'java.lang.Float',
  FLOAT64: 'java.lang.Double',
  BOOLEAN: 'java.lang.Boolean',
  STRING: 'java.lang.String',
  BYTES: '[B',
  ARRAY: 'java.util.ArrayList',
  MAP: 'java.util.HashMap',
  STRUCT: 'org.apache.kafka.connect.data.Struct',
};

/**
 * The Java class name of a value. With a schema the class follows from it (an INT8 is a Byte);
 * without one a whole number counts as a Long and any other number as a Double, as
 * JsonConverter reads schemaless numbers.
 */
export function javaClassName(value: unknown, schema: Schema | null = null): string {
  if (schema !== null) {
    switch (schema.name) {
      case DECIMAL_LOGICAL_NAME:
        return 'java.math.BigDecimal';
      case DATE_LOGICAL_NAME:
      case TIME_LOGICAL_NAME:
      case TIMESTAMP_LOGICAL_NAME:
        return 'java.util.Date';
      default:
        return CLASS_BY_TYPE[schema.type]!;
    }
  }
  switch (typeof value) {
    case 'string':
      return 'java.lang.String';
    case 'boolean':
      return 'java.lang.Boolean';
    case 'bigint':
      return 'java.lang.Long';
    case 'number':
      return Number.isInteger(value) && !Object.is(value, -0) ? 'java.lang.Long' : 'java.lang.Double';
    default:
      break;
  }
  if (value === null || value === undefined) return 'null';
  if (value instanceof Uint8Array) return '[B';
  if (value instanceof BigDecimal) return 'java.math.BigDecimal';
  if (value instanceof Date) return 'java.util.Date';
  if (value instanceof Struct) return 'org.apache.kafka.connect.data.Struct';
  if (Array.isArray(value)) return 'java.util.ArrayList';
  if (value instanceof Map || isPlainObject(value)) return 'java.util.HashMap';
  return (value as object).constructor?.name ?? typeof value;
}

/** `value.getClass()` in a Java message: "class java.lang.Long". */
export function javaClass(value: unknown, schema: Schema | null = null): string {
  return `class ${javaClassName(value, schema)}`;
}

/** Java's String.valueOf of a Connect value, as Kafka's messages print it. */
export function javaString(value: unknown, schema: Schema | null = null): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number' || typeof value === 'bigint') return javaNumberText(schema?.type, value);
  if (value instanceof Uint8Array) return '[B@' + Buffer.from(value).toString('hex').slice(0, 8);
  if (value instanceof Date) return javaDateString(value);
  if (Array.isArray(value)) return `[${value.map((element: unknown) => javaString(element, schema?.valueSchema ?? null)).join(', ')}]`;
  if (value instanceof Map || isPlainObject(value)) {
    const entries = value instanceof Map ? [...value.entries()] : Object.entries(value);
    return `{${entries.map(([key, element]) => `${javaString(key, schema?.keySchema ?? null)}=${javaString(element, schema?.valueSchema ?? null)}`).join(', ')}}`;
  }
  if (value instanceof Struct) {
    const parts = value.schema.fields.flatMap((field) => {
      const element = value.getWithoutDefault(field);
      return element === null ? [] : [`${field.name}=${javaString(element, field.schema)}`];
    });
    return `Struct{${parts.join(',')}}`;
  }
  return String(value);
}

const DAY_NAMES = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** java.util.Date.toString in a UTC JVM: "Thu Jan 01 00:00:00 UTC 1970". */
function javaDateString(date: Date): string {
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${DAY_NAMES[date.getUTCDay()]} ${MONTH_NAMES[date.getUTCMonth()]} ${two(date.getUTCDate())} ${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())} UTC ${date.getUTCFullYear()}`;
}

/** Kafka's TimestampType.toString. */
const TIMESTAMP_TYPE_NAMES: Readonly<Record<string, string>> = {
  NO_TIMESTAMP_TYPE: 'NoTimestampType',
  CREATE_TIME: 'CreateTime',
  LOG_APPEND_TIME: 'LogAppendTime',
};

/** Java's toString of a SinkRecord or SourceRecord (a record with kafkaOffset is a sink record). */
export function javaRecordString(record: ConnectRecord): string {
  const extra = record as ConnectRecord & Record<string, unknown>;
  const headers = record.headers.length === 0
    ? ''
    : `[${record.headers.map((header) => `ConnectHeader(key=${header.key}, value=${javaString(header.value, header.schema)}, schema=${String(header.schema)})`).join(', ')}]`;
  const base = `ConnectRecord{topic='${record.topic}', kafkaPartition=${String(record.kafkaPartition)}, key=${javaString(record.key, record.keySchema)}, keySchema=${String(record.keySchema)}, value=${javaString(record.value, record.valueSchema)}, valueSchema=${String(record.valueSchema)}, timestamp=${String(record.timestamp)}, headers=ConnectHeaders(headers=${headers})}`;
  if (typeof extra.kafkaOffset === 'number') {
    return `SinkRecord{kafkaOffset=${extra.kafkaOffset}, timestampType=${TIMESTAMP_TYPE_NAMES[String(extra.timestampType)] ?? String(extra.timestampType)}, originalTopic=${String(extra.originalTopic)}, originalKafkaPartition=${String(extra.originalKafkaPartition)}, originalKafkaOffset=${String(extra.originalKafkaOffset)}} ${base}`;
  }
  return `SourceRecord{sourcePartition=${javaString(extra.sourcePartition ?? null)}, sourceOffset=${javaString(extra.sourceOffset ?? null)}} ${base}`;
}

/** Whether a record is a sink record (Kafka: `record instanceof SinkRecord`): only those carry a Kafka offset. */
export function isSinkRecord(record: ConnectRecord): record is ConnectRecord & { readonly kafkaOffset: number } {
  return typeof (record as ConnectRecord & { kafkaOffset?: unknown }).kafkaOffset === 'number';
}
