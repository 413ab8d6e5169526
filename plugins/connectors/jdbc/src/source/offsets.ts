// Source partitions and offsets, in Confluent's exact shapes (OffsetProtocols,
// TimestampIncrementingOffset, JdbcSourceConnectorConstants), so that offsets Kafka Connect
// stored for the Java connector are picked up, and ours read like theirs:
//   table modes:  partition {"protocol":"1","table":"<schema>.<table>"} (protocol 1; for
//                 PostgreSQL the name has no database part), falling back on reading to the
//                 protocol-0 partition {"table":"<table>"}
//   query mode:   partition {"query":"query"}
//   bulk mode:    partition {"table":"<table>"} and no offset
//   offsets:      {"timestamp_nanos": n, "incrementing": i, "timestamp": ms}, each present when used
// Keys are written in the order Java's HashMap iterates them (the JSON Kafka Connect writes),
// so that offset records stay byte-identical.

import type { SourceMap } from '@polyconnect/sdk';
import { type TableId, unquotedName } from '../identifiers.js';
import { Instant } from '../time.js';

export const TABLE_NAME_KEY = 'table';
export const QUERY_NAME_KEY = 'query';
export const QUERY_NAME_VALUE = 'query';
export const OFFSET_PROTOCOL_VERSION_KEY = 'protocol';
export const PROTOCOL_VERSION_ONE = '1';
export const INCREMENTING_FIELD = 'incrementing';
export const TIMESTAMP_FIELD = 'timestamp';
export const TIMESTAMP_NANOS_FIELD = 'timestamp_nanos';

/** Protocol 1: the fully qualified table name and an explicit protocol key. */
export function partitionV1(table: TableId): SourceMap {
  return Object.freeze({ [OFFSET_PROTOCOL_VERSION_KEY]: PROTOCOL_VERSION_ONE, [TABLE_NAME_KEY]: unquotedName(table) });
}

/** Protocol 0: the bare table name (also the bulk mode's partition). */
export function partitionV0(table: TableId): SourceMap {
  return Object.freeze({ [TABLE_NAME_KEY]: table.table });
}

export const QUERY_PARTITION: SourceMap = Object.freeze({ [QUERY_NAME_KEY]: QUERY_NAME_VALUE });

/** The partitions under which a table's offset may be stored, newest protocol first. */
export function possiblePartitions(table: TableId): SourceMap[] {
  return [partitionV1(table), partitionV0(table)];
}

/** A position in a table: the last incrementing value and/or the last timestamp seen. */
export class TimestampIncrementingOffset {
  static readonly EMPTY = new TimestampIncrementingOffset(null, null);

  constructor(
    readonly timestamp: Instant | null,
    readonly incrementing: number | bigint | null,
  ) {}

  /** The timestamp to query after: the epoch when there is none (Confluent's new Timestamp(0)). */
  get timestampOrEpoch(): Instant {
    return this.timestamp ?? new Instant(0, 0);
  }

  /** The incrementing value to query after: -1 when there is none. */
  get incrementingOrDefault(): number | bigint {
    return this.incrementing ?? -1;
  }

  toMap(): SourceMap {
    const map: Record<string, unknown> = {};
    if (this.timestamp !== null) map[TIMESTAMP_NANOS_FIELD] = this.timestamp.nanos;
    // Beyond ±(2^53 - 1) JSON numbers lose digits in JavaScript: such values are stored as strings
    // (read back by fromMap; the Java connector could not read them, but it never stores them).
    if (this.incrementing !== null) map[INCREMENTING_FIELD] = typeof this.incrementing === 'bigint' ? this.incrementing.toString() : this.incrementing;
    if (this.timestamp !== null) map[TIMESTAMP_FIELD] = this.timestamp.millis;
    return map;
  }

  static fromMap(map: SourceMap | null | undefined): TimestampIncrementingOffset {
    if (map === null || map === undefined || Object.keys(map).length === 0) return TimestampIncrementingOffset.EMPTY;
    const incrementing = integer(map[INCREMENTING_FIELD]);
    const millis = integer(map[TIMESTAMP_FIELD]);
    let timestamp: Instant | null = null;
    if (millis !== null) {
      const base = Instant.fromMillis(Number(millis));
      const nanos = integer(map[TIMESTAMP_NANOS_FIELD]);
      timestamp = nanos === null ? base : new Instant(base.epochSecond, Number(nanos));
    }
    return new TimestampIncrementingOffset(timestamp, incrementing);
  }
}

function integer(value: unknown): number | bigint | null {
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (typeof value === 'bigint') return value;
  if (typeof value === 'string' && /^-?\d+$/.test(value)) {
    const n = Number(value);
    return Number.isSafeInteger(n) ? n : BigInt(value);
  }
  return null;
}
