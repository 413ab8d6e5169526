// ConfigState: what the config topic says, rebuilt record by record exactly as Kafka Connect's
// KafkaConfigBackingStore does (its consume callback), so that a Polyconnect worker and a Kafka
// Connect worker reading the same topic agree on every connector, task and target state.
//
// The rules that matter (all from KafkaConfigBackingStore):
// * Task configs wait in a per-connector buffer until a commit-<name> record arrives; the commit
//   applies them only if tasks 0..n-1 are all buffered (extra ids are fine), otherwise the
//   connector is marked inconsistent (compaction ate some) until a complete set is committed.
//   The buffer is cleared by every commit either way.
// * A commit for a connector with no config clears whatever is left of it (deleted, compacted).
// * A connector config without a target state is STARTED; a target state may arrive before its
//   connector (created with an initial state); a target-state tombstone with the connector still
//   present means STARTED again.
// * Change notifications are given only once started (after the initial read to the end), as
//   Kafka's UpdateListener calls.
// * `offset` is the offset after the last record that was JSON (Kafka's ClusterConfigState.offset).

import type { Logger } from 'pino';
import { decodeConfigRecord, type ConfigProperties, type RestartRequest, type SessionKey, type TargetState } from './config-records.js';

/** One change, as Kafka's ConfigBackingStore.UpdateListener hears it. */
export type ConfigChange =
  | { readonly type: 'connector-config-update'; readonly connector: string }
  | { readonly type: 'connector-config-remove'; readonly connector: string }
  | { readonly type: 'task-config-update'; readonly tasks: ReadonlyArray<{ readonly connector: string; readonly task: number }> }
  | { readonly type: 'target-state-change'; readonly connector: string }
  | { readonly type: 'restart-request'; readonly request: RestartRequest }
  | { readonly type: 'session-key-update'; readonly sessionKey: SessionKey }
  | { readonly type: 'logging-level-update'; readonly namespace: string; readonly level: string };

/** An immutable view of the config topic at one point (Kafka's ClusterConfigState). */
export interface ConfigSnapshot {
  /** The config topic offset after the last record read. -1 before any. */
  readonly offset: number;
  /** Connector configs by name, as written (unresolved `${...}` references kept). */
  readonly connectors: ReadonlyMap<string, ConfigProperties>;
  /** The target state of every connector that has a config. */
  readonly targetStates: ReadonlyMap<string, TargetState>;
  /** Committed task configs per connector, index = task id; empty while inconsistent. */
  readonly taskConfigs: ReadonlyMap<string, readonly ConfigProperties[]>;
  /** The task count of each connector's last commit (also for inconsistent connectors). */
  readonly taskCounts: ReadonlyMap<string, number>;
  /** Connectors whose last commit found task configs missing; the leader should rewrite them. */
  readonly inconsistent: ReadonlySet<string>;
  /** The connector config in force when its current tasks were committed. */
  readonly appliedConnectorConfigs: ReadonlyMap<string, ConfigProperties>;
  /** Exactly-once source: the task count recorded by the last zombie fencing. */
  readonly taskCountRecords: ReadonlyMap<string, number>;
  /** Exactly-once source: connectors whose task configs changed since their last fencing. */
  readonly pendingFencing: ReadonlySet<string>;
  readonly sessionKey: SessionKey | null;
}

export class ConfigState {
  readonly #logger: Logger;
  #offset = -1;
  readonly #connectorConfigs = new Map<string, ConfigProperties>();
  readonly #targetStates = new Map<string, TargetState>();
  readonly #taskCounts = new Map<string, number>();
  /** connector -> task id -> config */
  readonly #taskConfigs = new Map<string, Map<number, ConfigProperties>>();
  readonly #deferred = new Map<string, Map<number, ConfigProperties>>();
  readonly #inconsistent = new Set<string>();
  readonly #applied = new Map<string, ConfigProperties>();
  readonly #taskCountRecords = new Map<string, number>();
  readonly #pendingFencing = new Set<string>();
  #sessionKey: SessionKey | null = null;

  constructor(logger: Logger) {
    this.#logger = logger;
  }

  /**
   * Applies one record read at `offset`; returns the change to announce (only when `started`,
   * as Kafka announces nothing while a worker catches up on startup).
   */
  apply(key: string | null, value: Buffer | null, offset: number, started: boolean): ConfigChange | undefined {
    if (key === null) {
      this.#logger.error({ offset }, 'Discarding config update record with a null key');
      return undefined;
    }
    const record = decodeConfigRecord(key, value);
    if (record.type === 'unreadable') {
      this.#logger.error({ key, offset }, record.reason);
      return undefined;
    }
    this.#offset = offset + 1;
    switch (record.type) {
      case 'invalid':
        this.#logger.error({ key, offset }, record.reason);
        return undefined;
      case 'target-state':
        return this.#targetState(record.connector, record.state, started);
      case 'connector':
        return this.#connector(record.connector, record.properties, started);
      case 'task': {
        let deferred = this.#deferred.get(record.connector);
        if (deferred === undefined) this.#deferred.set(record.connector, (deferred = new Map()));
        deferred.set(record.task, record.properties);
        return undefined;
      }
      case 'commit':
        return this.#commit(record.connector, record.tasks, record.invalid, started);
      case 'restart':
        for (const warning of record.warnings) this.#logger.warn({ key }, warning);
        return started ? { type: 'restart-request', request: record.request } : undefined;
      case 'task-count':
        this.#taskCountRecords.set(record.connector, record.taskCount);
        this.#pendingFencing.delete(record.connector);
        return undefined;
      case 'session-key':
        this.#sessionKey = record.sessionKey;
        return started ? { type: 'session-key-update', sessionKey: record.sessionKey } : undefined;
      case 'logger-level':
        return started ? { type: 'logging-level-update', namespace: record.namespace, level: record.level } : undefined;
    }
  }

  snapshot(): ConfigSnapshot {
    const taskConfigs = new Map<string, ConfigProperties[]>();
    for (const [connector, count] of this.#taskCounts) {
      if (this.#inconsistent.has(connector)) {
        taskConfigs.set(connector, []);
        continue;
      }
      const byId = this.#taskConfigs.get(connector);
      const list: ConfigProperties[] = [];
      for (let task = 0; task < count; task++) list.push(byId?.get(task) ?? {});
      taskConfigs.set(connector, list);
    }
    return {
      offset: this.#offset,
      connectors: new Map(this.#connectorConfigs),
      targetStates: new Map([...this.#targetStates].filter(([connector]) => this.#connectorConfigs.has(connector))),
      taskConfigs,
      taskCounts: new Map(this.#taskCounts),
      inconsistent: new Set(this.#inconsistent),
      appliedConnectorConfigs: new Map(this.#applied),
      taskCountRecords: new Map(this.#taskCountRecords),
      pendingFencing: new Set(this.#pendingFencing),
      sessionKey: this.#sessionKey,
    };
  }

  #targetState(connector: string, state: TargetState | null, started: boolean): ConfigChange | undefined {
    if (state === null) {
      // Deletion tombstones the target state too; the connector config's removal is what is announced.
      this.#targetStates.delete(connector);
      if (this.#connectorConfigs.has(connector)) this.#targetStates.set(connector, 'STARTED');
      return undefined;
    }
    const previous = this.#targetStates.get(connector);
    this.#targetStates.set(connector, state);
    return started && state !== previous && this.#connectorConfigs.has(connector) ? { type: 'target-state-change', connector } : undefined;
  }

  #connector(connector: string, properties: ConfigProperties | null, started: boolean): ConfigChange | undefined {
    if (properties === null) {
      this.#removeConnector(connector);
      this.#logger.info({ connector }, `Successfully processed removal of connector '${connector}'`);
      return started ? { type: 'connector-config-remove', connector } : undefined;
    }
    this.#connectorConfigs.set(connector, properties);
    if (!this.#targetStates.has(connector)) this.#targetStates.set(connector, 'STARTED');
    return started ? { type: 'connector-config-update', connector } : undefined;
  }

  #commit(connector: string, tasks: number | null, invalid: string | undefined, started: boolean): ConfigChange | undefined {
    const config = this.#connectorConfigs.get(connector);
    if (config === undefined) {
      // Deleted before these task configs were published, and compaction removed the evidence.
      this.#removeConnector(connector);
      this.#logger.debug({ connector }, `Ignoring task configs for connector ${connector}; it appears that the connector was deleted previously`);
      return undefined;
    }
    if (invalid !== undefined || tasks === null) {
      this.#logger.error({ connector }, invalid ?? 'Invalid task commit');
      return undefined;
    }
    const deferred = this.#deferred.get(connector);
    const updated: Array<{ connector: string; task: number }> = [];
    if (!completeTaskIdSet(deferred, tasks)) {
      this.#logger.debug({ connector }, `We have an incomplete set of task configs for connector '${connector}' probably due to compaction. So we are not doing anything with the new configuration.`);
      this.#inconsistent.add(connector);
    } else {
      if (deferred !== undefined) {
        let byId = this.#taskConfigs.get(connector);
        if (byId === undefined) this.#taskConfigs.set(connector, (byId = new Map()));
        for (const [task, taskConfig] of deferred) {
          byId.set(task, taskConfig);
          updated.push({ connector, task });
        }
      }
      this.#inconsistent.delete(connector);
      this.#applied.set(connector, config);
    }
    deferred?.clear();
    this.#taskCounts.set(connector, tasks);
    this.#pendingFencing.add(connector);
    return started ? { type: 'task-config-update', tasks: updated } : undefined;
  }

  #removeConnector(connector: string): void {
    this.#connectorConfigs.delete(connector);
    this.#taskCounts.delete(connector);
    this.#taskConfigs.delete(connector);
    this.#deferred.delete(connector);
    this.#applied.delete(connector);
  }
}

function completeTaskIdSet(deferred: ReadonlyMap<number, unknown> | undefined, expected: number): boolean {
  const ids = deferred ?? new Map<number, unknown>();
  if (ids.size < expected) return false;
  for (let task = 0; task < expected; task++) if (!ids.has(task)) return false;
  return true;
}
