// The seam between the Herder's shapes (Kafka Connect's REST shapes) and polyconnect.admin.v1
// messages: one function per message, both directions where requests need it. Enum values are
// Kafka's names under the proto enum's prefix (RUNNING <-> CONNECTOR_STATE_RUNNING).

import * as grpc from '@grpc/grpc-js';
import type { ConfigInfos, ConfigKeyInfo as HerderConfigKeyInfo } from '../../herder/config-infos.js';
import type { ConnectorOffsets } from '../../herder/connector-offsets.js';
import type { ConnectorInfo as HerderConnectorInfo, ConnectorStateInfo, PluginInfo as HerderPluginInfo, StateEntry, TargetState, TaskInfo as HerderTaskInfo, TaskStateEntry, WorkerHealth } from '../../herder/herder.js';
import type { LoggerLevel as HerderLoggerLevel } from '../../logging.js';
import type { Status } from '../../storage/status-store.js';
import type * as pb from './admin-messages.js';
import { fromStruct, timestampOf, toStruct, type JsonValue } from './proto-json.js';
import { AdminRequestError } from './status-codes.js';

/** NAME -> PREFIX_NAME, anything unknown -> PREFIX_UNSPECIFIED. */
export function enumValue<T extends string>(prefix: string, name: string | undefined, known: readonly string[]): T {
  const upper = (name ?? '').toUpperCase();
  return `${prefix}${known.includes(upper) ? upper : 'UNSPECIFIED'}` as T;
}

/** PREFIX_NAME -> NAME (UNSPECIFIED and unknown values -> `fallback`). */
export function enumName(prefix: string, value: string | undefined, fallback: string): string {
  const name = value?.startsWith(prefix) ? value.slice(prefix.length) : '';
  return name === '' || name === 'UNSPECIFIED' ? fallback : name;
}

const STATES = ['UNASSIGNED', 'RUNNING', 'PAUSED', 'FAILED', 'RESTARTING', 'STOPPED'];
const CONNECTOR_TYPES = ['SOURCE', 'SINK'];
const PLUGIN_TYPES = ['SOURCE', 'SINK', 'TRANSFORMATION', 'PREDICATE', 'CONVERTER', 'HEADER_CONVERTER'];
const CONFIG_TYPES = ['BOOLEAN', 'STRING', 'INT', 'SHORT', 'LONG', 'DOUBLE', 'LIST', 'CLASS', 'PASSWORD'];
const IMPORTANCES = ['HIGH', 'MEDIUM', 'LOW'];
const WIDTHS = ['NONE', 'SHORT', 'MEDIUM', 'LONG'];
const HEALTH = ['HEALTHY', 'STARTING', 'UNHEALTHY'];
export const LOG_LEVELS = ['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR', 'FATAL', 'OFF'];

const state = (name: string): pb.ConnectorStateName => enumValue('CONNECTOR_STATE_', name, STATES);
const connectorType = (name: string): pb.ConnectorTypeName => enumValue('CONNECTOR_TYPE_', name, CONNECTOR_TYPES);

export function connectorInfoMessage(info: HerderConnectorInfo): pb.ConnectorInfo {
  return { name: info.name, config: { ...info.config }, tasks: info.tasks.map((task) => ({ ...task })), type: connectorType(info.type) };
}

export function stateInfoMessage(entry: StateEntry): pb.StateInfo {
  return { state: state(entry.state), workerId: entry.worker_id, ...(entry.trace ? { trace: entry.trace } : {}) };
}

export function taskStatusMessage(entry: TaskStateEntry): pb.TaskStatus {
  return { id: entry.id, ...stateInfoMessage(entry) };
}

export function connectorStatusMessage(status: ConnectorStateInfo): pb.ConnectorStatus {
  return { name: status.name, connector: stateInfoMessage(status.connector), tasks: status.tasks.map(taskStatusMessage), type: connectorType(status.type) };
}

/** A status store entry (camelCase) as a StateInfo. */
export function storeStatusMessage(status: Status): pb.StateInfo {
  return stateInfoMessage({ state: status.state, worker_id: status.workerId, ...(status.trace ? { trace: status.trace } : {}) });
}

export function taskInfoMessage(task: HerderTaskInfo): pb.TaskInfo {
  return { id: { ...task.id }, config: { ...task.config } };
}

export function pluginInfoMessage(plugin: HerderPluginInfo): pb.PluginInfo {
  return { className: plugin.class, type: enumValue('PLUGIN_TYPE_', plugin.type, PLUGIN_TYPES), ...(plugin.version === undefined ? {} : { version: plugin.version }) };
}

export function configKeyInfoMessage(key: HerderConfigKeyInfo): pb.ConfigKeyInfo {
  return {
    name: key.name,
    type: enumValue('CONFIG_TYPE_', key.type, CONFIG_TYPES),
    required: key.required,
    ...(key.default_value === null ? {} : { defaultValue: key.default_value }),
    importance: enumValue('CONFIG_IMPORTANCE_', key.importance, IMPORTANCES),
    ...(key.documentation === null ? {} : { documentation: key.documentation }),
    ...(key.group === null ? {} : { group: key.group }),
    width: enumValue('CONFIG_WIDTH_', key.width, WIDTHS),
    displayName: key.display_name,
    dependents: [...key.dependents],
    order: key.order,
  };
}

export function validateResponse(infos: ConfigInfos): pb.AdminResponse<'ValidateConnectorConfig'> {
  return {
    name: infos.name,
    errorCount: infos.error_count,
    groups: [...infos.groups],
    configs: infos.configs.map(({ definition, value }) => ({
      definition: definition === null ? null : configKeyInfoMessage(definition),
      value:
        value === null
          ? null
          : { name: value.name, ...(value.value === null ? {} : { value: value.value }), recommendedValues: [...value.recommended_values], errors: [...value.errors], visible: value.visible },
    })),
  };
}

export function healthResponse(health: WorkerHealth): pb.AdminResponse<'GetHealth'> {
  return { status: enumValue('WORKER_HEALTH_STATUS_', health.status, HEALTH), message: health.message };
}

export function loggerLevelMessage(logger: string, level: HerderLoggerLevel): pb.LoggerLevel {
  return { logger, level: enumValue('LOG_LEVEL_', level.level, LOG_LEVELS), lastModified: level.last_modified === null ? null : timestampOf(level.last_modified) };
}

export function offsetsMessage(offsets: ConnectorOffsets): pb.ConnectorOffset[] {
  return offsets.offsets.map(({ partition, offset }) => ({ partition: toStruct(partition), offset: offset === null ? null : toStruct(offset) }));
}

/**
 * Offsets to alter, as the Herder takes them (the REST body). Checked here first: Structs can
 * nest, but Kafka's partitions and offsets are flat maps of scalars.
 */
export function alterOffsetsBody(offsets: readonly pb.ConnectorOffset[]): { offsets: Array<{ partition: Record<string, JsonValue>; offset: Record<string, JsonValue> | null }> } {
  return {
    offsets: offsets.map((entry, index) => {
      if (entry.partition === null) throw invalid(`offsets[${index}].partition is missing`);
      const partition = flatMap(fromStruct(entry.partition), `offsets[${index}].partition`);
      const offset = entry.offset === null || entry.offset === undefined ? null : flatMap(fromStruct(entry.offset), `offsets[${index}].offset`);
      return { partition, offset };
    }),
  };
}

function flatMap(object: Record<string, JsonValue>, what: string): Record<string, JsonValue> {
  for (const [key, value] of Object.entries(object)) {
    if (value !== null && typeof value === 'object') throw invalid(`${what}.${key}: partitions and offsets must be maps with string keys and primitive values`);
  }
  return object;
}

export function targetStateOf(initialState: pb.InitialStateName | undefined): TargetState {
  const name = enumName('INITIAL_STATE_', initialState, 'RUNNING');
  return name === 'RUNNING' ? 'STARTED' : (name as TargetState);
}

export function invalid(message: string): AdminRequestError {
  return new AdminRequestError(grpc.status.INVALID_ARGUMENT, message, 400);
}
