// Internal topics (config, offsets, status): created compacted when missing, and checked to be
// compacted (and nothing else) when present, as Kafka Connect's KafkaTopicBasedBackingStore and
// TopicAdmin do. The messages are Kafka's, so that operators can search for them.

import type { Logger } from 'pino';
import { ConfigException, ConnectException } from '../data/index.js';
import type { KafkaConnection } from './kafka-client.js';

export interface InternalTopicSpec {
  readonly topic: string;
  /** -1 lets the broker decide (num.partitions). */
  readonly partitions: number;
  /** -1 lets the broker decide (default.replication.factor). */
  readonly replicationFactor: number;
  /** Further topic configs (from `<prefix>.<topic config>` worker settings); cleanup.policy is forced. */
  readonly configs?: Readonly<Record<string, string>>;
  /** The worker setting that names the topic, e.g. `config.storage.topic` (for messages). */
  readonly topicConfigKey: string;
  /** What the topic holds, e.g. `connector configurations` (for messages). */
  readonly purpose: string;
}

const CLEANUP_POLICY = 'cleanup.policy';
const COMPACT = 'compact';
/** kafkajs's ConfigResourceTypes.TOPIC. */
const TOPIC_RESOURCE = 2;

/**
 * Creates the topic compacted when it does not exist; when it does, fails with a ConfigException
 * unless its cleanup.policy is exactly `compact`. Resolves to whether it was created.
 */
export async function ensureInternalTopic(connection: KafkaConnection, spec: InternalTopicSpec, logger: Logger): Promise<boolean> {
  const admin = connection.admin();
  await admin.connect();
  try {
    const configs = { ...spec.configs };
    if (configs[CLEANUP_POLICY] !== undefined && configs[CLEANUP_POLICY] !== COMPACT) {
      logger.warn({ topic: spec.topic, requested: configs[CLEANUP_POLICY] }, `Ignoring ${CLEANUP_POLICY}=${configs[CLEANUP_POLICY]} for internal topic '${spec.topic}': it must be ${COMPACT}`);
    }
    configs[CLEANUP_POLICY] = COMPACT;
    let created: boolean;
    try {
      created = await admin.createTopics({
        topics: [
          {
            topic: spec.topic,
            numPartitions: spec.partitions,
            replicationFactor: spec.replicationFactor,
            configEntries: Object.entries(configs).map(([name, value]) => ({ name, value })),
          },
        ],
        // Leaders are waited for by the log (its consumer waits for the partitions to appear):
        // kafkajs's own wait gives up when a KRaft broker does not know the new topic yet.
        waitForLeaders: false,
      });
    } catch (error) {
      const types = errorTypes(error);
      if (types.includes('INVALID_REPLICATION_FACTOR')) {
        throw new ConnectException(
          `Unable to create topic '${spec.topic}' for ${spec.purpose}: replication factor ${spec.replicationFactor} is larger than the number of brokers in the Kafka cluster; lower the replication factor setting of '${spec.topicConfigKey}' or add brokers`,
          { cause: error },
        );
      }
      throw new ConnectException(`Unable to create topic '${spec.topic}' for ${spec.purpose}: ${(error as Error).message}`, { cause: error });
    }
    if (created) {
      logger.info({ topic: spec.topic, partitions: spec.partitions, replicationFactor: spec.replicationFactor }, `Created topic '${spec.topic}' for ${spec.purpose}`);
      return true;
    }
    await verifyCompactOnly(admin, spec, logger);
    return false;
  } finally {
    await admin.disconnect();
  }
}

async function verifyCompactOnly(admin: ReturnType<KafkaConnection['admin']>, spec: InternalTopicSpec, logger: Logger): Promise<void> {
  let policy: string | undefined;
  try {
    const described = await admin.describeConfigs({ resources: [{ type: TOPIC_RESOURCE, name: spec.topic, configNames: [CLEANUP_POLICY] }], includeSynonyms: false });
    policy = described.resources[0]?.configEntries.find((entry) => entry.configName === CLEANUP_POLICY)?.configValue;
  } catch (error) {
    logger.debug({ err: error, topic: spec.topic }, 'Could not describe topic configs');
  }
  const policies = cleanupPolicies(policy);
  if (policies.length === 0) {
    logger.info(
      { topic: spec.topic },
      `Unable to use admin client to verify the cleanup policy of '${spec.topic}' topic is '${COMPACT}', either because the broker is an older version or because the Kafka principal used for Connect internal topics does not have the required permission to describe topic configurations.`,
    );
    return;
  }
  if (policies.length !== 1 || policies[0] !== COMPACT) {
    const found = policies.join(',');
    throw new ConfigException(
      `Topic '${spec.topic}' supplied via the '${spec.topicConfigKey}' property is required to have '${CLEANUP_POLICY}=${COMPACT}' to guarantee consistency and durability of ${spec.purpose}, but found the topic currently has '${CLEANUP_POLICY}=${found}'. Continuing would likely result in eventually losing ${spec.purpose} and problems restarting this Connect cluster in the future. Change the '${spec.topicConfigKey}' property in the Connect worker configurations to use a topic with '${CLEANUP_POLICY}=${COMPACT}'.`,
    );
  }
}

/** The set of policies in a cleanup.policy value, as TopicAdmin.topicCleanupPolicy reads it. */
export function cleanupPolicies(value: string | undefined | null): string[] {
  if (value === undefined || value === null) return [];
  return [...new Set(value.split(',').map((s) => s.trim().toLowerCase()).filter((s) => s !== ''))];
}

/** kafkajs error types found on an error, its aggregated errors and its causes. */
function errorTypes(error: unknown): string[] {
  const types: string[] = [];
  const visit = (e: unknown, depth: number): void => {
    if (e === null || typeof e !== 'object' || depth > 4) return;
    const record = e as { type?: unknown; errors?: unknown; cause?: unknown; originalError?: unknown };
    if (typeof record.type === 'string') types.push(record.type);
    if (Array.isArray(record.errors)) for (const inner of record.errors) visit(inner, depth + 1);
    visit(record.cause, depth + 1);
    visit(record.originalError, depth + 1);
  };
  visit(error, 0);
  return types;
}
