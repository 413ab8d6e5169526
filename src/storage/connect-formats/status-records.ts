// Status topic records (status.storage.topic), byte for byte as Kafka Connect 4.1's
// KafkaStatusBackingStore writes them: string keys, values from its Structs through the internal
// JsonConverter (schemas.enable=false):
//
//   status-connector-<name>                 {"state":"RUNNING","trace":null,"worker_id":"host:8083","generation":7,"version":null}
//   status-task-<name>-<n>                  the same fields
//   status-topic-<topic>:connector-<name>   {"topic":{"name":"<topic>","connector":"<name>","task":0,"discoverTimestamp":<ms>}}
//
// A DESTROYED status, and a topic status being reset, are written as tombstones. `version` (the
// plugin version, Kafka 4.0+) is written null when unknown; older records lack it.

import { INT32_SCHEMA, INT64_SCHEMA, OPTIONAL_STRING_SCHEMA, STRING_SCHEMA, SchemaBuilder, Struct } from '../../data/index.js';
import type { JsonNode } from '../../converters/json-node.js';
import { asObject, castLong, castString, decodeTree, describeNode, encodeValue, longToInt, parseJavaInt, splitOnDash } from './internal-json.js';

/** AbstractStatus.State; DESTROYED is never stored, only read if some writer put it there. */
export type StatusState = 'UNASSIGNED' | 'RUNNING' | 'PAUSED' | 'FAILED' | 'RESTARTING' | 'STOPPED' | 'DESTROYED';
const STATES: readonly string[] = ['UNASSIGNED', 'RUNNING', 'PAUSED', 'FAILED', 'RESTARTING', 'STOPPED', 'DESTROYED'];

export const CONNECTOR_STATUS_PREFIX = 'status-connector-';
export const TASK_STATUS_PREFIX = 'status-task-';
export const TOPIC_STATUS_PREFIX = 'status-topic-';
export const TOPIC_STATUS_SEPARATOR = ':connector-';

export const connectorStatusKey = (connector: string): string => CONNECTOR_STATUS_PREFIX + connector;
export const taskStatusKey = (connector: string, task: number): string => `${TASK_STATUS_PREFIX}${connector}-${task}`;
export const topicStatusKey = (connector: string, topic: string): string => TOPIC_STATUS_PREFIX + topic + TOPIC_STATUS_SEPARATOR + connector;

/** One status as stored (Kafka's AbstractStatus fields). */
export interface StatusValue {
  readonly state: StatusState;
  /** The stack trace of a FAILED connector or task; null otherwise. */
  readonly trace: string | null;
  /** `host:port` of the worker that wrote it (null only in records Kafka did not write). */
  readonly workerId: string | null;
  /** The group generation the writer was in. */
  readonly generation: number;
  /** The connector plugin's version (Kafka 4.0+); null when unknown. */
  readonly version: string | null;
}

/** An active topic as written (Kafka's TopicStatus). */
export interface TopicStatus {
  readonly topic: string;
  readonly connector: string;
  readonly task: number;
  readonly discoverTimestamp: number;
}

/** An active topic as read (Kafka does not check the strings are present). */
export interface TopicStatusValue {
  readonly topic: string | null;
  readonly connector: string | null;
  readonly task: number;
  readonly discoverTimestamp: number;
}

const STATUS_SCHEMA_V0 = SchemaBuilder.struct()
  .field('state', STRING_SCHEMA)
  .field('trace', SchemaBuilder.string().optional().build())
  .field('worker_id', STRING_SCHEMA)
  .field('generation', INT32_SCHEMA)
  .field('version', OPTIONAL_STRING_SCHEMA)
  .build();
const TOPIC_STATUS_VALUE_SCHEMA_V0 = SchemaBuilder.struct()
  .field('name', STRING_SCHEMA)
  .field('connector', STRING_SCHEMA)
  .field('task', INT32_SCHEMA)
  .field('discoverTimestamp', INT64_SCHEMA)
  .build();
const TOPIC_STATUS_SCHEMA_V0 = SchemaBuilder.map(STRING_SCHEMA, TOPIC_STATUS_VALUE_SCHEMA_V0).build();

/** The value bytes of a status; null (a tombstone) for DESTROYED. */
export function encodeStatus(status: StatusValue): Buffer | null {
  if (status.state === 'DESTROYED') return null;
  const struct = new Struct(STATUS_SCHEMA_V0);
  struct.put('state', status.state);
  if (status.trace !== null) struct.put('trace', status.trace);
  struct.put('worker_id', status.workerId ?? '');
  struct.put('generation', status.generation);
  struct.put('version', status.version);
  return encodeValue(STATUS_SCHEMA_V0, struct);
}

/** The value bytes of an active topic; null resets it. */
export function encodeTopicStatus(status: TopicStatus | null): Buffer | null {
  if (status === null) return null;
  const struct = new Struct(TOPIC_STATUS_VALUE_SCHEMA_V0);
  struct.put('name', status.topic);
  struct.put('connector', status.connector);
  struct.put('task', status.task);
  struct.put('discoverTimestamp', status.discoverTimestamp);
  return encodeValue(TOPIC_STATUS_SCHEMA_V0, new Map([['topic', struct]]));
}

/**
 * A status topic record as read (KafkaStatusBackingStore.read). A null status is a tombstone;
 * `invalid` records are logged and skipped.
 */
export type StatusRecord =
  | { readonly type: 'connector'; readonly connector: string; readonly status: StatusValue | null }
  | { readonly type: 'task'; readonly connector: string; readonly task: number; readonly status: StatusValue | null }
  | { readonly type: 'topic'; readonly connector: string; readonly topic: string; readonly status: TopicStatusValue | null }
  | { readonly type: 'invalid'; readonly key: string; readonly reason: string };

export function decodeStatusRecord(key: string, bytes: Buffer | null): StatusRecord {
  const invalid = (reason: string): StatusRecord => ({ type: 'invalid', key, reason });
  if (key.startsWith(CONNECTOR_STATUS_PREFIX)) {
    const connector = key.slice(CONNECTOR_STATUS_PREFIX.length);
    if (connector === '') return invalid(`Discarding record with invalid connector status key ${key}`);
    if (bytes === null) return { type: 'connector', connector, status: null };
    const status = parseStatus(bytes);
    if (typeof status === 'string') return invalid(`Failed to deserialize connector status: ${status}`);
    return { type: 'connector', connector, status };
  }
  if (key.startsWith(TASK_STATUS_PREFIX)) {
    const parts = splitOnDash(key);
    const task = parts.length < 4 ? undefined : parseJavaInt(parts[parts.length - 1]!);
    if (task === undefined) return invalid(`Discarding record with invalid task status key ${key}`);
    const connector = parts.slice(2, -1).join('-');
    if (bytes === null) return { type: 'task', connector, task, status: null };
    const status = parseStatus(bytes);
    if (typeof status === 'string') return invalid(`Failed to parse task status with key ${key}: ${status}`);
    return { type: 'task', connector, task, status };
  }
  if (key.startsWith(TOPIC_STATUS_PREFIX)) {
    // As Kafka: the topic ends at the first ':', the connector starts after the separator's length.
    const delimiter = key.indexOf(':');
    if (TOPIC_STATUS_PREFIX.length > delimiter) return invalid(`Discarding record with invalid topic status key ${key}`);
    const topic = key.slice(TOPIC_STATUS_PREFIX.length, delimiter);
    if (topic === '') return invalid(`Discarding record with invalid topic status key containing empty topic ${key}`);
    const begin = delimiter + TOPIC_STATUS_SEPARATOR.length;
    if (begin > key.length) return invalid(`Discarding record with invalid topic status key ${key}`);
    const connector = key.slice(begin);
    if (connector === '') return invalid(`Discarding record with invalid topic status key containing empty connector ${key}`);
    if (bytes === null) return { type: 'topic', connector, topic, status: null };
    const status = parseTopicStatus(bytes);
    if (typeof status === 'string') return invalid(`Failed to parse topic status with key ${key}: ${status}`);
    return { type: 'topic', connector, topic, status };
  }
  return invalid(`Discarding record with invalid key ${key}`);
}

/** The status, or why Kafka's parseConnectorStatus/parseTaskStatus would return null. */
function parseStatus(bytes: Buffer): StatusValue | string {
  let tree: JsonNode;
  try {
    tree = decodeTree(bytes);
  } catch (error) {
    return (error as Error).message;
  }
  const map = asObject(tree);
  if (map === undefined) return `Invalid status type ${describeNode(tree)}`;
  const state = map.get('state');
  if (typeof state !== 'string' || !STATES.includes(state)) return `Invalid state ${describeNode(state)}`;
  const trace = castString(map.get('trace'));
  const workerId = castString(map.get('worker_id'));
  const generation = castLong(map.get('generation'));
  const version = castString(map.get('version'));
  if (trace === undefined || workerId === undefined || version === undefined) return 'trace, worker_id and version must be strings';
  if (generation === undefined) return `generation must be a Long but is ${describeNode(map.get('generation'))}`;
  return { state: state as StatusState, trace, workerId, generation: longToInt(generation), version };
}

function parseTopicStatus(bytes: Buffer): TopicStatusValue | string {
  let tree: JsonNode;
  try {
    tree = decodeTree(bytes);
  } catch (error) {
    return (error as Error).message;
  }
  const outer = asObject(tree);
  if (outer === undefined) return `Invalid topic status value ${describeNode(tree)}`;
  const inner = asObject(outer.get('topic'));
  if (inner === undefined) return `Invalid topic status value ${describeNode(outer.get('topic'))} for field topic`;
  const topic = castString(inner.get('name'));
  const connector = castString(inner.get('connector'));
  const task = castLong(inner.get('task'));
  const discoverTimestamp = castLong(inner.get('discoverTimestamp'));
  if (topic === undefined || connector === undefined) return 'name and connector must be strings';
  if (task === undefined || discoverTimestamp === undefined) return 'task and discoverTimestamp must be Longs';
  return { topic, connector, task: longToInt(task), discoverTimestamp: Number(discoverTimestamp) };
}
