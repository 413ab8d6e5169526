// AssignedWork: what a distributed worker runs, and keeping it in step with the group and the
// config topic. The DistributedHerder hands it each assignment and each config change; it
// carries them out one at a time, in order, on the Worker:
//
// - An assignment: revoked work is stopped first (then the worker asks to join again, so the
//   leader can place it elsewhere), new work is started with the configs of the config snapshot
//   and the connector's target state.
// - The worker running a connector asks it for task configs and writes them (with the commit
//   record) when they differ from the committed ones or the connector config changed since.
// - Config changes, whoever wrote them: the leader asks for a rebalance; owners restart what they
//   run with new configs, apply target states, stop removed connectors and carry out restart
//   requests (Kafka's restart-connector-<name> records). Cluster-wide logger levels (KIP-976)
//   are applied at once, outside that queue (cluster-logger-levels.ts).
// - Failed tasks running here are restarted automatically when their connector asks for it
//   (polyconnect.task.restart.*, task-auto-restart.ts), by the worker that runs them.

import type { Logger } from 'pino';
import type { ConfigChange, KafkaConfigSnapshot, KafkaConfigStore } from '../storage/kafka-config-store.js';
import type { KafkaStatusStore } from '../storage/kafka-status-store.js';
import type { Worker } from '../worker/worker.js';
import { applyClusterLoggerLevel, type ClusterLoggerLevelsDependencies } from './cluster-logger-levels.js';
import { checkConnectorConfig } from './connector-config-check.js';
import type { RestartRequest } from './herder.js';
import { TaskAutoRestarter } from './task-auto-restart.js';
import type { WorkAssignment } from './work-assignor.js';

export interface AssignedWorkDependencies extends ClusterLoggerLevelsDependencies {
  readonly worker: Worker;
  readonly configStore: KafkaConfigStore;
  readonly statusStore: KafkaStatusStore;
  readonly logger: Logger;
  /** Whether this worker led the last rebalance (the leader asks for one after config changes). */
  isLeader(): boolean;
  /** Asks the group for a rebalance (after revoking work, or config changes on the leader). */
  requestRejoin(): void;
}

export class AssignedWork {
  readonly #deps: AssignedWorkDependencies;
  readonly #log: Logger;
  /** What runs here: connector names and task keys ("<connector>-<n>"), with the configs they were started with. */
  readonly #connectors = new Map<string, string>();
  readonly #tasks = new Map<string, string>();
  /** Connectors assigned here whose target state is STOPPED: owned (their status is ours to write), not running. */
  readonly #stopped = new Set<string>();
  readonly #autoRestarter = new TaskAutoRestarter();
  #queue: Promise<unknown> = Promise.resolve();
  #closing = false;

  constructor(deps: AssignedWorkDependencies) {
    this.#deps = deps;
    this.#log = deps.logger.child({ component: 'herder' });
  }

  /** Connector names running here (for the worker's group metadata). */
  connectors(): string[] {
    return [...this.#connectors.keys()];
  }

  /** Task keys running here (for the worker's group metadata). */
  tasks(): string[] {
    return [...this.#tasks.keys()];
  }

  runsConnector(name: string): boolean {
    return this.#connectors.has(name);
  }

  runsTask(name: string, task: number): boolean {
    return this.#tasks.has(taskKey(name, task));
  }

  /** Stops taking new work and waits for what is under way; the caller stops the Worker, then forget(). */
  async close(): Promise<void> {
    this.#closing = true;
    this.#autoRestarter.cancelAll();
    await this.#queue.catch(() => undefined);
  }

  /** After the Worker stopped everything: nothing runs here any more. */
  forget(): void {
    this.#connectors.clear();
    this.#stopped.clear();
    this.#tasks.clear();
  }

  handleAssignment(assignment: WorkAssignment, generation: number): Promise<void> {
    return this.#serially(() => this.#onAssignment(assignment, generation));
  }

  handleConfigChange(change: ConfigChange): void {
    // Heard from the moment the worker starts joining: before its first assignment it runs nothing, so only ordering matters.
    if (this.#closing) return;
    if (change.type === 'logging-level-update') return applyClusterLoggerLevel(change, this.#deps.loggers, this.#log);
    void this.#serially(() => this.#applyConfigChange(change)).catch((error: Error) => this.#log.error({ err: error, change: change.type }, 'Applying a config change failed'));
  }

  /** A connector running here asked for its tasks to be reconfigured. */
  reconfigureTasks(name: string): void {
    void this.#serially(async () => {
      if (this.#connectors.has(name) && !this.#closing) await this.#writeTaskConfigs(name);
    }).catch((error: Error) => this.#log.error({ err: error, connector: name }, 'Task reconfiguration failed'));
  }

  /** Restarts the connector and/or its tasks that run here, as a restart request asks. */
  restartHere(name: string, request: RestartRequest): Promise<void> {
    return this.#serially(() => this.#restartOwned(name, request));
  }

  /** Restarts one task running here with its current configs (a manual restart: its automatic-restart history is forgotten). */
  restartTaskHere(name: string, task: number): Promise<void> {
    return this.#serially(async () => {
      this.#forgetFailures(name, task);
      await this.#restartTaskNow(name, task);
    });
  }

  /** Called by the worker when a task failed: schedules an automatic restart when its connector asks for one. */
  taskFailed(name: string, task: number, trace: string): void {
    const config = this.#deps.configStore.snapshot().connectors.get(name);
    if (config === undefined || this.#closing || !this.#tasks.has(taskKey(name, task))) return;
    const { worker, statusStore, configStore } = this.#deps;
    this.#autoRestarter.handleTaskFailure({
      connector: name,
      task,
      trace,
      config,
      worker,
      statusStore,
      logger: this.#log,
      restart: (beforeRestart) =>
        this.#serially(async () => {
          const stillFailedHere = this.#tasks.has(taskKey(name, task)) && statusStore.task(name, task)?.state === 'FAILED';
          if (this.#closing || configStore.snapshot().targetStates.get(name) === 'STOPPED' || !stillFailedHere) return;
          beforeRestart();
          await this.#restartTaskNow(name, task);
        }),
    });
  }

  async #restartTaskNow(name: string, task: number): Promise<void> {
    const key = taskKey(name, task);
    if (!this.#tasks.has(key)) return;
    await this.#deps.worker.stopTask({ connector: name, task });
    this.#tasks.delete(key);
    this.#startTask(key, this.#deps.configStore.snapshot());
  }

  /** A task that stops here for good, is restarted by hand or gets new configs: no pending automatic restart, no old recovery note. */
  #forgetFailures(name: string, task: number): void {
    this.#autoRestarter.forget(name, task);
    this.#deps.worker.setRecoveryNote({ connector: name, task }, undefined);
  }

  async #onAssignment(assignment: WorkAssignment, generation: number): Promise<void> {
    if (this.#closing) return;
    const { worker, configStore } = this.#deps;
    const keepConnectors = new Set(assignment.connectors);
    const keepTasks = new Set(assignment.tasks);
    const revokedConnectors = [...this.#connectors.keys()].filter((name) => !keepConnectors.has(name));
    const revokedTasks = [...this.#tasks.keys()].filter((key) => !keepTasks.has(key));
    await Promise.all(revokedTasks.map(async (key) => {
      const id = parseTaskKey(key);
      this.#forgetFailures(id.connector, id.task);
      await worker.stopTask(id);
      this.#tasks.delete(key);
    }));
    await Promise.all(revokedConnectors.map(async (name) => {
      await worker.stopConnector(name);
      this.#connectors.delete(name);
      this.#stopped.delete(name);
    }));
    const revoked = revokedConnectors.length + revokedTasks.length + assignment.revokedConnectors.length + assignment.revokedTasks.length;
    this.#log.info(
      { generation, leader: assignment.leaderId, connectors: assignment.connectors, tasks: assignment.tasks, revoked: [...revokedConnectors, ...revokedTasks] },
      'Received an assignment',
    );
    if (revoked > 0) {
      // The UNASSIGNED statuses of what stopped reach the topic before the new owners' RUNNING.
      await this.#deps.statusStore.flush();
      this.#deps.requestRejoin();
    }
    await configStore.refresh();
    const snapshot = configStore.snapshot();
    for (const name of assignment.connectors) if (!this.#connectors.has(name)) await this.#startConnector(name, snapshot);
    const newTasks = assignment.tasks.filter((key) => !this.#tasks.has(key));
    if (newTasks.length > 0) await worker.offsetStore.refresh?.();
    for (const key of newTasks) this.#startTask(key, snapshot);
  }

  async #startConnector(name: string, snapshot: KafkaConfigSnapshot): Promise<void> {
    const config = snapshot.connectors.get(name);
    const state = snapshot.targetStates.get(name) ?? 'STARTED';
    if (config === undefined) return;
    this.#connectors.set(name, JSON.stringify(config));
    if (state === 'STOPPED') {
      // Kafka's owner of a stopped connector runs nothing but reports it STOPPED (also when it was created stopped).
      this.#stopped.add(name);
      this.#deps.statusStore.putConnector(name, { state: 'STOPPED', workerId: this.#deps.worker.workerId });
      return;
    }
    this.#stopped.delete(name);
    const running = await this.#deps.worker.startConnector(name, config);
    if (!running) return;
    if (state === 'PAUSED') this.#deps.worker.setTargetState(name, 'PAUSED');
    await this.#writeTaskConfigs(name);
  }

  #startTask(key: string, snapshot: KafkaConfigSnapshot): void {
    const id = parseTaskKey(key);
    const config = snapshot.connectors.get(id.connector);
    const taskConfig = snapshot.taskConfigs.get(id.connector)?.[id.task];
    if (config === undefined || taskConfig === undefined) return;
    this.#tasks.set(key, JSON.stringify([config, taskConfig]));
    this.#deps.worker.startTask(id, config, taskConfig, snapshot.targetStates.get(id.connector) === 'PAUSED');
  }

  /** Asks the connector running here for task configs and writes them when they changed. */
  async #writeTaskConfigs(name: string): Promise<void> {
    const { worker, configStore } = this.#deps;
    const snapshot = configStore.snapshot();
    const config = snapshot.connectors.get(name);
    if (config === undefined || snapshot.targetStates.get(name) === 'STOPPED') return;
    let taskConfigs: Record<string, string>[];
    try {
      const { tasksMax } = checkConnectorConfig(name, config, worker.catalog);
      taskConfigs = (await worker.connectorTaskConfigs(name, tasksMax)).slice(0, tasksMax);
    } catch (error) {
      this.#log.error({ err: error, connector: name }, 'Could not get task configs from the connector');
      return;
    }
    const sameTasks = JSON.stringify(snapshot.taskConfigs.get(name) ?? []) === JSON.stringify(taskConfigs);
    const sameConnector = JSON.stringify(snapshot.appliedConnectorConfigs.get(name) ?? null) === JSON.stringify(config);
    if (sameTasks && sameConnector && !snapshot.inconsistent.has(name)) return;
    this.#log.info({ connector: name, tasks: taskConfigs.length }, 'Writing new task configs');
    await configStore.putTaskConfigs(name, taskConfigs);
  }

  async #applyConfigChange(change: ConfigChange): Promise<void> {
    if (this.#closing) return;
    const { worker, configStore, statusStore } = this.#deps;
    const snapshot = configStore.snapshot();
    switch (change.type) {
      case 'connector-config-update': {
        const name = change.connector;
        const config = snapshot.connectors.get(name);
        if (this.#connectors.has(name) && config !== undefined && this.#connectors.get(name) !== JSON.stringify(config)) {
          await worker.stopConnector(name);
          this.#connectors.delete(name);
          await this.#startConnector(name, snapshot);
        }
        break;
      }
      case 'connector-config-remove':
        // Whoever ran part of it tombstones the statuses after its own last writes (and the leader in any case).
        if ((await this.#stopAll(change.connector)) || this.#deps.isLeader()) statusStore.removeConnector(change.connector);
        break;
      case 'task-config-update': {
        // A commit of zero tasks names no task: look at the connectors with tasks here or shown in the status topic too.
        const names = new Set(change.tasks.map((t) => t.connector));
        for (const key of this.#tasks.keys()) names.add(parseTaskKey(key).connector);
        for (const name of snapshot.connectors.keys()) {
          if ((snapshot.taskConfigs.get(name) ?? []).length === 0 && !snapshot.inconsistent.has(name) && statusStore.tasks(name).length > 0) names.add(name);
        }
        for (const name of names) await this.#restartChangedTasks(name, snapshot);
        break;
      }
      case 'target-state-change': {
        const name = change.connector;
        const state = snapshot.targetStates.get(name);
        if (state === 'STOPPED') {
          const config = this.#connectors.get(name);
          await this.#stopAll(name);
          if (config !== undefined) {
            this.#connectors.set(name, config);
            this.#stopped.add(name);
            statusStore.putConnector(name, { state: 'STOPPED', workerId: worker.workerId });
          }
        } else if (state !== undefined && this.#stopped.has(name)) {
          this.#connectors.delete(name);
          this.#stopped.delete(name);
          await this.#startConnector(name, snapshot);
        } else if (state !== undefined) {
          worker.setTargetState(name, state);
        }
        break;
      }
      case 'restart-request':
        await this.#restartOwned(change.request.connector, change.request);
        return;
      default:
        return;
    }
    if (this.#deps.isLeader()) this.#deps.requestRejoin();
  }

  /** Tasks running here get their new configs (restarted in place); tasks that no longer exist stop. */
  async #restartChangedTasks(name: string, snapshot: KafkaConfigSnapshot): Promise<void> {
    const { worker } = this.#deps;
    const configs = snapshot.taskConfigs.get(name) ?? [];
    const connectorConfig = snapshot.connectors.get(name);
    for (const [key, started] of [...this.#tasks]) {
      const id = parseTaskKey(key);
      if (id.connector !== name) continue;
      const taskConfig = configs[id.task];
      if (taskConfig !== undefined && connectorConfig !== undefined && started === JSON.stringify([connectorConfig, taskConfig])) continue;
      this.#forgetFailures(id.connector, id.task);
      await worker.stopTask(id);
      this.#tasks.delete(key);
      if (taskConfig !== undefined && connectorConfig !== undefined && snapshot.targetStates.get(name) !== 'STOPPED') this.#startTask(key, snapshot);
    }
    // Every worker, after its own stops, so no UNASSIGNED of a removed task outlives the tombstones.
    this.#deps.statusStore.retainTasks(name, configs.length);
  }

  /** Stops the connector and its tasks if they run here; true if anything did. */
  async #stopAll(name: string): Promise<boolean> {
    const { worker } = this.#deps;
    const owned = this.#connectors.has(name) || [...this.#tasks.keys()].some((key) => parseTaskKey(key).connector === name);
    await Promise.all(
      [...this.#tasks.keys()].filter((key) => parseTaskKey(key).connector === name).map(async (key) => {
        this.#forgetFailures(name, parseTaskKey(key).task);
        await worker.stopTask(parseTaskKey(key));
        this.#tasks.delete(key);
      }),
    );
    this.#stopped.delete(name);
    if (this.#connectors.delete(name)) await worker.stopConnector(name);
    return owned;
  }

  async #restartOwned(name: string, request: RestartRequest): Promise<void> {
    const { worker, statusStore, configStore } = this.#deps;
    const snapshot = configStore.snapshot();
    if (!snapshot.connectors.has(name) || snapshot.targetStates.get(name) === 'STOPPED') return;
    const connectorStatus = statusStore.connector(name);
    if (this.#connectors.has(name) && (!request.onlyFailed || connectorStatus?.state === 'FAILED')) {
      await worker.stopConnector(name);
      this.#connectors.delete(name);
      await this.#startConnector(name, snapshot);
    }
    if (!request.includeTasks) return;
    for (const key of [...this.#tasks.keys()]) {
      const id = parseTaskKey(key);
      if (id.connector !== name) continue;
      if (request.onlyFailed && statusStore.task(name, id.task)?.state !== 'FAILED') continue;
      this.#forgetFailures(name, id.task);
      await worker.stopTask(id);
      this.#tasks.delete(key);
      this.#startTask(key, snapshot);
    }
  }

  /** Runs `work` after every earlier assignment and config change, one at a time. */
  #serially<T>(work: () => Promise<T>): Promise<T> {
    const next = this.#queue.then(work, work);
    this.#queue = next.catch(() => undefined);
    return next;
  }
}

export function taskKey(connector: string, task: number): string {
  return `${connector}-${task}`;
}

export function parseTaskKey(key: string): { connector: string; task: number } {
  const dash = key.lastIndexOf('-');
  return { connector: key.slice(0, dash), task: Number(key.slice(dash + 1)) };
}
