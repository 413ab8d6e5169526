// Connector and task status (Kafka's StatusBackingStore, narrowed): the state each one is in, the
// worker running it and, for FAILED, the trace. Standalone keeps it in memory; distributed mode
// backs the same interface with the status topic (KafkaStatusStore). Listeners registered with
// onChange hear every write and removal synchronously, in order (the gRPC admin API's WatchStatus).

export type ConnectorState = 'UNASSIGNED' | 'RUNNING' | 'PAUSED' | 'FAILED' | 'RESTARTING' | 'STOPPED';
export type TaskState = ConnectorState;

export interface Status {
  readonly state: ConnectorState;
  readonly workerId: string;
  /** Why it failed, as a stack-trace-like text; only for FAILED. */
  readonly trace?: string;
  /** The group generation of the writer (distributed mode); stores that need one default it. */
  readonly generation?: number;
  /** The connector plugin's version, when known (Kafka 4.0+ status records carry it). */
  readonly version?: string;
}

export interface TaskStatus extends Status {
  readonly id: number;
}

/** One write or removal: `taskId` absent for the connector itself, `status` absent for a removal. */
export interface StatusStoreChange {
  readonly connector: string;
  readonly taskId?: number;
  readonly status?: Status;
}

export type StatusChangeListener = (change: StatusStoreChange) => void;

export interface StatusStore {
  /** Loads what the store shares with other workers (the status topic); absent for local stores. */
  start?(): Promise<void>;
  stop?(): Promise<void>;
  putConnector(connector: string, status: Status): void;
  putTask(connector: string, taskId: number, status: Status): void;
  connector(connector: string): Status | undefined;
  /** The connector's tasks by id, in id order. */
  tasks(connector: string): TaskStatus[];
  task(connector: string, taskId: number): TaskStatus | undefined;
  /** Forgets tasks with ids at or above `count` (after a reconfiguration shrank the task set). */
  retainTasks(connector: string, count: number): void;
  removeConnector(connector: string): void;
  /**
   * Calls `listener` after every put and removal (removing a connector reports its tasks first).
   * Optional: a store without it offers no watch. Returns the function that unsubscribes.
   */
  onChange?(listener: StatusChangeListener): () => void;
}

export class MemoryStatusStore implements StatusStore {
  readonly #connectors = new Map<string, Status>();
  readonly #tasks = new Map<string, Map<number, TaskStatus>>();
  readonly #listeners = new Set<StatusChangeListener>();

  putConnector(connector: string, status: Status): void {
    this.#connectors.set(connector, status);
    this.#notify({ connector, status });
  }

  putTask(connector: string, taskId: number, status: Status): void {
    let tasks = this.#tasks.get(connector);
    if (tasks === undefined) this.#tasks.set(connector, (tasks = new Map()));
    tasks.set(taskId, { ...status, id: taskId });
    this.#notify({ connector, taskId, status });
  }

  connector(connector: string): Status | undefined {
    return this.#connectors.get(connector);
  }

  tasks(connector: string): TaskStatus[] {
    return [...(this.#tasks.get(connector)?.values() ?? [])].sort((a, b) => a.id - b.id);
  }

  task(connector: string, taskId: number): TaskStatus | undefined {
    return this.#tasks.get(connector)?.get(taskId);
  }

  retainTasks(connector: string, count: number): void {
    const tasks = this.#tasks.get(connector);
    if (tasks === undefined) return;
    for (const id of [...tasks.keys()]) {
      if (id < count) continue;
      tasks.delete(id);
      this.#notify({ connector, taskId: id });
    }
  }

  removeConnector(connector: string): void {
    const taskIds = [...(this.#tasks.get(connector)?.keys() ?? [])].sort((a, b) => a - b);
    const existed = this.#connectors.delete(connector);
    this.#tasks.delete(connector);
    for (const taskId of taskIds) this.#notify({ connector, taskId });
    if (existed) this.#notify({ connector });
  }

  onChange(listener: StatusChangeListener): () => void {
    this.#listeners.add(listener);
    return () => void this.#listeners.delete(listener);
  }

  /** A listener's failure is its own: it must not fail the write that triggered it. */
  #notify(change: StatusStoreChange): void {
    for (const listener of this.#listeners) {
      try {
        listener(change);
      } catch {
        // ignored: see above
      }
    }
  }
}
