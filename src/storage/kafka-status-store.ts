// Distributed mode's status store: status.storage.topic in Kafka Connect's format (see
// connect-formats/status-records.ts). Kafka's KafkaStatusBackingStore. Every worker reads every
// worker's writes, so each one shows the state and worker_id of tasks running anywhere.
//
// Puts are fire-and-forget like Kafka's (the StatusStore interface is synchronous): the record is
// sent in the background and retried while the failure is retriable; flush() waits for what is
// in flight. Until a worker's own write comes back from the topic, its readers see the write
// (kafka-in-flight.ts); everything else is what the topic says, applied with Kafka's rules
// (status-table.ts). A DESTROYED status is written as a tombstone; removeConnector() tombstones
// every task status and then the connector's, as Kafka's herder does on deletion.
//
// Safe writes (putConnectorSafe/putTaskSafe, Kafka's putSafe, for UNASSIGNED and FAILED) are
// skipped when the current status came from another worker at a newer generation. The generation
// written is the status's own, else the one last given to setGeneration().

import type { Logger } from 'pino';
import type { CompactedLog, LogRecord } from '../kafka/compacted-log.js';
import { connectorStatusKey, encodeStatus, encodeTopicStatus, taskStatusKey, topicStatusKey, type StatusValue, type TopicStatus, type TopicStatusValue } from './connect-formats/status-records.js';
import { canWriteSafely, StatusTable } from './connect-formats/status-table.js';
import { InFlightWrites } from './kafka-in-flight.js';
import { internalTopicLog, type KafkaStoreTopicOptions } from './kafka-store-topic.js';
import type { Status, StatusChangeListener, StatusStore, StatusStoreChange, TaskStatus } from './status-store.js';

export const STATUS_STORAGE_PARTITIONS_DEFAULT = 5;

const SEND_ATTEMPTS = 10;
const SEND_BACKOFF_MS = 200;

type Pending =
  | { readonly kind: 'connector'; readonly connector: string; readonly status: StatusValue | null }
  | { readonly kind: 'task'; readonly connector: string; readonly task: number; readonly status: StatusValue | null }
  | { readonly kind: 'topic'; readonly connector: string; readonly topic: string; readonly status: TopicStatus | null };

export interface KafkaStatusStoreOptions {
  readonly log: CompactedLog;
  readonly logger: Logger;
  /** The generation written when a status carries none (until setGeneration). @default 0 */
  readonly generation?: number;
}

export class KafkaStatusStore implements StatusStore {
  readonly #log: CompactedLog;
  readonly #logger: Logger;
  readonly #table: StatusTable;
  readonly #inFlight = new InFlightWrites<Pending>();
  readonly #readUpTo = new Map<number, number>();
  readonly #listeners = new Set<StatusChangeListener>();
  readonly #sends = new Set<Promise<void>>();
  #generation: number;
  #started = false;

  constructor(options: KafkaStatusStoreOptions) {
    this.#log = options.log;
    this.#logger = options.logger.child({ component: 'kafka-status-store', topic: options.log.topic });
    this.#table = new StatusTable(this.#logger);
    this.#generation = options.generation ?? 0;
  }

  /** A store on status.storage.topic (5 partitions unless told otherwise). */
  static create(options: KafkaStoreTopicOptions & { readonly generation?: number }): KafkaStatusStore {
    const log = internalTopicLog(options, { partitions: STATUS_STORAGE_PARTITIONS_DEFAULT, topicConfigKey: 'status.storage.topic', purpose: 'connector and task statuses' });
    return new KafkaStatusStore({ log, logger: options.logger, generation: options.generation });
  }

  async start(): Promise<void> {
    await this.#log.start((record) => this.#read(record));
    this.#started = true;
  }

  /** Waits for the status writes in flight, then stops reading and writing. */
  async stop(): Promise<void> {
    await this.flush();
    await this.#log.stop();
  }

  /** Resolves once every status write made so far has been acknowledged (or has failed for good). */
  async flush(): Promise<void> {
    while (this.#sends.size > 0) await Promise.all([...this.#sends]);
  }

  /** Resolves once every status written before the call, by any worker, has been read. */
  refresh(): Promise<void> {
    return this.#log.readToEnd();
  }

  /** The generation written from now on by statuses that carry none (the group generation). */
  setGeneration(generation: number): void {
    this.#generation = generation;
  }

  putConnector(connector: string, status: Status): void {
    this.#write({ kind: 'connector', connector, status: this.#value(status) }, connectorStatusKey(connector));
  }

  putTask(connector: string, taskId: number, status: Status): void {
    this.#write({ kind: 'task', connector, task: taskId, status: this.#value(status) }, taskStatusKey(connector, taskId));
  }

  /** Kafka's putSafe for a connector: skipped (false) when another worker wrote at a newer generation. */
  putConnectorSafe(connector: string, status: Status): boolean {
    const value = this.#value(status);
    if (!canWriteSafely(this.#connectorValue(connector), value)) return false;
    this.#write({ kind: 'connector', connector, status: value }, connectorStatusKey(connector));
    return true;
  }

  /** Kafka's putSafe for a task: skipped (false) when another worker wrote at a newer generation. */
  putTaskSafe(connector: string, taskId: number, status: Status): boolean {
    const value = this.#value(status);
    if (!canWriteSafely(this.#taskValue(connector, taskId), value)) return false;
    this.#write({ kind: 'task', connector, task: taskId, status: value }, taskStatusKey(connector, taskId));
    return true;
  }

  connector(connector: string): Status | undefined {
    const value = this.#connectorValue(connector);
    return value === undefined ? undefined : toStatus(value);
  }

  tasks(connector: string): TaskStatus[] {
    const ids = new Set(this.#table.tasks(connector).map((t) => t.task));
    for (const [, pending] of this.#inFlight.latestItems()) if (pending.kind === 'task' && pending.connector === connector) ids.add(pending.task);
    return [...ids]
      .sort((a, b) => a - b)
      .flatMap((id) => {
        const task = this.task(connector, id);
        return task === undefined ? [] : [task];
      });
  }

  task(connector: string, taskId: number): TaskStatus | undefined {
    const value = this.#taskValue(connector, taskId);
    return value === undefined ? undefined : { ...toStatus(value), id: taskId };
  }

  retainTasks(connector: string, count: number): void {
    for (const task of this.tasks(connector)) {
      if (task.id >= count) this.#write({ kind: 'task', connector, task: task.id, status: null }, taskStatusKey(connector, task.id));
    }
  }

  removeConnector(connector: string): void {
    for (const task of this.tasks(connector)) this.#write({ kind: 'task', connector, task: task.id, status: null }, taskStatusKey(connector, task.id));
    if (this.#connectorValue(connector) !== undefined) this.#write({ kind: 'connector', connector, status: null }, connectorStatusKey(connector));
  }

  /** Records that a connector's task used a topic (KIP-558 active topics; Kafka's put(TopicStatus)). */
  putTopic(connector: string, topic: string, task: number, discoverTimestamp: number = Date.now()): void {
    this.#write({ kind: 'topic', connector, topic, status: { topic, connector, task, discoverTimestamp } }, topicStatusKey(connector, topic));
  }

  /** Forgets one active topic of a connector (a tombstone). */
  deleteTopic(connector: string, topic: string): void {
    this.#write({ kind: 'topic', connector, topic, status: null }, topicStatusKey(connector, topic));
  }

  /** The connector's active topics, by name. */
  topics(connector: string): TopicStatusValue[] {
    const byTopic = new Map(this.#table.topics(connector));
    for (const [, pending] of this.#inFlight.latestItems()) {
      if (pending.kind !== 'topic' || pending.connector !== connector) continue;
      if (pending.status === null) byTopic.delete(pending.topic);
      else byTopic.set(pending.topic, pending.status);
    }
    return [...byTopic.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, status]) => status);
  }

  /** Connectors with a status. */
  connectors(): string[] {
    const names = new Set(this.#table.connectors());
    for (const [, pending] of this.#inFlight.latestItems()) if (pending.kind === 'connector') names.add(pending.connector);
    return [...names].filter((name) => this.connector(name) !== undefined);
  }

  onChange(listener: StatusChangeListener): () => void {
    this.#listeners.add(listener);
    return () => void this.#listeners.delete(listener);
  }

  #value(status: Status): StatusValue {
    return { state: status.state, trace: status.trace ?? null, workerId: status.workerId, generation: status.generation ?? this.#generation, version: status.version ?? null };
  }

  #connectorValue(connector: string): StatusValue | undefined {
    const pending = this.#inFlight.latest(connectorStatusKey(connector))?.item;
    if (pending !== undefined) return pending.kind === 'connector' ? (pending.status ?? undefined) : undefined;
    return shown(this.#table.connector(connector));
  }

  #taskValue(connector: string, task: number): StatusValue | undefined {
    const pending = this.#inFlight.latest(taskStatusKey(connector, task))?.item;
    if (pending !== undefined) return pending.kind === 'task' ? (pending.status ?? undefined) : undefined;
    return shown(this.#table.task(connector, task));
  }

  #write(pending: Pending, key: string): void {
    const value = pending.kind === 'topic' ? encodeTopicStatus(pending.status) : encodeStatus(pending.status ?? { state: 'DESTROYED', trace: null, workerId: null, generation: 0, version: null });
    const before = this.#snapshotOf(pending);
    const entry = this.#inFlight.add(key, pending);
    this.#notifyIfChanged(pending, before);
    const send = this.#send(key, value).then(
      (written) => {
        if (written === undefined) {
          const shownBefore = this.#snapshotOf(pending);
          this.#inFlight.remove(key, entry);
          this.#notifyIfChanged(pending, shownBefore);
        } else {
          this.#inFlight.acknowledged(key, entry, written.partition, written.offset, this.#readUpTo.get(written.partition) ?? 0);
        }
      },
      () => undefined,
    );
    this.#sends.add(send);
    void send.finally(() => this.#sends.delete(send));
  }

  /** Sends one record, retrying retriable failures; undefined when it could not be written. */
  async #send(key: string, value: Buffer | null): Promise<{ partition: number; offset: number } | undefined> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.#log.send(key, value);
      } catch (error) {
        const retriable = (error as { retriable?: unknown }).retriable === true;
        if (!retriable || attempt >= SEND_ATTEMPTS) {
          this.#logger.error({ err: error, key }, 'Failed to write status update');
          return undefined;
        }
        await new Promise((resolve) => setTimeout(resolve, SEND_BACKOFF_MS * attempt));
      }
    }
  }

  #read(record: LogRecord): void {
    this.#readUpTo.set(record.partition, record.offset + 1);
    if (record.key === null) {
      this.#table.apply(null, record.value);
      return;
    }
    const key = record.key.toString('utf8');
    const changes = this.#started && this.#listeners.size > 0;
    const connectorsBefore = changes ? this.#viewOfKeyConnector(key) : undefined;
    this.#table.apply(key, record.value);
    this.#inFlight.observed(key, record.partition, record.offset);
    if (connectorsBefore !== undefined) this.#notifyDifferences(connectorsBefore);
  }

  /** What the readers see of the connector a key concerns (a connector tombstone touches all its tasks). */
  #viewOfKeyConnector(key: string): { connector: string; statuses: Map<string, Status | undefined> } | undefined {
    const connector = connectorOfKey(key);
    if (connector === undefined) return undefined;
    const statuses = new Map<string, Status | undefined>();
    statuses.set('', this.connector(connector));
    for (const task of this.tasks(connector)) statuses.set(String(task.id), task);
    return { connector, statuses };
  }

  #notifyDifferences(before: { connector: string; statuses: Map<string, Status | undefined> }): void {
    const after = this.#viewOfKeyConnector(connectorStatusKey(before.connector))!;
    const ids = new Set([...before.statuses.keys(), ...after.statuses.keys()]);
    const changes: StatusStoreChange[] = [];
    for (const id of [...ids].sort((a, b) => Number(a === '' ? Infinity : a) - Number(b === '' ? Infinity : b))) {
      const previous = before.statuses.get(id);
      const current = after.statuses.get(id);
      if (sameStatus(previous, current)) continue;
      const change: StatusStoreChange = id === '' ? { connector: before.connector } : { connector: before.connector, taskId: Number(id) };
      changes.push(current === undefined ? change : { ...change, status: stripId(current) });
    }
    for (const change of changes) this.#notify(change);
  }

  #snapshotOf(pending: Pending): Status | undefined {
    if (pending.kind === 'connector') return this.connector(pending.connector);
    if (pending.kind === 'task') return this.task(pending.connector, pending.task);
    return undefined;
  }

  #notifyIfChanged(pending: Pending, before: Status | undefined): void {
    if (pending.kind === 'topic') return;
    const after = this.#snapshotOf(pending);
    if (sameStatus(before, after)) return;
    const change: StatusStoreChange = pending.kind === 'connector' ? { connector: pending.connector } : { connector: pending.connector, taskId: pending.task };
    this.#notify(after === undefined ? change : { ...change, status: stripId(after) });
  }

  /** A listener's failure is its own: it must not fail the write or read that triggered it. */
  #notify(change: StatusStoreChange): void {
    for (const listener of this.#listeners) {
      try {
        listener(change);
      } catch (error) {
        this.#logger.warn({ err: error }, 'A status listener failed');
      }
    }
  }
}

/** Kafka never shows DESTROYED (it writes tombstones); a record saying so reads as no status. */
function shown(value: StatusValue | undefined): StatusValue | undefined {
  return value === undefined || value.state === 'DESTROYED' ? undefined : value;
}

function toStatus(value: StatusValue): Status {
  const status: { -readonly [K in keyof Status]: Status[K] } = { state: value.state as Status['state'], workerId: value.workerId ?? '', generation: value.generation };
  if (value.trace !== null) status.trace = value.trace;
  if (value.version !== null) status.version = value.version;
  return status;
}

function stripId(status: Status | TaskStatus): Status {
  if (!('id' in status)) return status;
  const { id: _id, ...rest } = status;
  return rest;
}

function sameStatus(a: Status | undefined, b: Status | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.state === b.state && a.workerId === b.workerId && a.trace === b.trace && a.generation === b.generation && a.version === b.version;
}

/** The connector a status key concerns (topic keys: none, they are not statuses). */
function connectorOfKey(key: string): string | undefined {
  if (key.startsWith('status-connector-')) return key.slice('status-connector-'.length);
  if (key.startsWith('status-task-')) {
    const dash = key.lastIndexOf('-');
    return dash > 'status-task-'.length ? key.slice('status-task-'.length, dash) : undefined;
  }
  return undefined;
}
