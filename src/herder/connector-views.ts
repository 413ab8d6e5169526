// Read-only views of what a herder knows, in Kafka Connect's REST shapes: ConnectorInfo,
// ConnectorStateInfo and TaskState (with Kafka's not-found messages), and the connector type.

import type { PluginCatalog } from '../plugin/plugin-catalog.js';
import type { Status, StatusStore } from '../storage/status-store.js';
import type { ConnectorInfo, ConnectorStateInfo, ConnectorType, StateEntry, TaskStateEntry } from './herder.js';
import { NotFoundError } from './herder-errors.js';

export interface ConnectorRecords {
  readonly configs: ReadonlyMap<string, Readonly<Record<string, string>>>;
  readonly taskConfigs: ReadonlyMap<string, readonly Readonly<Record<string, string>>[]>;
}

export function connectorTypeOf(config: Readonly<Record<string, string>>, catalog: PluginCatalog): ConnectorType {
  try {
    return catalog.resolve(config['connector.class'] ?? '').type;
  } catch {
    return 'unknown';
  }
}

export function connectorInfoOf(name: string, records: ConnectorRecords, catalog: PluginCatalog): ConnectorInfo {
  const config = records.configs.get(name);
  if (config === undefined) throw new NotFoundError(`Connector ${name} not found`);
  return {
    name,
    config: { ...config },
    tasks: (records.taskConfigs.get(name) ?? []).map((_, task) => ({ connector: name, task })),
    type: connectorTypeOf(config, catalog),
  };
}

export function connectorStatusOf(name: string, records: ConnectorRecords, statusStore: StatusStore, catalog: PluginCatalog): ConnectorStateInfo {
  const status = statusStore.connector(name);
  const config = records.configs.get(name);
  if (status === undefined || config === undefined) throw new NotFoundError(`No status found for connector ${name}`);
  return {
    name,
    connector: stateEntry(status),
    tasks: statusStore.tasks(name).map((task) => ({ id: task.id, ...stateEntry(task) })),
    type: connectorTypeOf(config, catalog),
  };
}

export function taskStatusOf(name: string, taskId: number, records: ConnectorRecords, statusStore: StatusStore): TaskStateEntry {
  const status = records.configs.has(name) ? statusStore.task(name, taskId) : undefined;
  if (status === undefined) throw new NotFoundError(`No status found for task ${name}-${taskId}`);
  return { id: taskId, ...stateEntry(status) };
}

/** A status as the REST API shows it; the trace only when there is one. */
function stateEntry(status: Status): StateEntry {
  return status.trace ? { state: status.state, worker_id: status.workerId, trace: status.trace } : { state: status.state, worker_id: status.workerId };
}
