// Config topic records (config.storage.topic), byte for byte as Kafka Connect 4.1's
// KafkaConfigBackingStore writes them: plain UTF-8 string keys, values from its Structs through
// the internal JsonConverter (schemas.enable=false), so JSON objects in the Structs' field order.
//
//   connector-<name>          {"properties":{...}}                       null = connector deleted
//   task-<name>-<n>           {"properties":{...}}
//   commit-<name>             {"tasks":<n>}                               makes task-<name>-0..n-1 effective
//   target-state-<name>       {"state":"PAUSED","state.v2":"STOPPED"}     state is PAUSED for STOPPED (pre-3.5 readers)
//   restart-connector-<name>  {"include-tasks":<bool>,"only-failed":<bool>}
//   tasks-fencing-<name>      {"task-count":<n>}                          exactly-once source support
//   session-key               {"key":"<base64>","algorithm":"HmacSHA256","creation-timestamp":<ms>}
//   logger-cluster-<ns>       {"level":"DEBUG"}
//
// decodeConfigRecord turns a record read from the topic into one of these, or says why Kafka's
// store would log and skip it. What applying them means is in config-state.ts.

import { BOOLEAN_SCHEMA, INT32_SCHEMA, INT64_SCHEMA, OPTIONAL_STRING_SCHEMA, STRING_SCHEMA, SchemaBuilder, Struct } from '../../data/index.js';
import type { JsonNode } from '../../converters/json-node.js';
import { asObject, castLong, decodeTree, describeNode, encodeValue, longToInt, parseJavaInt, splitOnDash } from './internal-json.js';

export type TargetState = 'STARTED' | 'PAUSED' | 'STOPPED';
const TARGET_STATES: readonly string[] = ['STARTED', 'PAUSED', 'STOPPED'];

/** Connector or task properties; Kafka's schema allows null values. */
export type ConfigProperties = Readonly<Record<string, string | null>>;

export const TARGET_STATE_PREFIX = 'target-state-';
export const CONNECTOR_PREFIX = 'connector-';
export const TASK_PREFIX = 'task-';
export const COMMIT_TASKS_PREFIX = 'commit-';
export const RESTART_PREFIX = 'restart-connector-';
export const TASK_COUNT_RECORD_PREFIX = 'tasks-fencing-';
export const SESSION_KEY_KEY = 'session-key';
export const LOGGER_CLUSTER_PREFIX = 'logger-cluster-';

export const connectorKey = (connector: string): string => CONNECTOR_PREFIX + connector;
export const taskKey = (connector: string, task: number): string => `${TASK_PREFIX}${connector}-${task}`;
export const commitTasksKey = (connector: string): string => COMMIT_TASKS_PREFIX + connector;
export const targetStateKey = (connector: string): string => TARGET_STATE_PREFIX + connector;
export const restartKey = (connector: string): string => RESTART_PREFIX + connector;
export const taskCountRecordKey = (connector: string): string => TASK_COUNT_RECORD_PREFIX + connector;
export const loggerClusterKey = (namespace: string): string => LOGGER_CLUSTER_PREFIX + namespace;

// Kafka's schemas (KafkaConfigBackingStore.CONNECTOR_CONFIGURATION_V0 and friends).
const CONFIGURATION_V0 = SchemaBuilder.struct().field('properties', SchemaBuilder.map(STRING_SCHEMA, OPTIONAL_STRING_SCHEMA).build()).build();
const TASKS_COMMIT_V0 = SchemaBuilder.struct().field('tasks', INT32_SCHEMA).build();
const TARGET_STATE_V1 = SchemaBuilder.struct().field('state', STRING_SCHEMA).field('state.v2', OPTIONAL_STRING_SCHEMA).build();
const TASK_COUNT_RECORD_V0 = SchemaBuilder.struct().field('task-count', INT32_SCHEMA).build();
const SESSION_KEY_V0 = SchemaBuilder.struct().field('key', STRING_SCHEMA).field('algorithm', STRING_SCHEMA).field('creation-timestamp', INT64_SCHEMA).build();
const RESTART_REQUEST_V0 = SchemaBuilder.struct().field('include-tasks', BOOLEAN_SCHEMA).field('only-failed', BOOLEAN_SCHEMA).build();
const LOGGER_LEVEL_V0 = SchemaBuilder.struct().field('level', STRING_SCHEMA).build();

export interface RestartRequest {
  readonly connector: string;
  readonly onlyFailed: boolean;
  readonly includeTasks: boolean;
}

export interface SessionKey {
  /** The raw secret (the record carries it Base64-encoded). */
  readonly key: Buffer;
  readonly algorithm: string;
  readonly creationTimestamp: number;
}

/** A record for the config topic: its key and value bytes (null value = tombstone). */
export interface ConfigTopicRecord {
  readonly key: string;
  readonly value: Buffer | null;
}

function struct(schema: ReturnType<SchemaBuilder['build']>, fields: Record<string, unknown>): Buffer {
  const value = new Struct(schema);
  for (const [name, fieldValue] of Object.entries(fields)) value.put(name, fieldValue);
  return encodeValue(schema, value)!;
}

/** Properties as a Map, so that keys keep the caller's order whatever they look like. */
function propertiesMap(properties: ConfigProperties | ReadonlyMap<string, string | null>): Map<string, string | null> {
  return properties instanceof Map ? new Map(properties) : new Map(Object.entries(properties as ConfigProperties));
}

export function connectorConfigRecord(connector: string, properties: ConfigProperties | ReadonlyMap<string, string | null>): ConfigTopicRecord {
  return { key: connectorKey(connector), value: struct(CONFIGURATION_V0, { properties: propertiesMap(properties) }) };
}

export function taskConfigRecord(connector: string, task: number, properties: ConfigProperties | ReadonlyMap<string, string | null>): ConfigTopicRecord {
  return { key: taskKey(connector, task), value: struct(CONFIGURATION_V0, { properties: propertiesMap(properties) }) };
}

export function commitTasksRecord(connector: string, tasks: number): ConfigTopicRecord {
  return { key: commitTasksKey(connector), value: struct(TASKS_COMMIT_V0, { tasks }) };
}

export function targetStateRecord(connector: string, state: TargetState): ConfigTopicRecord {
  // Workers before 3.5 know no STOPPED: they read `state` and see PAUSED.
  return { key: targetStateKey(connector), value: struct(TARGET_STATE_V1, { state: state === 'STOPPED' ? 'PAUSED' : state, 'state.v2': state }) };
}

export function restartRequestRecord(request: RestartRequest): ConfigTopicRecord {
  return { key: restartKey(request.connector), value: struct(RESTART_REQUEST_V0, { 'include-tasks': request.includeTasks, 'only-failed': request.onlyFailed }) };
}

export function taskCountRecord(connector: string, taskCount: number): ConfigTopicRecord {
  return { key: taskCountRecordKey(connector), value: struct(TASK_COUNT_RECORD_V0, { 'task-count': taskCount }) };
}

export function sessionKeyRecord(sessionKey: SessionKey): ConfigTopicRecord {
  return {
    key: SESSION_KEY_KEY,
    value: struct(SESSION_KEY_V0, { key: sessionKey.key.toString('base64'), algorithm: sessionKey.algorithm, 'creation-timestamp': sessionKey.creationTimestamp }),
  };
}

export function loggerLevelRecord(namespace: string, level: string): ConfigTopicRecord {
  return { key: loggerClusterKey(namespace), value: struct(LOGGER_LEVEL_V0, { level }) };
}

/** Tombstones written when a connector is deleted: its config, then its target state. */
export function connectorRemovalRecords(connector: string): ConfigTopicRecord[] {
  return [
    { key: connectorKey(connector), value: null },
    { key: targetStateKey(connector), value: null },
  ];
}

/**
 * A config topic record as read. `value` fields are the decoded content; a null `properties`,
 * `state` or `tasks` is a tombstone. `invalid` records are logged and skipped by Kafka (the
 * reason says why); `unreadable` ones are not JSON at all (Kafka does not even advance its
 * offset for them).
 */
export type ConfigRecord =
  | { readonly type: 'connector'; readonly connector: string; readonly properties: Record<string, string | null> | null }
  | { readonly type: 'task'; readonly connector: string; readonly task: number; readonly properties: Record<string, string | null> }
  | { readonly type: 'commit'; readonly connector: string; readonly tasks: number | null; readonly invalid?: string }
  | { readonly type: 'target-state'; readonly connector: string; readonly state: TargetState | null }
  | { readonly type: 'restart'; readonly request: RestartRequest; readonly warnings: readonly string[] }
  | { readonly type: 'task-count'; readonly connector: string; readonly taskCount: number }
  | { readonly type: 'session-key'; readonly sessionKey: SessionKey }
  | { readonly type: 'logger-level'; readonly namespace: string; readonly level: string }
  | { readonly type: 'invalid'; readonly key: string; readonly reason: string }
  | { readonly type: 'unreadable'; readonly key: string; readonly reason: string };

/** Decodes one record read from the config topic, following KafkaConfigBackingStore's ConsumeCallback. */
export function decodeConfigRecord(key: string, bytes: Buffer | null): ConfigRecord {
  let value: JsonNode;
  try {
    value = decodeTree(bytes);
  } catch (error) {
    return { type: 'unreadable', key, reason: `Failed to convert config data to Kafka Connect format: ${(error as Error).message}` };
  }
  const invalid = (reason: string): ConfigRecord => ({ type: 'invalid', key, reason });
  const map = asObject(value);

  if (key.startsWith(TARGET_STATE_PREFIX)) {
    const connector = key.slice(TARGET_STATE_PREFIX.length);
    if (value === null) return { type: 'target-state', connector, state: null };
    if (map === undefined) return invalid(`Ignoring target state for connector '${connector}' because it is in the wrong format: ${describeNode(value)}`);
    let state = map.get('state.v2') ?? null;
    if (state !== null && typeof state !== 'string') state = null; // Kafka logs it and falls back on `state`.
    if (state === null) {
      state = map.get('state') ?? null;
      if (typeof state !== 'string') return invalid(`Invalid data for target state for connector '${connector}': 'state' field should be a String but is ${describeNode(state)}`);
    }
    if (!TARGET_STATES.includes(state)) return invalid(`Invalid target state for connector '${connector}': ${state}`);
    return { type: 'target-state', connector, state: state as TargetState };
  }

  if (key.startsWith(CONNECTOR_PREFIX)) {
    const connector = key.slice(CONNECTOR_PREFIX.length);
    if (value === null) return { type: 'connector', connector, properties: null };
    if (map === undefined) return invalid(`Ignoring configuration for connector '${connector}' because it is in the wrong format: ${describeNode(value)}`);
    const properties = stringMap(map.get('properties'));
    if (properties === undefined) return invalid(`Invalid data for config for connector '${connector}': 'properties' field should be a Map of Strings but is ${describeNode(map.get('properties'))}`);
    return { type: 'connector', connector, properties };
  }

  if (key.startsWith(TASK_PREFIX)) {
    const id = parseTaskKey(key);
    if (id === undefined) return invalid(`Ignoring task configuration because ${key} couldn't be parsed as a task config key`);
    const task = `${id.connector}-${id.task}`;
    if (value === null) return invalid(`Ignoring task configuration for task ${task} because it is unexpectedly null`);
    if (map === undefined) return invalid(`Ignoring task configuration for task ${task} because the value is not a Map but is ${describeNode(value)}`);
    const properties = stringMap(map.get('properties'));
    if (properties === undefined) return invalid(`Invalid data for config of task ${task} 'properties' field should be a Map of Strings but is ${describeNode(map.get('properties'))}`);
    return { type: 'task', ...id, properties };
  }

  if (key.startsWith(COMMIT_TASKS_PREFIX)) {
    // Kafka looks at the connector before the value: a commit for a deleted connector clears it
    // whatever the value is. So the connector travels with invalid commits too.
    const connector = key.slice(COMMIT_TASKS_PREFIX.length);
    if (map === undefined) {
      return { type: 'commit', connector, tasks: null, invalid: `Ignoring connector tasks configuration commit for connector '${connector}' because it is in the wrong format: ${describeNode(value)}` };
    }
    const tasks = castLong(map.get('tasks'));
    if (tasks === undefined) return { type: 'commit', connector, tasks: null, invalid: 'Expected integer value to be either Integer or Long' };
    return { type: 'commit', connector, tasks: longToInt(tasks) };
  }

  if (key.startsWith(RESTART_PREFIX)) {
    const connector = key.slice(RESTART_PREFIX.length);
    if (map === undefined) return invalid(`Ignoring restart request because the value is not a Map but is ${describeNode(value)}`);
    const warnings: string[] = [];
    const flag = (field: string): boolean => {
      const node = map.get(field);
      if (typeof node === 'boolean') return node;
      warnings.push(`Invalid data for restart request '${field}' field should be a Boolean but is ${describeNode(node)}, defaulting to false`);
      return false;
    };
    const onlyFailed = flag('only-failed');
    const includeTasks = flag('include-tasks');
    return { type: 'restart', request: { connector, onlyFailed, includeTasks }, warnings };
  }

  if (key.startsWith(TASK_COUNT_RECORD_PREFIX)) {
    const connector = key.slice(TASK_COUNT_RECORD_PREFIX.length);
    if (map === undefined) return invalid(`Ignoring task count record for connector '${connector}' because it is in the wrong format: ${describeNode(value)}`);
    const count = castLong(map.get('task-count'));
    if (count === undefined) return invalid('Expected integer value to be either Integer or Long');
    return { type: 'task-count', connector, taskCount: longToInt(count) };
  }

  if (key === SESSION_KEY_KEY) {
    if (value === null) return invalid('Ignoring session key because it is unexpectedly null');
    if (map === undefined) return invalid(`Ignoring session key because the value is not a Map but is ${describeNode(value)}`);
    const secret = map.get('key');
    if (typeof secret !== 'string') return invalid(`Invalid data for session key 'key' field should be a String but is ${describeNode(secret)}`);
    if (!/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=|[A-Za-z0-9+/]{2,3})?$/.test(secret)) return invalid('Illegal base64 in session key');
    const algorithm = map.get('algorithm');
    if (typeof algorithm !== 'string') return invalid(`Invalid data for session key 'algorithm' field should be a String but it is ${describeNode(algorithm)}`);
    const created = castLong(map.get('creation-timestamp'));
    if (created === undefined) return invalid(`Invalid data for session key 'creation-timestamp' field should be a long but it is ${describeNode(map.get('creation-timestamp'))}`);
    return { type: 'session-key', sessionKey: { key: Buffer.from(secret, 'base64'), algorithm, creationTimestamp: Number(created) } };
  }

  if (key.startsWith(LOGGER_CLUSTER_PREFIX)) {
    const namespace = key.slice(LOGGER_CLUSTER_PREFIX.length);
    if (value === null) return invalid(`Ignoring logging level for namespace ${namespace} because it is unexpectedly null`);
    if (map === undefined) return invalid(`Ignoring logging level for namespace ${namespace} because the value is not a Map but is ${describeNode(value)}`);
    const level = map.get('level');
    if (typeof level !== 'string') return invalid(`Invalid data for logging level key 'level' field with namespace ${namespace}; should be a String but it is ${describeNode(level)}`);
    return { type: 'logger-level', namespace, level };
  }

  return invalid(`Discarding config update record with invalid key: ${key}`);
}

/** `task-<connector>-<n>` as Kafka parses it: split on '-', the last part is the task number. */
export function parseTaskKey(key: string): { connector: string; task: number } | undefined {
  const parts = splitOnDash(key);
  if (parts.length < 3) return undefined;
  const task = parseJavaInt(parts[parts.length - 1]!);
  if (task === undefined) return undefined;
  return { connector: parts.slice(1, -1).join('-'), task };
}

/**
 * A `properties` map with string (or null) values. Kafka's unchecked cast would store other
 * values and fail later; we refuse the record instead.
 */
function stringMap(node: JsonNode | undefined): Record<string, string | null> | undefined {
  const map = asObject(node);
  if (map === undefined) return undefined;
  const out: Record<string, string | null> = {};
  for (const [name, entry] of map) {
    if (entry !== null && typeof entry !== 'string') return undefined;
    Object.defineProperty(out, name, { value: entry, enumerable: true, writable: true, configurable: true });
  }
  return out;
}
