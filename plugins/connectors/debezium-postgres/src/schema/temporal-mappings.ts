// Date, time and timestamp columns as Debezium maps them (time.precision.mode): adaptive picks
// Date, Time/MicroTime and Timestamp/MicroTimestamp by the column's precision, connect uses Kafka
// Connect's logical types. Infinite dates and timestamps (PostgreSQL's ±infinity) become null.

import { DateSchema, SchemaBuilder, TimeSchema, TimestampSchema } from '@polyconnect/sdk';
import type { TimePrecisionMode } from './converter-settings.js';
import { DebeziumNames } from './debezium-names.js';
import { int64Value, parseDate, parseTimeMicros, parseTimestampMicros } from './pg-text.js';
import type { TypeMapping } from './type-mapping.js';

/** time(p) / timestamp(p): p is the typmod; without one PostgreSQL keeps microseconds (6). */
export function timePrecision(typmod: number): number {
  return typmod < 0 ? 6 : typmod;
}

export function dateMapping(mode: TimePrecisionMode): TypeMapping {
  if (mode === 'connect') {
    return { builder: () => DateSchema.builder(), convert: (text) => nullable(parseDate(text), (days) => DateSchema.fromDays(days)) };
  }
  return { builder: () => SchemaBuilder.int32().name(DebeziumNames.DATE).version(1), convert: (text) => parseDate(text) ?? null };
}

export function timeMapping(precision: number, mode: TimePrecisionMode): TypeMapping {
  if (mode === 'connect') {
    return { builder: () => TimeSchema.builder(), convert: (text) => new Date(Number(parseTimeMicros(text) / 1000n)) };
  }
  if (mode === 'adaptive' && precision <= 3) {
    return { builder: () => SchemaBuilder.int32().name(DebeziumNames.TIME).version(1), convert: (text) => Number(parseTimeMicros(text) / 1000n) };
  }
  return { builder: () => SchemaBuilder.int64().name(DebeziumNames.MICRO_TIME).version(1), convert: (text) => int64Value(parseTimeMicros(text)) };
}

export function timestampMapping(precision: number, mode: TimePrecisionMode): TypeMapping {
  const micros = (text: string): bigint | undefined => parseTimestampMicros(text);
  if (mode === 'connect') {
    return { builder: () => TimestampSchema.builder(), convert: (text) => nullable(micros(text), (value) => new Date(Number(floorDiv(value, 1000n)))) };
  }
  if (precision <= 3) {
    return { builder: () => SchemaBuilder.int64().name(DebeziumNames.TIMESTAMP).version(1), convert: (text) => nullable(micros(text), (value) => int64Value(floorDiv(value, 1000n))) };
  }
  return { builder: () => SchemaBuilder.int64().name(DebeziumNames.MICRO_TIMESTAMP).version(1), convert: (text) => nullable(micros(text), int64Value) };
}

function floorDiv(value: bigint, divisor: bigint): bigint {
  const quotient = value / divisor;
  return value % divisor < 0n ? quotient - 1n : quotient;
}

function nullable<T, R>(value: T | undefined, map: (value: T) => R): R | null {
  return value === undefined ? null : map(value);
}
