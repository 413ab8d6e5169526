// The readable (table) form of admin API answers, as pure functions from messages to text, so the
// commands stay thin and the rendering is unit-tested. Enum values lose their prefix
// (CONNECTOR_STATE_RUNNING shows as RUNNING); traces show their first line only (`describe` and
// `--output json` have them whole). The worker's own answers (server info, health, loggers) are
// rendered in worker-views.ts.

import type { ConfigInfo, ConnectorInfo, ConnectorListing, ConnectorOffset, ConnectorStatus, PluginInfo, StateInfo, StatusChange, TaskInfo } from '../api/grpc/admin-messages.js';
import { fromStruct, millisOf } from '../api/grpc/proto-json.js';
import { firstLine, indent, renderFields, renderTable } from './table.js';

/** CONNECTOR_STATE_RUNNING -> RUNNING; CONNECTOR_TYPE_UNSPECIFIED -> "" (callers pick a fallback). */
export function shortEnum(value: string | undefined): string {
  const name = (value ?? '').replace(/^(CONNECTOR_STATE|CONNECTOR_TYPE|PLUGIN_TYPE|CONFIG_TYPE|CONFIG_IMPORTANCE|CONFIG_WIDTH|WORKER_HEALTH_STATUS|LOG_LEVEL|INITIAL_STATE)_/, '');
  return name === 'UNSPECIFIED' ? '' : name;
}

export function connectorTypeText(type: string | undefined): string {
  return shortEnum(type).toLowerCase() || 'unknown';
}

/** "2 RUNNING, 1 FAILED"; "-" without tasks. */
export function taskSummary(status: ConnectorStatus | null | undefined): string {
  if (!status || status.tasks.length === 0) return '-';
  const counts = new Map<string, number>();
  for (const task of status.tasks) counts.set(shortEnum(task.state), (counts.get(shortEnum(task.state)) ?? 0) + 1);
  return [...counts].map(([state, count]) => `${count} ${state}`).join(', ');
}

export function connectorListView(connectors: readonly ConnectorListing[]): string {
  if (connectors.length === 0) return 'No connectors.';
  const rows = [...connectors]
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((c) => [c.name, connectorTypeText(c.info?.type ?? c.status?.type), shortEnum(c.status?.connector?.state) || '-', taskSummary(c.status), c.info?.config['connector.class'] ?? '']);
  return renderTable(['NAME', 'TYPE', 'STATE', 'TASKS', 'CLASS'], rows);
}

/** One row for the connector instance, one per task. */
export function statusView(status: ConnectorStatus): string {
  const row = (target: string, state: StateInfo | null): string[] => [target, shortEnum(state?.state) || '-', state?.workerId ?? '', firstLine(state?.trace)];
  const rows = [row('connector', status.connector), ...status.tasks.map((task) => row(`task ${task.id}`, task))];
  return `${status.name} (${connectorTypeText(status.type)})\n${renderTable(['WHAT', 'STATE', 'WORKER', 'TRACE'], rows)}`;
}

export function describeView(info: ConnectorInfo, status: ConnectorStatus | null | undefined): string {
  const fields: Array<[string, string]> = [
    ['Name', info.name],
    ['Type', connectorTypeText(info.type)],
    ['Class', info.config['connector.class'] ?? ''],
    ['State', status?.connector ? `${shortEnum(status.connector.state)} on ${status.connector.workerId}` : '-'],
    ['Tasks', taskSummary(status)],
  ];
  const parts = [renderFields(fields)];
  if (status && status.tasks.length > 0) {
    parts.push(`Task status:\n${indent(renderTable(['ID', 'STATE', 'WORKER', 'TRACE'], status.tasks.map((t) => [String(t.id), shortEnum(t.state), t.workerId, firstLine(t.trace)])))}`);
  }
  const traces = [status?.connector?.trace ? `connector:\n${indent(status.connector.trace)}` : '', ...(status?.tasks ?? []).filter((t) => t.trace).map((t) => `task ${t.id}:\n${indent(t.trace!)}`)].filter(Boolean);
  if (traces.length > 0) parts.push(`Traces:\n${indent(traces.join('\n'))}`);
  parts.push(`Config:\n${indent(configView(info.config))}`);
  return parts.join('\n\n');
}

export function configView(config: Readonly<Record<string, string>>): string {
  return renderTable(['KEY', 'VALUE'], Object.keys(config).sort().map((key) => [key, config[key]!]));
}

export function pluginsView(plugins: readonly PluginInfo[]): string {
  if (plugins.length === 0) return 'No plugins.';
  return renderTable(['CLASS', 'TYPE', 'VERSION'], plugins.map((p) => [p.className, shortEnum(p.type).toLowerCase() || 'unknown', p.version ?? '']));
}

/** The errors of a validation, or that there are none. */
export function validationView(result: { name: string; errorCount: number; configs: readonly ConfigInfo[] }): string {
  if (result.errorCount === 0) return `The config is valid for ${result.name} (${result.configs.length} keys checked).`;
  const rows = result.configs.flatMap((config) => (config.value?.errors ?? []).map((error) => [config.value?.name ?? config.definition?.name ?? '', config.value?.value ?? '', error]));
  return `${renderTable(['KEY', 'VALUE', 'ERROR'], rows)}\n\n${result.errorCount} key(s) with errors for ${result.name || 'the connector'}.`;
}

export function offsetsView(offsets: readonly ConnectorOffset[]): string {
  if (offsets.length === 0) return 'No offsets.';
  return renderTable(['PARTITION', 'OFFSET'], offsets.map((o) => [JSON.stringify(fromStruct(o.partition)), o.offset ? JSON.stringify(fromStruct(o.offset)) : 'null']));
}

/** One row per config key of each task, keys sorted; a stopped connector has no tasks. */
export function taskConfigsView(tasks: readonly TaskInfo[]): string {
  if (tasks.length === 0) return 'No tasks.';
  const rows = tasks.flatMap((task) => {
    const id = String(task.id?.task ?? '?');
    const keys = Object.keys(task.config).sort();
    return keys.length === 0 ? [[id, '', '']] : keys.map((key) => [id, key, task.config[key]!]);
  });
  return renderTable(['TASK', 'KEY', 'VALUE'], rows);
}

/** The topics a connector has used (KIP-558), sorted. */
export function topicsView(topics: readonly string[]): string {
  if (topics.length === 0) return 'No active topics.';
  return renderTable(['TOPIC'], [...topics].sort().map((topic) => [topic]));
}

/**
 * One line per change: time, connector, what changed, previous -> new state, worker, trace.
 * `previous` is what the watcher last saw for the same connector or task.
 */
export function changeLine(change: StatusChange, previous: string | undefined): string {
  const time = change.time ? new Date(millisOf(change.time)).toISOString() : new Date().toISOString();
  const what = change.taskId === undefined ? 'connector' : `task ${change.taskId}`;
  if (!change.status) return `${time}  ${change.connector}  ${what}  removed`;
  const state = shortEnum(change.status.state);
  const transition = previous === undefined ? state : `${previous} -> ${state}`;
  const trace = change.status.trace ? `  ${firstLine(change.status.trace, 100)}` : '';
  return `${time}  ${change.connector}  ${what}  ${transition}  ${change.status.workerId}${trace}`;
}
