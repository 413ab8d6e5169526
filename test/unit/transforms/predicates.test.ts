// The built-in predicates (src/transforms/predicates/), after Kafka's HasHeaderKey,
// RecordIsTombstone and TopicNameMatches (connect-transforms 4.1.2) and their tests
// (HasHeaderKeyTest, RecordIsTombstoneTest, TopicNameMatchesTest): exact header key, null value,
// whole-topic Java regex match. Config messages are Kafka's (see also golden.test.ts).

import { describe, expect, it } from 'vitest';
import { ConfigException, STRING_SCHEMA } from '../../../src/data/index.js';
import { HasHeaderKey, RecordIsTombstone, TopicNameMatches } from '../../../src/transforms/predicates/index.js';
import type { ConnectRecord } from '../../../src/transforms/transformation.js';

function record(overrides: Partial<ConnectRecord> = {}): ConnectRecord {
  return { topic: 'topic', kafkaPartition: null, keySchema: null, key: null, valueSchema: STRING_SCHEMA, value: 'v', timestamp: null, headers: [], ...overrides };
}

describe('HasHeaderKey', () => {
  const predicate = new HasHeaderKey();
  predicate.configure({ name: 'trace' });

  it('is true when at least one header has exactly that key', () => {
    expect(predicate.test(record({ headers: [{ key: 'a', schema: null, value: 1 }, { key: 'trace', schema: null, value: null }] }))).toBe(true);
    expect(predicate.test(record({ headers: [{ key: 'trace', schema: null, value: 1 }, { key: 'trace', schema: null, value: 2 }] }))).toBe(true);
  });

  it('is false otherwise (keys are case-sensitive)', () => {
    expect(predicate.test(record({ headers: [{ key: 'Trace', schema: null, value: 1 }] }))).toBe(false);
    expect(predicate.test(record())).toBe(false);
  });

  it('requires a non-empty name', () => {
    expect(() => new HasHeaderKey().configure({})).toThrow(new ConfigException('Missing required configuration "name" which has no default value.'));
    expect(() => new HasHeaderKey().configure({ name: '' })).toThrow('Invalid value  for configuration name: String must be non-empty');
    expect(predicate.toString()).toBe("HasHeaderKey{name='trace'}");
  });
});

describe('RecordIsTombstone', () => {
  const predicate = new RecordIsTombstone();
  predicate.configure();

  it('is true exactly when the value is null, whatever the key and schema', () => {
    expect(predicate.test(record({ value: null }))).toBe(true);
    expect(predicate.test(record({ valueSchema: null, value: null, key: 'k' }))).toBe(true);
    expect(predicate.test(record({ value: '' }))).toBe(false);
    expect(predicate.test(record({ value: 0 }))).toBe(false);
    expect(predicate.config().keys()).toEqual([]);
  });
});

describe('TopicNameMatches', () => {
  const matcher = (pattern: string): TopicNameMatches => {
    const predicate = new TopicNameMatches();
    predicate.configure({ pattern });
    return predicate;
  };

  it('matches the whole topic name, not a part of it (Matcher.matches)', () => {
    const predicate = matcher('my-prefix-.*');
    expect(predicate.test(record({ topic: 'my-prefix-orders' }))).toBe(true);
    expect(predicate.test(record({ topic: 'x-my-prefix-orders' }))).toBe(false);
    expect(matcher('a|b').test(record({ topic: 'ab' }))).toBe(false);
    expect(matcher('orders').test(record({ topic: 'orders-1' }))).toBe(false);
  });

  it('takes Java regex syntax', () => {
    expect(matcher('\\Qa.b\\E\\p{Digit}+').test(record({ topic: 'a.b12' }))).toBe(true);
    expect(matcher('\\Qa.b\\E\\p{Digit}+').test(record({ topic: 'axb12' }))).toBe(false);
    expect(matcher('(?i)ORDERS').test(record({ topic: 'orders' }))).toBe(true);
  });

  it('rejects missing, empty and invalid patterns with Kafka’s messages', () => {
    expect(() => new TopicNameMatches().configure({})).toThrow('Missing required configuration "pattern" which has no default value.');
    expect(() => new TopicNameMatches().configure({ pattern: '' })).toThrow('Invalid value  for configuration pattern: String must be non-empty');
    expect(() => new TopicNameMatches().configure({ pattern: '(' })).toThrow(/^Invalid value \( for configuration pattern: Invalid regex: /);
  });
});
