// Connect's logical types: Decimal (BYTES + scale, values are BigDecimal), Date (INT32 days,
// values are JS Dates at UTC midnight), Time (INT32 millis of day, JS Dates on 1970-01-01) and
// Timestamp (INT64 epoch millis, JS Dates), recognised by schema name as in Kafka Connect.

import { DataException } from './errors.js';
import {
  DATE_LOGICAL_NAME,
  DECIMAL_LOGICAL_NAME,
  DECIMAL_SCALE_PARAMETER,
  MILLIS_PER_DAY,
  TIME_LOGICAL_NAME,
  TIMESTAMP_LOGICAL_NAME,
} from './logical-names.js';
import type { Schema } from './schema.js';
import { SchemaBuilder } from './schema-builder.js';

export const DecimalSchema = {
  LOGICAL_NAME: DECIMAL_LOGICAL_NAME,
  SCALE_FIELD: DECIMAL_SCALE_PARAMETER,
  builder(scale: number): SchemaBuilder {
    return SchemaBuilder.bytes().name(DECIMAL_LOGICAL_NAME).parameter(DECIMAL_SCALE_PARAMETER, String(scale)).version(1);
  },
  schema(scale: number): Schema {
    return DecimalSchema.builder(scale).build();
  },
  /** The scale a Decimal schema declares. */
  scaleOf(schema: Schema): number {
    const text = schema.parameters?.[DECIMAL_SCALE_PARAMETER];
    const scale = text === undefined ? Number.NaN : Number(text);
    if (!Number.isInteger(scale)) throw new DataException(`Invalid Decimal schema: missing or invalid scale parameter "${text}"`);
    return scale;
  },
} as const;

export const DateSchema = {
  LOGICAL_NAME: DATE_LOGICAL_NAME,
  builder(): SchemaBuilder {
    return SchemaBuilder.int32().name(DATE_LOGICAL_NAME).version(1);
  },
  SCHEMA: SchemaBuilder.int32().name(DATE_LOGICAL_NAME).version(1).build(),
  /** Days since the epoch of a date at UTC midnight. */
  toDays(date: Date): number {
    const millis = date.getTime();
    if (millis % MILLIS_PER_DAY !== 0) {
      throw new DataException('Kafka Connect Date type should not have any time fields set to non-zero values.');
    }
    return millis / MILLIS_PER_DAY;
  },
  fromDays(days: number): Date {
    return new Date(days * MILLIS_PER_DAY);
  },
} as const;

export const TimeSchema = {
  LOGICAL_NAME: TIME_LOGICAL_NAME,
  builder(): SchemaBuilder {
    return SchemaBuilder.int32().name(TIME_LOGICAL_NAME).version(1);
  },
  SCHEMA: SchemaBuilder.int32().name(TIME_LOGICAL_NAME).version(1).build(),
  /** Milliseconds since midnight of a time on 1970-01-01 UTC. */
  toMillisOfDay(time: Date): number {
    const millis = time.getTime();
    if (millis < 0 || millis >= MILLIS_PER_DAY) {
      throw new DataException('Kafka Connect Time type should not have any date fields set to non-zero values.');
    }
    return millis;
  },
  fromMillisOfDay(millis: number): Date {
    return new Date(millis);
  },
} as const;

export const TimestampSchema = {
  LOGICAL_NAME: TIMESTAMP_LOGICAL_NAME,
  builder(): SchemaBuilder {
    return SchemaBuilder.int64().name(TIMESTAMP_LOGICAL_NAME).version(1);
  },
  SCHEMA: SchemaBuilder.int64().name(TIMESTAMP_LOGICAL_NAME).version(1).build(),
} as const;
