// How the Kafka-backed stores get their log: one KafkaBasedLog per internal topic, created with
// the partitions, replication factor and topic settings the worker asks for (Kafka's defaults:
// 25 offset partitions, 5 status partitions, always 1 config partition, replication factor 3).

import type { Logger } from 'pino';
import type { CompactedLog } from '../kafka/compacted-log.js';
import { KafkaBasedLog } from '../kafka/kafka-based-log.js';
import type { KafkaConnection } from '../kafka/kafka-client.js';

export interface KafkaStoreTopicOptions {
  readonly connection: KafkaConnection;
  /** The topic name (config.storage.topic, offset.storage.topic or status.storage.topic). */
  readonly topic: string;
  /**
   * Replication factor when the topic is created; -1 for the broker's default.
   * @default 3
   */
  readonly replicationFactor?: number;
  /**
   * Partitions when the topic is created (ignored for the config topic, which has one); -1 for
   * the broker's default.
   * @default 25 for offsets, 5 for statuses
   */
  readonly partitions?: number;
  /** Further topic configs for creation (`<prefix>.<topic config>` worker settings). */
  readonly topicSettings?: Readonly<Record<string, string>>;
  readonly logger: Logger;
  /** See KafkaBasedLogOptions.fetchMaxWaitMs. */
  readonly fetchMaxWaitMs?: number;
}

export interface StoreTopicDefaults {
  readonly partitions: number;
  readonly topicConfigKey: string;
  readonly purpose: string;
}

export function internalTopicLog(options: KafkaStoreTopicOptions, defaults: StoreTopicDefaults): CompactedLog {
  return new KafkaBasedLog({
    connection: options.connection,
    logger: options.logger,
    fetchMaxWaitMs: options.fetchMaxWaitMs,
    topic: {
      topic: options.topic,
      partitions: options.partitions ?? defaults.partitions,
      replicationFactor: options.replicationFactor ?? 3,
      configs: options.topicSettings,
      topicConfigKey: defaults.topicConfigKey,
      purpose: defaults.purpose,
    },
  });
}
