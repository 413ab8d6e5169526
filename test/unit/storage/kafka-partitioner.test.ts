// Records on the internal topics must land where Kafka Connect's Java producer would put them
// (BuiltInPartitioner.partitionForKey): kafkajs's DefaultPartitioner, which our producers use and
// javaPartitionForKey exposes, against Java's choices in test/golden/stores/partitions.json.
import { readFileSync } from 'node:fs';
import kafkajs from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { javaPartitionForKey } from '../../../src/kafka/java-partitioner.js';

interface Golden {
  kafkaVersion: string;
  partitionCounts: number[];
  keys: Array<{ key: string; keyText: string | null; murmur2: number; partitions: number[] }>;
}

const golden = JSON.parse(readFileSync(new URL('../../golden/stores/partitions.json', import.meta.url), 'utf8')) as Golden;

describe("Java's murmur2 partitioning", () => {
  it('covers internal-topic keys and arbitrary bytes over many partition counts', () => {
    expect(golden.kafkaVersion).toBe('4.1.2');
    expect(golden.keys.length).toBeGreaterThanOrEqual(50);
    expect(golden.partitionCounts).toContain(25);
  });

  for (const entry of golden.keys) {
    const key = Buffer.from(entry.key, 'base64');
    it(`${entry.keyText === null ? `${key.length} random bytes` : JSON.stringify(entry.keyText)}`, () => {
      expect(golden.partitionCounts.map((count) => javaPartitionForKey(key, count))).toEqual(entry.partitions);
    });
  }

  it('is what a kafkajs producer created with DefaultPartitioner chooses', () => {
    const partitioner = kafkajs.Partitioners.DefaultPartitioner();
    const partitionMetadata = Array.from({ length: 25 }, (_, partitionId) => ({ partitionId, leader: 0, replicas: [0], isr: [0], partitionErrorCode: 0 }));
    for (const entry of golden.keys) {
      const key = Buffer.from(entry.key, 'base64');
      expect(partitioner({ topic: 't', partitionMetadata, message: { key, value: null } })).toBe(entry.partitions[golden.partitionCounts.indexOf(25)]);
    }
  });
});
