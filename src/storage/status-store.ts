// Connector and task status (Kafka's StatusBackingStore, narrowed): the state each one is in, the
// worker running it and, for FAILED, the trace. Standalone keeps it in memory; distributed mode
// will back the same interface with the status topic.

export type ConnectorState = 'UNASSIGNED' | 'RUNNING' | 'PAUSED' | 'FAILED' | 'RESTARTING' | 'STOPPED';
export type TaskState = ConnectorState;

export interface Status {
  readonly state: ConnectorState;
  readonly workerId: string;
  /** Why it failed, as a stack-trace-like text; only for FAILED. */
  readonly trace?: string;
}

export interface TaskStatus extends Status {
  readonly id: number;
}

export interface StatusStore {
  putConnector(connector: string, status: Status): void;
  putTask(connector: string, taskId: number, status: Status): void;
  connector(connector: string): Status | undefined;
  /** The connector's tasks by id, in id order. */
  tasks(connector: string): TaskStatus[];
  task(connector: string, taskId: number): TaskStatus | undefined;
  /** Forgets tasks with ids at or above `count` (after a reconfiguration shrank the task set). */
  retainTasks(connector: string, count: number): void;
  removeConnector(connector: string): void;
}

export class MemoryStatusStore implements StatusStore {
  readonly #connectors = new Map<string, Status>();
  readonly #tasks = new Map<string, Map<number, TaskStatus>>();

  putConnector(connector: string, status: Status): void {
    this.#connectors.set(connector, status);
  }

  putTask(connector: string, taskId: number, status: Status): void {
    let tasks = this.#tasks.get(connector);
    if (tasks === undefined) this.#tasks.set(connector, (tasks = new Map()));
    tasks.set(taskId, { ...status, id: taskId });
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
    for (const id of [...tasks.keys()]) if (id >= count) tasks.delete(id);
  }

  removeConnector(connector: string): void {
    this.#connectors.delete(connector);
    this.#tasks.delete(connector);
  }
}
