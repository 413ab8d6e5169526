// DistributedConfig: the keys Kafka's DistributedConfig adds to the worker's for distributed mode
// (group, internal topics, group timings), parsed into typed values. The common worker keys stay
// in worker-config.ts; a distributed worker reads both from the same properties file.

import { ConfigDef, ConfigException, range } from '../data/index.js';

const GROUP = 'Distributed';

export const DISTRIBUTED_CONFIG_DEF = new ConfigDef()
  .define({ name: 'group.id', type: 'STRING', importance: 'HIGH', group: GROUP, documentation: 'The group of workers this worker belongs to (workers with the same group.id share connectors and tasks).' })
  .define({ name: 'config.storage.topic', type: 'STRING', importance: 'HIGH', group: GROUP, documentation: 'Compacted topic (one partition) that stores connector configs, task configs and target states.' })
  .define({ name: 'config.storage.replication.factor', type: 'SHORT', defaultValue: 3, importance: 'LOW', group: GROUP, documentation: 'Replication factor of the config topic when it is created (-1: the broker default).' })
  .define({ name: 'offset.storage.topic', type: 'STRING', importance: 'HIGH', group: GROUP, documentation: 'Compacted topic that stores source connector offsets.' })
  .define({ name: 'offset.storage.replication.factor', type: 'SHORT', defaultValue: 3, importance: 'LOW', group: GROUP, documentation: 'Replication factor of the offset topic when it is created (-1: the broker default).' })
  .define({ name: 'offset.storage.partitions', type: 'INT', defaultValue: 25, importance: 'LOW', group: GROUP, documentation: 'Partitions of the offset topic when it is created (-1: the broker default).' })
  .define({ name: 'status.storage.topic', type: 'STRING', importance: 'HIGH', group: GROUP, documentation: 'Compacted topic that stores connector and task statuses.' })
  .define({ name: 'status.storage.replication.factor', type: 'SHORT', defaultValue: 3, importance: 'LOW', group: GROUP, documentation: 'Replication factor of the status topic when it is created (-1: the broker default).' })
  .define({ name: 'status.storage.partitions', type: 'INT', defaultValue: 5, importance: 'LOW', group: GROUP, documentation: 'Partitions of the status topic when it is created (-1: the broker default).' })
  .define({ name: 'heartbeat.interval.ms', type: 'INT', defaultValue: 3_000, validator: range(1), importance: 'HIGH', group: GROUP, documentation: 'Time between heartbeats to the group coordinator.' })
  .define({ name: 'session.timeout.ms', type: 'INT', defaultValue: 10_000, validator: range(1), importance: 'HIGH', group: GROUP, documentation: 'A worker that sends no heartbeat for this long leaves the group; its work moves to the others.' })
  .define({ name: 'rebalance.timeout.ms', type: 'INT', defaultValue: 60_000, validator: range(1), importance: 'HIGH', group: GROUP, documentation: 'How long each worker has to join the group again once a rebalance began.' })
  .define({ name: 'scheduled.rebalance.max.delay.ms', type: 'INT', defaultValue: 0, validator: range(0), importance: 'LOW', group: GROUP, documentation: 'How long the leader keeps the work of a worker that left the group unassigned, waiting for that worker to come back, before it gives the work to the others. Polyconnect\'s default is 0 (reassigned at once; Kafka Connect: 5 minutes).' });

export interface InternalTopicConfig {
  readonly topic: string;
  readonly replicationFactor: number;
  readonly partitions: number;
  /** `<prefix>.<topic config>` settings other than the ones above (Kafka's topic creation overrides). */
  readonly topicSettings: Readonly<Record<string, string>>;
}

export interface DistributedConfig {
  readonly groupId: string;
  readonly configTopic: InternalTopicConfig;
  readonly offsetTopic: InternalTopicConfig;
  readonly statusTopic: InternalTopicConfig;
  readonly heartbeatIntervalMs: number;
  readonly sessionTimeoutMs: number;
  readonly rebalanceTimeoutMs: number;
  readonly scheduledRebalanceMaxDelayMs: number;
}

export function compileDistributedConfig(originals: Readonly<Record<string, string>>): DistributedConfig {
  for (const key of ['group.id', 'config.storage.topic', 'offset.storage.topic', 'status.storage.topic']) {
    if ((originals[key] ?? '').trim() === '') throw new ConfigException(`Missing required configuration "${key}" which has no default value.`);
  }
  const parsed = DISTRIBUTED_CONFIG_DEF.parse(pick(originals));
  const topic = (prefix: 'config' | 'offset' | 'status'): InternalTopicConfig => ({
    topic: (parsed[`${prefix}.storage.topic`] as string).trim(),
    replicationFactor: parsed[`${prefix}.storage.replication.factor`] as number,
    partitions: prefix === 'config' ? 1 : (parsed[`${prefix}.storage.partitions`] as number),
    topicSettings: topicSettings(originals, `${prefix}.storage.`),
  });
  const config = {
    groupId: (parsed['group.id'] as string).trim(),
    configTopic: topic('config'),
    offsetTopic: topic('offset'),
    statusTopic: topic('status'),
    heartbeatIntervalMs: parsed['heartbeat.interval.ms'] as number,
    sessionTimeoutMs: parsed['session.timeout.ms'] as number,
    rebalanceTimeoutMs: parsed['rebalance.timeout.ms'] as number,
    scheduledRebalanceMaxDelayMs: parsed['scheduled.rebalance.max.delay.ms'] as number,
  };
  if (config.heartbeatIntervalMs >= config.sessionTimeoutMs) {
    throw ConfigException.invalidValue('heartbeat.interval.ms', String(config.heartbeatIntervalMs), 'Must be lower than session.timeout.ms');
  }
  return config;
}

/** Whether the key belongs to distributed mode (so the common worker config does not call it unknown). */
export function isDistributedKey(key: string): boolean {
  return DISTRIBUTED_CONFIG_DEF.key(key) !== undefined || /^(config|offset|status)\.storage\./.test(key);
}

function pick(originals: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(originals)) if (DISTRIBUTED_CONFIG_DEF.key(key) !== undefined) out[key] = value;
  return out;
}

function topicSettings(originals: Readonly<Record<string, string>>, prefix: string): Record<string, string> {
  const own = new Set(['topic', 'replication.factor', 'partitions']);
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(originals)) {
    if (key.startsWith(prefix) && !own.has(key.slice(prefix.length))) out[key.slice(prefix.length)] = value;
  }
  return out;
}

/**
 * Sink tasks' consumers leave their groups on the same bound as the worker leaves its own: a dead
 * worker's sink partitions move within session.timeout.ms (10 s) instead of the Java consumer's
 * 45 s default, which would hold a moved sink task's data back long after failover. An explicit
 * consumer.session.timeout.ms wins. (Kafka Connect keeps the consumer default.)
 */
export function withSinkConsumerSessionTimeout(config: Readonly<Record<string, string>>, sessionTimeoutMs: number): Record<string, string> {
  return 'consumer.session.timeout.ms' in config ? { ...config } : { ...config, 'consumer.session.timeout.ms': String(sessionTimeoutMs) };
}
