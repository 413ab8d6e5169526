// The classes a connector author extends (Kafka Connect's Connector, SourceConnector,
// SinkConnector, SourceTask and SinkTask) and the contexts the runtime hands them. A connector
// only moves data: converters, transforms, offsets storage and retries belong to the worker.

import type { ConfigDef, ConfigValueResult } from './config/config-def.js';
import type { SinkRecord, SourceMap, SourceRecord, TopicPartition, TopicPartitionOffset } from './data/records.js';

export type ConnectorConfig = Readonly<Record<string, string>>;

/** What a connector may ask of the worker (Kafka's ConnectorContext). */
export interface ConnectorContext {
  /** Ask the worker to fetch new task configs, e.g. after the external system changed. */
  requestTaskReconfiguration(): void;
  /** Fail the connector from a background activity. */
  raiseError(error: Error): void;
}

/** A task class as returned by Connector.taskClass(). */
export interface TaskClass<T extends Task = Task> {
  new (): T;
  /** The task class name used in task configs (`task.class`); defaults to the JS class name. */
  readonly className?: string;
}

/** A connector class as passed to serve(). */
export interface ConnectorClass<C extends Connector = Connector> {
  new (): C;
  /** The connector class name users put in `connector.class`; defaults to the JS class name. */
  readonly className?: string;
  /** Extra names users may give in `connector.class`. */
  readonly aliases?: readonly string[];
}

export abstract class Connector {
  abstract readonly type: 'source' | 'sink';
  #context: ConnectorContext | undefined;

  /** Called by the runtime before start. */
  initialize(context: ConnectorContext): void {
    this.#context = context;
  }

  protected get context(): ConnectorContext {
    if (this.#context === undefined) throw new Error('The connector has not been initialized');
    return this.#context;
  }

  abstract version(): string;
  /** The connector's configuration definitions. */
  abstract config(): ConfigDef;
  abstract start(config: ConnectorConfig): void | Promise<void>;
  abstract taskClass(): TaskClass;
  /** Up to maxTasks task configs. */
  abstract taskConfigs(maxTasks: number): ConnectorConfig[] | Promise<ConnectorConfig[]>;
  abstract stop(): void | Promise<void>;

  /** Validates a config; the default checks every key against config(). */
  validate(config: ConnectorConfig): ConfigValueResult[] | Promise<ConfigValueResult[]> {
    return this.config().validate(config);
  }
}

export abstract class SourceConnector extends Connector {
  readonly type = 'source' as const;
}

export abstract class SinkConnector extends Connector {
  readonly type = 'sink' as const;
}

export abstract class Task {
  abstract version(): string;
  abstract stop(): void | Promise<void>;
}

/** Reads the offsets the worker has committed for this connector (Kafka's OffsetStorageReader). */
export interface OffsetStorageReader {
  offset(partition: SourceMap): SourceMap | null;
}

export interface SourceTaskContext {
  readonly connectorName: string;
  readonly taskId: number;
  configs(): ConnectorConfig;
  readonly offsetStorageReader: OffsetStorageReader;
}

export abstract class SourceTask extends Task {
  #context: SourceTaskContext | undefined;

  initialize(context: SourceTaskContext): void {
    this.#context = context;
  }

  protected get context(): SourceTaskContext {
    if (this.#context === undefined) throw new Error('The task has not been initialized');
    return this.#context;
  }

  abstract start(config: ConnectorConfig): void | Promise<void>;
  /**
   * The next records, or null/[] when there are none right now. May wait for data, but should
   * return within about a second so that the worker can pause and stop the task promptly.
   */
  abstract poll(): SourceRecord[] | null | Promise<SourceRecord[] | null>;
  /** Called with the offsets the worker has durably stored; acknowledge upstream here. */
  commit(offsets: ReadonlyArray<{ partition: SourceMap; offset: SourceMap | null }>): void | Promise<void> {
    void offsets;
  }
}

/** Reports records the task cannot write; the worker logs them and sends them to the DLQ. */
export interface ErrantRecordReporter {
  report(record: SinkRecord, error: Error): void;
}

export interface SinkTaskContext {
  readonly connectorName: string;
  readonly taskId: number;
  configs(): ConnectorConfig;
  readonly errantRecordReporter: ErrantRecordReporter;
}

export abstract class SinkTask extends Task {
  #context: SinkTaskContext | undefined;

  initialize(context: SinkTaskContext): void {
    this.#context = context;
  }

  protected get context(): SinkTaskContext {
    if (this.#context === undefined) throw new Error('The task has not been initialized');
    return this.#context;
  }

  abstract start(config: ConnectorConfig): void | Promise<void>;
  abstract put(records: SinkRecord[]): void | Promise<void>;
  /** The task now owns these partitions. */
  open(partitions: TopicPartition[]): void | Promise<void> {
    void partitions;
  }
  /** The task no longer owns these partitions. */
  close(partitions: TopicPartition[]): void | Promise<void> {
    void partitions;
  }
  /** Make everything put so far durable. */
  flush(offsets: TopicPartitionOffset[]): void | Promise<void> {
    void offsets;
  }
  /** The offsets safe to commit; by default flushes and returns the offsets given. */
  async preCommit(offsets: TopicPartitionOffset[]): Promise<TopicPartitionOffset[]> {
    await this.flush(offsets);
    return offsets;
  }
}
