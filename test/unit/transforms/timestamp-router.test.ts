// TimestampRouter. Expectations from Kafka 4.1.2's TimestampRouter.java: ${topic} and ${timestamp}
// replaced literally (topic first), the timestamp formatted with SimpleDateFormat in UTC, a null
// timestamp refused with the record's toString (exact text checked against Kafka in
// builtins-b.golden.test.ts). Differs on purpose: a bad timestamp.format is refused at configure.

import { describe, expect, it } from 'vitest';
import { ConfigException, DataException } from '../../../src/data/index.js';
import { HEADER, applied, configured, expectError, sinkRecord, sourceRecord, thrownBy } from './builtins-b-support.js';

describe('TimestampRouter', () => {
  it('formats the default topic-yyyyMMdd in UTC', () => {
    const result = applied(configured('TimestampRouter', {}), sinkRecord({ value: 'v' }));
    expect([result.topic, result.value, result.headers, result.originalTopic]).toEqual(['orders-20240229', 'v', [HEADER], 'orders']);
  });

  it('replaces every placeholder literally', () => {
    const transform = configured('TimestampRouter', { 'topic.format': '${topic}_${timestamp}_${topic}$1', 'timestamp.format': "yyyy-MM-dd'T'HH" });
    expect(applied(transform, sourceRecord({ topic: 'a$1' })).topic).toBe('a$1_2024-02-29T13_a$1$1');
    expect(applied(configured('TimestampRouter', { 'topic.format': 'fixed' }), sourceRecord()).topic).toBe('fixed');
  });

  it('refuses records without a timestamp, printing them as Kafka does', () => {
    const error = thrownBy(() => configured('TimestampRouter', {}).apply(sourceRecord({ timestamp: null, kafkaPartition: 0, headers: [] })));
    expect(error).toBeInstanceOf(DataException);
    expect(error.message).toBe(
      "Timestamp missing on record: SourceRecord{sourcePartition={file=in.txt}, sourceOffset={position=7}} ConnectRecord{topic='orders', kafkaPartition=0, key=null, keySchema=null, value=null, valueSchema=null, timestamp=null, headers=ConnectHeaders(headers=)}",
    );
  });

  it('refuses a date pattern Java would not compile, when configured', () => {
    expectError(() => configured('TimestampRouter', { 'timestamp.format': 'qq' }), ConfigException, "Invalid value qq for configuration timestamp.format: Illegal pattern character 'q'");
  });
});
