// RecordConsumer: consumes raw records in a consumer group for a sink task, as Kafka Connect's
// sink consumers do (group connect-<connector>, no auto-commit, earliest offset reset), batch by
// batch, with explicit offset commits and notice of partition assignment changes.

import type { Consumer, EachBatchPayload, IHeaders } from 'kafkajs';
import type { TopicPartition, TopicPartitionOffset } from '../data/index.js';
import type { KafkaConnection } from './kafka-client.js';
import { isRebalanceError } from './group-errors.js';

export interface ConsumedRecord {
  topic: string;
  partition: number;
  offset: number;
  timestamp: number | null;
  key: Buffer | null;
  value: Buffer | null;
  headers: Array<{ key: string; value: Buffer | null }>;
}

export interface ConsumedBatch {
  topic: string;
  partition: number;
  records: ConsumedRecord[];
}

export interface RecordConsumerOptions {
  groupId: string;
  sessionTimeoutMs?: number;
  heartbeatIntervalMs?: number;
  maxWaitTimeMs?: number;
  maxBytesPerPartition?: number;
}

export interface ConsumerHandlers {
  /** Called with each batch; the next batch of the same partition waits for it. */
  onBatch(batch: ConsumedBatch, context: { heartbeat(): Promise<void>; isStale(): boolean }): Promise<void>;
  /** Called when the group assigns this member a new set of partitions (the full set). */
  onAssignment(partitions: TopicPartition[]): void;
}

export interface RecordConsumer {
  connect(): Promise<void>;
  subscribe(subscription: { topics: readonly string[] } | { pattern: RegExp }): Promise<void>;
  run(handlers: ConsumerHandlers): Promise<void>;
  /** Commits the given next-offsets for the group; only valid while running. */
  commit(offsets: readonly TopicPartitionOffset[]): Promise<void>;
  pause(partitions: readonly TopicPartition[]): void;
  resume(partitions: readonly TopicPartition[]): void;
  /** Stops fetching, waits for the batch in progress, leaves the group and disconnects. */
  close(): Promise<void>;
}

const SUBSCRIBE_RETRY_MS = 30_000;

/**
 * A commit the group coordinator refused because the group rebalanced meanwhile (Java's
 * CommitFailedException): nothing is wrong with the task; the offsets are committed later, by
 * this member or by the partitions' next owner, and some records may be delivered again.
 */
export class CommitDuringRebalanceError extends Error {
  override name = 'CommitDuringRebalanceError';
  constructor(cause: Error) {
    super(`Offset commit refused because the consumer group rebalanced: ${cause.message}`, { cause });
  }
}

export function createRecordConsumer(connection: KafkaConnection, options: RecordConsumerOptions): RecordConsumer {
  const consumer: Consumer = connection.consumer({
    groupId: options.groupId,
    sessionTimeout: options.sessionTimeoutMs ?? 45_000,
    heartbeatInterval: options.heartbeatIntervalMs ?? 3_000,
    maxWaitTimeInMs: options.maxWaitTimeMs ?? 500,
    maxBytesPerPartition: options.maxBytesPerPartition ?? 1_048_576,
    // As Java's consumer (allow.auto.create.topics=true): a sink may start before its topic exists.
    allowAutoTopicCreation: true,
  });
  return {
    connect: () => consumer.connect(),
    async subscribe(subscription) {
      const topics = 'topics' in subscription ? [...subscription.topics] : [subscription.pattern];
      // A topic that is being auto-created is briefly unknown to the broker that answers; Java's
      // consumer waits for it, kafkajs gives up, so retry here for a while.
      const deadline = Date.now() + SUBSCRIBE_RETRY_MS;
      for (;;) {
        try {
          await consumer.subscribe({ topics, fromBeginning: true });
          return;
        } catch (error) {
          if ((error as { type?: string }).type !== 'UNKNOWN_TOPIC_OR_PARTITION' || Date.now() > deadline) throw error;
          await new Promise((resolve) => setTimeout(resolve, 250));
        }
      }
    },
    async run(handlers) {
      consumer.on(consumer.events.GROUP_JOIN, (event) => {
        const assignment = event.payload.memberAssignment as Record<string, number[]>;
        handlers.onAssignment(Object.entries(assignment).flatMap(([topic, partitions]) => partitions.map((partition) => ({ topic, partition }))));
      });
      await consumer.run({
        autoCommit: false,
        eachBatchAutoResolve: true,
        eachBatch: async (payload: EachBatchPayload) => {
          const { batch } = payload;
          await handlers.onBatch(
            {
              topic: batch.topic,
              partition: batch.partition,
              records: batch.messages.map((message) => ({
                topic: batch.topic,
                partition: batch.partition,
                offset: Number(message.offset),
                timestamp: message.timestamp === undefined ? null : Number(message.timestamp),
                key: message.key ?? null,
                value: message.value ?? null,
                headers: flattenHeaders(message.headers),
              })),
            },
            { heartbeat: () => payload.heartbeat(), isStale: () => payload.isStale() },
          );
        },
      });
    },
    async commit(offsets) {
      if (offsets.length === 0) return;
      try {
        await consumer.commitOffsets(offsets.map(({ topic, partition, offset }) => ({ topic, partition, offset: String(offset) })));
      } catch (error) {
        if (isRebalanceError(error)) throw new CommitDuringRebalanceError(error as Error);
        throw error;
      }
    },
    pause: (partitions) => consumer.pause(groupByTopic(partitions)),
    resume: (partitions) => consumer.resume(groupByTopic(partitions)),
    async close() {
      await consumer.stop();
      await consumer.disconnect();
    },
  };
}

function flattenHeaders(headers: IHeaders | undefined): Array<{ key: string; value: Buffer | null }> {
  if (headers === undefined) return [];
  const flat: Array<{ key: string; value: Buffer | null }> = [];
  for (const [key, value] of Object.entries(headers)) {
    const values = Array.isArray(value) ? value : [value];
    for (const single of values) flat.push({ key, value: single === undefined ? null : Buffer.isBuffer(single) ? single : Buffer.from(single) });
  }
  return flat;
}

function groupByTopic(partitions: readonly TopicPartition[]): Array<{ topic: string; partitions: number[] }> {
  const byTopic = new Map<string, number[]>();
  for (const { topic, partition } of partitions) byTopic.set(topic, [...(byTopic.get(topic) ?? []), partition]);
  return [...byTopic].map(([topic, list]) => ({ topic, partitions: list }));
}
