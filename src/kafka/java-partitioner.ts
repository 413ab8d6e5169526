// The partition Java's producer picks for a keyed record (BuiltInPartitioner.partitionForKey:
// murmur2 of the key bytes, made positive, modulo the partition count). kafkajs's
// DefaultPartitioner implements the same function; this module exposes it (it is what our
// producers use) so that in-memory logs and tests can place records without a broker. Its
// equality with Java is tested against test/golden/stores/partitions.json.

import kafkajs from 'kafkajs';

const { Partitioners } = kafkajs;

const partitioner = Partitioners.DefaultPartitioner();

/** The partition Kafka's Java producer would choose for these key bytes among `partitionCount` partitions. */
export function javaPartitionForKey(key: Buffer, partitionCount: number): number {
  const partitionMetadata = Array.from({ length: partitionCount }, (_, partitionId) => ({ partitionId, leader: 0, replicas: [0], isr: [0], partitionErrorCode: 0 }));
  return partitioner({ topic: '', partitionMetadata, message: { key, value: null } });
}
