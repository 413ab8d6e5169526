// LogConsumer: reads every partition of one topic without a consumer group, as Kafka Connect's
// KafkaBasedLog does with KafkaConsumer.assign() (no group, no committed offsets, no rebalances).
//
// kafkajs 2.2.4 has no public assign(): its consumer always joins a group. So this module drives
// kafkajs's own cluster object (the one its producer, consumer and admin are built on, created
// through the client's private factory) and sends Fetch and ListOffsets requests itself, read
// uncommitted like Java's default. That use of kafkajs internals is confined to this file; if a
// kafkajs upgrade moves them, `open` fails with a message that says so.
//
// Lifecycle: open() (metadata for the topic, waiting for it to appear), then any number of
// offsets()/fetch() calls, then close(). Not safe for concurrent fetch() calls.

import type { Logger } from 'pino';
import type { KafkaConnection } from './kafka-client.js';

export interface FetchedRecord {
  readonly partition: number;
  readonly offset: number;
  readonly timestamp: number;
  readonly key: Buffer | null;
  readonly value: Buffer | null;
}

export interface FetchResult {
  /** Records of each fetched partition, in offset order (partitions one after the other). */
  readonly records: FetchedRecord[];
  /** The next offset to fetch for every partition the fetch advanced. */
  readonly positions: ReadonlyMap<number, number>;
}

export interface LogConsumer {
  /** Loads the topic's metadata, waiting up to `timeoutMs` for its partitions; returns their ids. */
  open(timeoutMs: number): Promise<number[]>;
  /** Earliest (`beginning`) or next-to-be-written (`end`, the high watermark) offset per partition. */
  offsets(which: 'beginning' | 'end', partitions: readonly number[]): Promise<Map<number, number>>;
  /**
   * One fetch from each partition leader, long-polling up to `maxWaitMs` when there is nothing new.
   * A partition whose position fell out of the log (deleted records) restarts from its beginning.
   */
  fetch(positions: ReadonlyMap<number, number>, maxWaitMs: number): Promise<FetchResult>;
  close(): Promise<void>;
}

// The parts of kafkajs's internal Cluster and Broker this module uses.
interface KafkajsMessage {
  offset: string;
  timestamp: string;
  key: Buffer | null;
  value: Buffer | null;
  isControlRecord?: boolean;
}
interface KafkajsFetchResponse {
  responses: Array<{ topicName: string; partitions: Array<{ partition: number; highWatermark: string; messages: KafkajsMessage[] }> }>;
}
interface KafkajsBroker {
  fetch(request: {
    replicaId?: number;
    isolationLevel: number;
    maxWaitTime: number;
    minBytes: number;
    maxBytes: number;
    topics: Array<{ topic: string; partitions: Array<{ partition: number; fetchOffset: string; maxBytes: number }> }>;
  }): Promise<KafkajsFetchResponse>;
}
interface KafkajsCluster {
  connect(): Promise<void>;
  disconnect(): Promise<void>;
  addTargetTopic(topic: string): Promise<void>;
  refreshMetadata(): Promise<void>;
  refreshMetadataIfNecessary(): Promise<void>;
  findTopicPartitionMetadata(topic: string): Array<{ partitionId: number; leader: number }>;
  findBroker(options: { nodeId: string }): Promise<KafkajsBroker>;
  fetchTopicsOffset(
    topics: Array<{ topic: string; fromBeginning: boolean; partitions: Array<{ partition: number }> }>,
  ): Promise<Array<{ topic: string; partitions: Array<{ partition: number; offset: string }> }>>;
}
type CreateCluster = (options: {
  metadataMaxAge?: number;
  allowAutoTopicCreation: boolean;
  maxInFlightRequests: number | null;
  instrumentationEmitter: null;
  isolationLevel: number;
}) => KafkajsCluster;

const READ_UNCOMMITTED = 0;
const STALE_METADATA_ERRORS = ['NOT_LEADER_FOR_PARTITION', 'UNKNOWN_TOPIC_OR_PARTITION', 'LEADER_NOT_AVAILABLE'];
const PARTITION_MAX_BYTES = 1_048_576;
const FETCH_MAX_BYTES = 52_428_800;
const METADATA_MAX_AGE_MS = 300_000;

/** The kafkajs client's private cluster factory, found by its symbol's description. */
function clusterFactory(connection: KafkaConnection): CreateCluster {
  const holder = connection as unknown as Record<symbol, unknown>;
  const symbol = Object.getOwnPropertySymbols(holder).find((s) => s.description === 'private:Kafka:createCluster');
  const factory = symbol === undefined ? undefined : holder[symbol];
  if (typeof factory !== 'function') {
    throw new Error('This kafkajs version has no private cluster factory; the group-less log consumer (src/kafka/log-consumer.ts) needs updating');
  }
  return factory as CreateCluster;
}

export function createLogConsumer(connection: KafkaConnection, topic: string, logger: Logger): LogConsumer {
  const cluster = clusterFactory(connection)({
    metadataMaxAge: METADATA_MAX_AGE_MS,
    allowAutoTopicCreation: false,
    maxInFlightRequests: null,
    instrumentationEmitter: null,
    isolationLevel: READ_UNCOMMITTED,
  });

  const leaders = (partitions: Iterable<number>): Map<number, number[]> => {
    const metadata = cluster.findTopicPartitionMetadata(topic);
    const byLeader = new Map<number, number[]>();
    for (const partition of partitions) {
      const leader = metadata.find((p) => p.partitionId === partition)?.leader;
      if (leader === undefined || leader < 0) throw Object.assign(new Error(`No leader for ${topic}-${partition}`), { retriable: true });
      byLeader.set(leader, [...(byLeader.get(leader) ?? []), partition]);
    }
    return byLeader;
  };

  /** Refreshes metadata after errors that mean it is stale (a new topic, a moved leader). */
  const refreshOnStaleMetadata = async (error: unknown): Promise<void> => {
    const type = (error as { type?: string }).type ?? '';
    if (STALE_METADATA_ERRORS.includes(type)) await cluster.refreshMetadata().catch(() => undefined);
  };

  const offsets = async (which: 'beginning' | 'end', partitions: readonly number[]): Promise<Map<number, number>> => {
    await cluster.refreshMetadataIfNecessary();
    let result;
    try {
      result = await cluster.fetchTopicsOffset([{ topic, fromBeginning: which === 'beginning', partitions: partitions.map((partition) => ({ partition })) }]);
    } catch (error) {
      await refreshOnStaleMetadata(error);
      throw error;
    }
    const out = new Map<number, number>();
    for (const entry of result) for (const p of entry.partitions) out.set(p.partition, Number(p.offset));
    return out;
  };

  return {
    async open(timeoutMs) {
      await cluster.connect();
      const deadline = Date.now() + timeoutMs;
      let sleepMs = 100;
      for (;;) {
        try {
          await cluster.addTargetTopic(topic);
          await cluster.refreshMetadata();
          const partitions = cluster.findTopicPartitionMetadata(topic).map((p) => p.partitionId);
          if (partitions.length > 0) return partitions.sort((a, b) => a - b);
        } catch (error) {
          if (Date.now() >= deadline) throw error;
          logger.debug({ err: error, topic }, 'Waiting for topic metadata');
        }
        if (Date.now() >= deadline) {
          throw new Error(
            `Could not look up partition metadata for topic '${topic}' in the allotted period. This could indicate a connectivity issue, unavailable topic partitions, or if this is your first use of the topic it may have taken too long to create.`,
          );
        }
        await new Promise((resolve) => setTimeout(resolve, sleepMs));
        sleepMs = Math.min(2 * sleepMs, 1000);
      }
    },

    offsets,

    async fetch(positions, maxWaitMs) {
      await cluster.refreshMetadataIfNecessary();
      let byLeader: Map<number, number[]>;
      try {
        byLeader = leaders(positions.keys());
      } catch (error) {
        await cluster.refreshMetadata();
        throw error;
      }
      const records: FetchedRecord[] = [];
      const next = new Map<number, number>();
      const fetchFrom = async (leader: number, partitions: number[]): Promise<void> => {
        const broker = await cluster.findBroker({ nodeId: String(leader) });
        let response: KafkajsFetchResponse;
        try {
          response = await broker.fetch({
            isolationLevel: READ_UNCOMMITTED,
            maxWaitTime: maxWaitMs,
            minBytes: 1,
            maxBytes: FETCH_MAX_BYTES,
            topics: [{ topic, partitions: partitions.map((partition) => ({ partition, fetchOffset: String(positions.get(partition)), maxBytes: PARTITION_MAX_BYTES })) }],
          });
        } catch (error) {
          const { type, partition } = error as { type?: string; partition?: number };
          if (type === 'OFFSET_OUT_OF_RANGE' && partition !== undefined) {
            const beginning = (await offsets('beginning', [partition])).get(partition) ?? 0;
            logger.warn({ topic, partition, position: positions.get(partition), beginning }, 'Fetch position out of range; reading the partition from its beginning');
            next.set(partition, beginning);
            return;
          }
          await refreshOnStaleMetadata(error);
          throw error;
        }
        for (const { partitions: answered } of response.responses) {
          for (const data of answered) {
            const from = positions.get(data.partition);
            if (from === undefined) continue;
            // A fetch answers with whole record batches, so it may start before the position.
            const inRange = data.messages.filter((m) => Number(m.offset) >= from);
            for (const message of inRange) {
              if (message.isControlRecord === true) continue;
              records.push({ partition: data.partition, offset: Number(message.offset), timestamp: Number(message.timestamp), key: message.key ?? null, value: message.value ?? null });
            }
            const last = inRange.at(-1);
            if (last !== undefined) next.set(data.partition, Number(last.offset) + 1);
            // Only records before the position came back: the rest of that batch was compacted
            // away. kafkajs sees no batch boundaries, so (as its consumer does) move to the end.
            else if (data.messages.length > 0) next.set(data.partition, Math.max(from, Number(data.highWatermark)));
          }
        }
      };
      await Promise.all([...byLeader].map(([leader, partitions]) => fetchFrom(leader, partitions)));
      return { records, positions: next };
    },

    close: () => cluster.disconnect(),
  };
}
