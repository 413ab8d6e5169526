// StatusTable: the statuses the status topic holds, rebuilt record by record as Kafka Connect's
// KafkaStatusBackingStore caches them, so that every worker (Polyconnect or Kafka's) shows the same
// status for every connector and task, whoever wrote it.
//
// Rules from KafkaStatusBackingStore.read:
// * A connector tombstone removes the connector's status and all its tasks' statuses (not its
//   active topics); a task tombstone removes that task's.
// * An UNASSIGNED task status is ignored while the cached one is RUNNING at the same or a newer
//   generation (a worker that lagged behind a rebalance must not hide a running task).
// * Records that do not parse are logged and skipped.
//
// canWriteSafely is Kafka's rule for "safe" writes (putSafe, used for UNASSIGNED and FAILED).

import type { Logger } from 'pino';
import { decodeStatusRecord, type StatusValue, type TopicStatusValue } from './status-records.js';

export interface TaskStatusValue extends StatusValue {
  readonly task: number;
}

export class StatusTable {
  readonly #logger: Logger;
  readonly #connectors = new Map<string, StatusValue>();
  /** connector -> task -> status */
  readonly #tasks = new Map<string, Map<number, StatusValue>>();
  /** connector (as in the key) -> topic (as in the key) -> status */
  readonly #topics = new Map<string, Map<string, TopicStatusValue>>();

  constructor(logger: Logger) {
    this.#logger = logger;
  }

  /** Applies one record; returns the connector it concerned (undefined when skipped). */
  apply(key: string | null, value: Buffer | null): string | undefined {
    if (key === null) {
      this.#logger.warn('Discarding status record with a null key');
      return undefined;
    }
    const record = decodeStatusRecord(key, value);
    switch (record.type) {
      case 'invalid':
        this.#logger.warn({ key }, record.reason);
        return undefined;
      case 'connector':
        if (record.status === null) {
          this.#connectors.delete(record.connector);
          this.#tasks.delete(record.connector);
        } else {
          this.#connectors.set(record.connector, record.status);
        }
        return record.connector;
      case 'task': {
        let tasks = this.#tasks.get(record.connector);
        if (record.status === null) {
          tasks?.delete(record.task);
          return record.connector;
        }
        const cached = tasks?.get(record.task);
        if (record.status.state === 'UNASSIGNED' && cached?.state === 'RUNNING' && cached.generation >= record.status.generation) {
          this.#logger.trace({ key }, 'Ignoring stale UNASSIGNED status in favour of a more up to date RUNNING status');
          return undefined;
        }
        if (tasks === undefined) this.#tasks.set(record.connector, (tasks = new Map()));
        tasks.set(record.task, record.status);
        return record.connector;
      }
      case 'topic': {
        let topics = this.#topics.get(record.connector);
        if (record.status === null) {
          topics?.delete(record.topic);
          return record.connector;
        }
        if (topics === undefined) this.#topics.set(record.connector, (topics = new Map()));
        topics.set(record.topic, record.status);
        return record.connector;
      }
    }
  }

  connector(connector: string): StatusValue | undefined {
    return this.#connectors.get(connector);
  }

  task(connector: string, task: number): StatusValue | undefined {
    return this.#tasks.get(connector)?.get(task);
  }

  /** The connector's task statuses in task order. */
  tasks(connector: string): TaskStatusValue[] {
    return [...(this.#tasks.get(connector) ?? [])].sort(([a], [b]) => a - b).map(([task, status]) => ({ ...status, task }));
  }

  /** Active topics of a connector, by topic name. */
  topics(connector: string): ReadonlyMap<string, TopicStatusValue> {
    return this.#topics.get(connector) ?? new Map();
  }

  connectors(): string[] {
    return [...this.#connectors.keys()];
  }

  /** Names of every connector with a connector, task or topic status. */
  names(): Set<string> {
    return new Set([...this.#connectors.keys(), ...this.#tasks.keys(), ...this.#topics.keys()]);
  }
}

/** Kafka's CacheEntry.canWriteSafely: no cached status, the same worker, or a generation not newer. */
export function canWriteSafely(cached: StatusValue | undefined, status: StatusValue): boolean {
  return cached === undefined || cached.workerId === status.workerId || cached.generation <= status.generation;
}
