// Distributed mode's config store: config.storage.topic in Kafka Connect's format (see
// connect-formats/config-records.ts), read with Kafka's rules (connect-formats/config-state.ts).
// Kafka's KafkaConfigBackingStore: the distributed herder writes connector configs, task configs
// (only the leader), target states and restart requests here, and every worker learns about
// them from the topic.
//
// start() reads the whole topic (a worker with no local state rebuilds every connector) and
// refuses a topic with more than one partition, as Kafka does: records must stay in one order.
// Writes resolve like Kafka's: connector configs, task configs, removals, restart requests,
// task-count records, session keys once written and read back (so snapshot() shows them);
// target states and logger levels once acknowledged. Task configs become visible only when their
// commit record has been read. onChange() listeners hear every change read once started, from
// this worker or any other, in topic order.

import type { Logger } from 'pino';
import { ConfigException, ConnectException } from '../data/index.js';
import type { CompactedLog, LogWrite } from '../kafka/compacted-log.js';
import {
  commitTasksRecord,
  connectorConfigRecord,
  connectorRemovalRecords,
  loggerLevelRecord,
  restartRequestRecord,
  sessionKeyRecord,
  targetStateRecord,
  taskConfigRecord,
  taskCountRecord,
  type ConfigProperties,
  type ConfigTopicRecord,
  type RestartRequest,
  type SessionKey,
  type TargetState,
} from './connect-formats/config-records.js';
import { ConfigState, type ConfigChange, type ConfigSnapshot } from './connect-formats/config-state.js';
import { internalTopicLog, type KafkaStoreTopicOptions } from './kafka-store-topic.js';

export type { ConfigChange, ConfigSnapshot, RestartRequest, SessionKey, TargetState };
export type ConfigChangeListener = (change: ConfigChange) => void;

/** Connector or task properties as the herder uses them (a null value in the topic is left out). */
export type ConnectorProperties = Readonly<Record<string, string>>;

/** ConfigSnapshot with properties stripped of null values. */
export interface KafkaConfigSnapshot extends Omit<ConfigSnapshot, 'connectors' | 'taskConfigs' | 'appliedConnectorConfigs'> {
  readonly connectors: ReadonlyMap<string, ConnectorProperties>;
  readonly taskConfigs: ReadonlyMap<string, readonly ConnectorProperties[]>;
  readonly appliedConnectorConfigs: ReadonlyMap<string, ConnectorProperties>;
}

export interface KafkaConfigStoreOptions {
  readonly log: CompactedLog;
  readonly logger: Logger;
}

export class KafkaConfigStore {
  readonly #log: CompactedLog;
  readonly #logger: Logger;
  readonly #state: ConfigState;
  readonly #listeners = new Set<ConfigChangeListener>();
  #started = false;

  constructor(options: KafkaConfigStoreOptions) {
    this.#log = options.log;
    this.#logger = options.logger.child({ component: 'kafka-config-store', topic: options.log.topic });
    this.#state = new ConfigState(this.#logger);
  }

  /** A store on config.storage.topic (created with one partition; `partitions` is ignored). */
  static create(options: KafkaStoreTopicOptions): KafkaConfigStore {
    const log = internalTopicLog({ ...options, partitions: 1 }, { partitions: 1, topicConfigKey: 'config.storage.topic', purpose: 'connector configurations' });
    return new KafkaConfigStore({ log, logger: options.logger });
  }

  async start(): Promise<void> {
    this.#logger.info('Starting KafkaConfigBackingStore');
    await this.#log.start((record) => {
      const change = this.#state.apply(record.key === null ? null : record.key.toString('utf8'), record.value, record.offset, this.#started);
      if (change !== undefined) this.#notify(change);
    });
    const partitions = this.#log.partitionCount();
    if (partitions > 1) {
      await this.#log.stop();
      throw new ConfigException(
        `Topic '${this.#log.topic}' supplied via the 'config.storage.topic' property is required to have a single partition in order to guarantee consistency of connector configurations, but found ${partitions} partitions.`,
      );
    }
    this.#started = true;
    this.#logger.info('Started KafkaConfigBackingStore');
  }

  async stop(): Promise<void> {
    this.#logger.info('Closing KafkaConfigBackingStore');
    await this.#log.stop();
  }

  /** Hears every change read after start(), in topic order. Returns the function that unsubscribes. */
  onChange(listener: ConfigChangeListener): () => void {
    this.#listeners.add(listener);
    return () => void this.#listeners.delete(listener);
  }

  /** The config topic as read so far (null-valued properties left out). */
  snapshot(): KafkaConfigSnapshot {
    const raw = this.#state.snapshot();
    return {
      ...raw,
      connectors: mapValues(raw.connectors, withoutNulls),
      taskConfigs: mapValues(raw.taskConfigs, (list) => list.map(withoutNulls)),
      appliedConnectorConfigs: mapValues(raw.appliedConnectorConfigs, withoutNulls),
    };
  }

  contains(connector: string): boolean {
    return this.#state.snapshot().connectors.has(connector);
  }

  /** Catches up with everything written to the topic before the call. */
  refresh(): Promise<void> {
    return this.#log.readToEnd();
  }

  /**
   * Writes a connector's config, with its target state first when given (a new connector's
   * initial state), and waits until it is read back.
   */
  async putConnectorConfig(connector: string, properties: ConfigProperties | ReadonlyMap<string, string | null>, targetState?: TargetState): Promise<void> {
    const records: ConfigTopicRecord[] = [];
    if (targetState !== undefined) records.push(targetStateRecord(connector, targetState));
    records.push(connectorConfigRecord(connector, properties));
    await this.#writeAndRead(records, 'Error writing connector configuration to Kafka');
  }

  /** Tombstones the connector's config and target state, and waits until they are read back. */
  async removeConnectorConfig(connector: string): Promise<void> {
    await this.#writeAndRead(connectorRemovalRecords(connector), 'Error removing connector configuration from Kafka');
  }

  /**
   * Writes task configs 0..n-1 and then the commit record that makes them effective (only the
   * leader should), waiting for each step to be read back as Kafka does.
   */
  async putTaskConfigs(connector: string, configs: ReadonlyArray<ConfigProperties | ReadonlyMap<string, string | null>>): Promise<void> {
    try {
      await this.#log.readToEnd();
      if (configs.length > 0) {
        await this.#log.sendAll(configs.map((config, task) => asWrite(taskConfigRecord(connector, task, config))));
        await this.#log.readToEnd();
      }
      const commit = commitTasksRecord(connector, configs.length);
      await this.#log.send(commit.key, commit.value);
      await this.#log.readToEnd();
    } catch (error) {
      throw new ConnectException('Error writing task configurations to Kafka', { cause: error });
    }
  }

  /** Writes a target state (STOPPED is written as PAUSED in `state` for old workers); resolves once acknowledged. */
  async putTargetState(connector: string, state: TargetState): Promise<void> {
    await this.#write([targetStateRecord(connector, state)], 'Error writing target state to Kafka');
  }

  async putRestartRequest(request: RestartRequest): Promise<void> {
    await this.#writeAndRead([restartRequestRecord(request)], `Error writing restart request for connector ${request.connector} to Kafka`);
  }

  /** Exactly-once source support: the task count after zombie fencing. */
  async putTaskCountRecord(connector: string, taskCount: number): Promise<void> {
    await this.#writeAndRead([taskCountRecord(connector, taskCount)], 'Error writing task count record to Kafka');
  }

  async putSessionKey(sessionKey: SessionKey): Promise<void> {
    await this.#writeAndRead([sessionKeyRecord(sessionKey)], 'Error writing session key to Kafka');
  }

  /** A cluster-wide logger level (KIP-976); resolves once acknowledged. */
  async putLoggerLevel(namespace: string, level: string): Promise<void> {
    await this.#write([loggerLevelRecord(namespace, level)], 'Error writing logger level to Kafka');
  }

  async #write(records: readonly ConfigTopicRecord[], failure: string): Promise<void> {
    try {
      await this.#log.sendAll(records.map(asWrite));
    } catch (error) {
      throw new ConnectException(failure, { cause: error });
    }
  }

  async #writeAndRead(records: readonly ConfigTopicRecord[], failure: string): Promise<void> {
    await this.#write(records, failure);
    try {
      await this.#log.readToEnd();
    } catch (error) {
      throw new ConnectException(failure, { cause: error });
    }
  }

  /** A listener's failure is its own: it must not stop the log from applying later records. */
  #notify(change: ConfigChange): void {
    for (const listener of this.#listeners) {
      try {
        listener(change);
      } catch (error) {
        this.#logger.warn({ err: error, change: change.type }, 'A config listener failed');
      }
    }
  }
}

function asWrite(record: ConfigTopicRecord): LogWrite {
  return { key: record.key, value: record.value };
}

function withoutNulls(properties: ConfigProperties): ConnectorProperties {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(properties)) {
    if (value !== null) Object.defineProperty(out, name, { value, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

function mapValues<K, V, W>(map: ReadonlyMap<K, V>, f: (value: V) => W): Map<K, W> {
  return new Map([...map].map(([key, value]) => [key, f(value)]));
}
