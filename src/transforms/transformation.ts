// The contracts of single message transforms and predicates (Kafka's Transformation and
// Predicate), and the record they work on. Transforms run in the worker, once for every
// connector language, on source records after poll and on sink records before put.

import type { ConfigDef, Header, Schema } from '../data/index.js';

/**
 * The part of a record transforms see and change. Source records also carry sourcePartition and
 * sourceOffset, sink records kafkaOffset, timestampType and the original coordinates; transforms
 * keep those by building new records with `newRecord`, which copies everything it is not told to
 * change (Kafka's ConnectRecord.newRecord).
 */
export interface ConnectRecord {
  readonly topic: string;
  /** null: the producer's partitioner chooses (source records). */
  readonly kafkaPartition: number | null;
  readonly keySchema: Schema | null;
  readonly key: unknown;
  readonly valueSchema: Schema | null;
  readonly value: unknown;
  /** Epoch ms, or null. */
  readonly timestamp: number | null;
  readonly headers: readonly Header[];
}

export interface Transformation<R extends ConnectRecord = ConnectRecord> {
  /** Called once with the transform's own keys (the `transforms.<alias>.` prefix removed). Throws ConfigException. */
  configure(config: Readonly<Record<string, string>>): void;
  /** The changed record, the same record, or null to drop it. Throws DataException for records it cannot handle. */
  apply(record: R): R | null;
  /** The transform's config definition (validation, /connector-plugins/{class}/config). */
  config(): ConfigDef;
  close(): void;
}

export interface Predicate<R extends ConnectRecord = ConnectRecord> {
  configure(config: Readonly<Record<string, string>>): void;
  test(record: R): boolean;
  config(): ConfigDef;
  close(): void;
}

/** A built-in transform or predicate class, under Kafka's class name (with $Key / $Value where Kafka has them). */
export interface PluginClassEntry<T> {
  readonly className: string;
  /** Kafka's `version()` for built-ins: the Kafka version they match. */
  readonly version: string;
  create(): T;
}

/** A copy of `record` with `changes` applied; every other field (source or sink specific) is kept. */
export function newRecord<R extends ConnectRecord>(record: R, changes: Partial<ConnectRecord>): R {
  return { ...record, ...changes };
}
