// The records that cross the plugin boundary: SourceRecord (what a source task returns from poll)
// and SinkRecord (what a sink task receives in put), with their headers, in Connect's data model.
// They are plain objects so that building millions of them stays cheap.

import type { Schema } from './schema.js';

/** A source partition or offset: a map of string keys to primitive values, e.g. {"filename": "/in.txt"}. */
export type SourceMap = Readonly<Record<string, unknown>>;

export interface Header {
  readonly key: string;
  /** The header value's schema; null for schemaless values. */
  readonly schema: Schema | null;
  readonly value: unknown;
}

export interface SourceRecord {
  readonly topic: string;
  /** The Kafka partition to write to; null or absent lets the producer's partitioner choose. */
  readonly kafkaPartition?: number | null;
  readonly keySchema?: Schema | null;
  readonly key?: unknown;
  readonly valueSchema?: Schema | null;
  readonly value?: unknown;
  /** Epoch milliseconds; null or absent means "the producer's time". */
  readonly timestamp?: number | null;
  readonly headers?: readonly Header[];
  /** Where in the external system the record came from, e.g. {"filename": "/in.txt"}. */
  readonly sourcePartition?: SourceMap | null;
  /** The position after this record in that partition, e.g. {"position": 4096}. */
  readonly sourceOffset?: SourceMap | null;
}

export type TimestampType = 'NO_TIMESTAMP_TYPE' | 'CREATE_TIME' | 'LOG_APPEND_TIME';

export interface SinkRecord {
  readonly topic: string;
  readonly kafkaPartition: number;
  readonly kafkaOffset: number;
  readonly timestamp: number | null;
  readonly timestampType: TimestampType;
  readonly keySchema: Schema | null;
  readonly key: unknown;
  readonly valueSchema: Schema | null;
  readonly value: unknown;
  readonly headers: readonly Header[];
  /** The topic the record was consumed from, before any transformation changed it. */
  readonly originalTopic: string;
  readonly originalKafkaPartition: number;
  readonly originalKafkaOffset: number;
}

export interface TopicPartition {
  readonly topic: string;
  readonly partition: number;
}

/** The next offset to consume in a topic partition (last processed offset + 1). */
export interface TopicPartitionOffset extends TopicPartition {
  readonly offset: number;
}

/** A canonical text key for a topic partition, for use in Maps. */
export function topicPartitionKey(topic: string, partition: number): string {
  return `${topic}-${partition}`;
}
