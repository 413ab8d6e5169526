// Source partitions and offsets in Confluent's shapes and Java's key order, and back.

import { describe, expect, it } from 'vitest';
import { Instant } from '../src/time.js';
import { QUERY_PARTITION, TimestampIncrementingOffset, partitionV0, partitionV1, possiblePartitions } from '../src/source/offsets.js';

describe('partitions', () => {
  it('are Confluent\'s protocol 1 (schema.table, no database), protocol 0 and query partitions', () => {
    const table = { schema: 'public', table: 'clients' };
    expect(JSON.stringify(partitionV1(table))).toBe('{"protocol":"1","table":"public.clients"}');
    expect(JSON.stringify(partitionV0(table))).toBe('{"table":"clients"}');
    expect(JSON.stringify(QUERY_PARTITION)).toBe('{"query":"query"}');
    expect(possiblePartitions(table)).toEqual([partitionV1(table), partitionV0(table)]);
  });
});

describe('TimestampIncrementingOffset', () => {
  it('writes the keys it has, in the order Java\'s HashMap gives them', () => {
    const instant = new Instant(1_704_103_200, 123_456_000);
    expect(JSON.stringify(new TimestampIncrementingOffset(instant, 42).toMap())).toBe('{"timestamp_nanos":123456000,"incrementing":42,"timestamp":1704103200123}');
    expect(JSON.stringify(new TimestampIncrementingOffset(instant, null).toMap())).toBe('{"timestamp_nanos":123456000,"timestamp":1704103200123}');
    expect(JSON.stringify(new TimestampIncrementingOffset(null, 7).toMap())).toBe('{"incrementing":7}');
    expect(TimestampIncrementingOffset.EMPTY.toMap()).toEqual({});
    // Beyond 2^53 a JSON number would lose digits: the value is kept as a string.
    expect(new TimestampIncrementingOffset(null, 9223372036854775807n).toMap()).toEqual({ incrementing: '9223372036854775807' });
  });

  it('reads stored offsets back, nanos replacing the millisecond fraction as Timestamp.setNanos does', () => {
    const offset = TimestampIncrementingOffset.fromMap({ timestamp: 1_704_103_200_123, timestamp_nanos: 123_456_789, incrementing: 9 });
    expect(offset.timestamp).toEqual(new Instant(1_704_103_200, 123_456_789));
    expect(offset.incrementing).toBe(9);
    expect(TimestampIncrementingOffset.fromMap({ timestamp: -1500 }).timestamp).toEqual(new Instant(-2, 500_000_000));
    expect(TimestampIncrementingOffset.fromMap({ incrementing: '9223372036854775807' }).incrementing).toBe(9223372036854775807n);
  });

  it('starts from the epoch and -1 when empty', () => {
    expect(TimestampIncrementingOffset.fromMap(null).timestampOrEpoch).toEqual(new Instant(0, 0));
    expect(TimestampIncrementingOffset.fromMap({}).incrementingOrDefault).toBe(-1);
  });
});
