// StandaloneHerder: one worker, connector configs from the command line (and REST), status in
// memory. Requests run one at a time, in order, as Kafka's standalone herder does; restarts
// follow KIP-745 (includeTasks, onlyFailed) and task reconfiguration requests from connectors
// restart the tasks only when their configs changed.

import { createHash } from 'node:crypto';
import type { Logger } from 'pino';
import { createConsumerGroupAdmin } from '../kafka/consumer-group-admin.js';
import type { StatusStore } from '../storage/status-store.js';
import type { Worker } from '../worker/worker.js';
import { checkLoggerLevel, type ClusterLoggerLevelsDependencies } from './cluster-logger-levels.js';
import type { ConfigInfos, ConfigKeyInfo } from './config-infos.js';
import { checkConnectorConfig, invalidConfigMessage, patchedConfig } from './connector-config-check.js';
import { ConnectorOffsetsManager, type ConnectorOffsets } from './connector-offsets.js';
import { checkValidatePath, listConnectorPlugins } from './connector-plugins.js';
import { ConnectorValidator, validationErrors } from './connector-validator.js';
import { connectorInfoOf, connectorStatusOf, connectorTypeOf, taskStatusOf } from './connector-views.js';
import type { ConnectorInfo, ConnectorStateInfo, Herder, PluginInfo, RestartRequest, ServerInfo, TargetState, TaskInfo, TaskStateEntry, WorkerHealth } from './herder.js';
import { AlreadyExistsError, BadRequestError, NotFoundError } from './herder-errors.js';
import { PluginIntrospectionCache } from './plugin-introspection.js';
import { TaskAutoRestarter } from './task-auto-restart.js';

/** The Kafka Connect version whose REST API and formats Polyconnect matches (kcctl parses it). */
export const COMPATIBLE_KAFKA_VERSION = '4.1.2';

export interface StandaloneHerderDependencies extends ClusterLoggerLevelsDependencies {
  readonly worker: Worker;
  readonly statusStore: StatusStore;
  readonly kafkaClusterId: string;
  readonly logger: Logger;
  readonly polyconnectVersion: string;
}

export class StandaloneHerder implements Herder {
  readonly #deps: StandaloneHerderDependencies;
  readonly #log: Logger;
  readonly #configs = new Map<string, Record<string, string>>();
  readonly #taskConfigs = new Map<string, Record<string, string>[]>();
  readonly #targetStates = new Map<string, TargetState>();
  readonly #records = { configs: this.#configs, taskConfigs: this.#taskConfigs };
  readonly #autoRestarter = new TaskAutoRestarter();
  readonly #introspection: PluginIntrospectionCache;
  readonly #offsets: ConnectorOffsetsManager;
  #requests: Promise<unknown> = Promise.resolve();
  #started = false;
  #stopping = false;

  constructor(deps: StandaloneHerderDependencies) {
    this.#deps = deps;
    this.#log = deps.logger.child({ component: 'herder' });
    this.#introspection = new PluginIntrospectionCache(deps.worker, deps.logger);
    this.#offsets = new ConnectorOffsetsManager(deps.worker.offsetStore, createConsumerGroupAdmin(deps.worker.kafka));
  }

  async start(): Promise<void> {
    await this.#deps.worker.start();
    this.#started = true;
  }

  health(): WorkerHealth {
    if (this.#stopping) return { status: 'unhealthy', message: 'Worker is shutting down.' };
    if (!this.#started) return { status: 'starting', message: 'Worker is still starting up.' };
    return { status: 'healthy', message: 'Worker has completed startup and is ready to handle requests.' };
  }

  /** KIP-976 in standalone mode: this worker is the whole cluster, so the level applies here (Kafka's REST still answers 204). */
  async setClusterLoggerLevel(namespace: string, level: string): Promise<void> {
    checkLoggerLevel(level);
    this.#deps.loggers?.set(namespace, level);
  }

  async stop(): Promise<void> {
    this.#stopping = true;
    this.#autoRestarter.cancelAll();
    await this.#requests.catch(() => undefined);
    await this.#deps.worker.stop();
  }

  /** Called by the worker when a connector asks for its tasks to be reconfigured. */
  requestTaskReconfiguration(name: string): void {
    void this.#serially(async () => {
      if (!this.#configs.has(name) || this.#stopping) return;
      await this.#reconfigureTasks(name, false);
    }).catch((error: Error) => this.#log.error({ err: error, connector: name }, 'Task reconfiguration failed'));
  }

  /** Called by the worker when a task failed: schedules an automatic restart when the connector asks for one. */
  taskFailed(name: string, task: number, trace: string): void {
    const config = this.#configs.get(name);
    if (config === undefined || this.#stopping) return;
    const { worker, statusStore } = this.#deps;
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
          if (this.#stopping || this.#targetStates.get(name) === 'STOPPED' || statusStore.task(name, task)?.state !== 'FAILED') return;
          beforeRestart();
          await this.#restartTaskNow(name, task);
        }),
    });
  }

  serverInfo(): ServerInfo {
    const commit = createHash('sha1').update(`polyconnect-${this.#deps.polyconnectVersion}`).digest('hex').slice(0, 16);
    return { version: COMPATIBLE_KAFKA_VERSION, commit, kafka_cluster_id: this.#deps.kafkaClusterId };
  }

  connectors(): string[] {
    return [...this.#configs.keys()];
  }

  connectorInfo(name: string): ConnectorInfo {
    return connectorInfoOf(name, this.#records, this.#deps.worker.catalog);
  }

  connectorStatus(name: string): ConnectorStateInfo {
    return connectorStatusOf(name, this.#records, this.#deps.statusStore, this.#deps.worker.catalog);
  }

  taskStatus(name: string, taskId: number): TaskStateEntry {
    return taskStatusOf(name, taskId, this.#records, this.#deps.statusStore);
  }

  putConnectorConfig(name: string, config: Record<string, string>, allowReplace: boolean): Promise<{ created: boolean; info: ConnectorInfo }> {
    return this.#serially(async () => {
      const existed = this.#configs.has(name);
      if (existed && !allowReplace) throw new AlreadyExistsError(`Connector ${name} already exists`);
      await this.#store(name, { ...config, name }, existed ? undefined : 'STARTED');
      return { created: !existed, info: this.connectorInfo(name) };
    });
  }

  createConnector(name: string, config: Record<string, string>, initialState: TargetState = 'STARTED'): Promise<ConnectorInfo> {
    return this.#serially(async () => {
      if (this.#configs.has(name)) throw new AlreadyExistsError(`Connector ${name} already exists`);
      await this.#store(name, { ...config, name }, initialState);
      return this.connectorInfo(name);
    });
  }

  patchConnectorConfig(name: string, patch: Record<string, string | null>): Promise<ConnectorInfo> {
    return this.#serially(async () => {
      const current = this.#configs.get(name);
      if (current === undefined) throw new NotFoundError(`Connector ${name} not found`);
      await this.#store(name, { ...patchedConfig(current, patch), name }, undefined);
      return this.connectorInfo(name);
    });
  }

  deleteConnector(name: string): Promise<void> {
    return this.#serially(async () => {
      if (!this.#configs.has(name)) throw new NotFoundError(`Connector ${name} not found`);
      await this.#stopConnectorAndTasks(name);
      this.#autoRestarter.forget(name);
      this.#configs.delete(name);
      this.#taskConfigs.delete(name);
      this.#targetStates.delete(name);
      this.#deps.statusStore.removeConnector(name);
      this.#deps.worker.activeTopics.reset(name); // as Kafka deletes a deleted connector's topic records
      this.#log.info({ connector: name }, 'Connector deleted');
    });
  }

  connectorConfig(name: string): Record<string, string> {
    const config = this.#configs.get(name);
    if (config === undefined) throw new NotFoundError(`Connector ${name} not found`);
    return { ...config };
  }

  taskConfigs(name: string): TaskInfo[] {
    if (!this.#configs.has(name)) throw new NotFoundError(`Connector ${name} not found`);
    return (this.#taskConfigs.get(name) ?? []).map((config, task) => ({ id: { connector: name, task }, config: { ...config } }));
  }

  connectorOffsets(name: string): Promise<ConnectorOffsets> {
    const config = this.#configs.get(name);
    if (config === undefined) return Promise.reject(new NotFoundError(`Connector ${name} not found`));
    return this.#offsets.read(name, this.#offsetType(config));
  }

  alterConnectorOffsets(name: string, body: unknown): Promise<{ message: string }> {
    return this.#serially(async () => this.#offsets.alter(name, this.#offsetType(this.#requireStopped(name)), body));
  }

  resetConnectorOffsets(name: string): Promise<{ message: string }> {
    return this.#serially(async () => this.#offsets.reset(name, this.#offsetType(this.#requireStopped(name))));
  }

  connectorActiveTopics(name: string): string[] {
    return this.#deps.worker.activeTopics.topics(name);
  }

  resetConnectorActiveTopics(name: string): void {
    this.#deps.worker.activeTopics.reset(name);
  }

  async validateConnectorConfig(pluginName: string, config: Record<string, string>): Promise<ConfigInfos> {
    checkValidatePath(pluginName, config);
    // Validation sees resolved config provider placeholders, as in Kafka; the answer shows them as written.
    const view = this.#deps.worker.configProviders.resolveForValidation(config);
    return view.restore(await new ConnectorValidator(this.#deps.worker.catalog, this.#introspection).validate({ ...view.config }, view.secrets));
  }

  connectorPluginConfig(pluginName: string): Promise<ConfigKeyInfo[]> {
    return new ConnectorValidator(this.#deps.worker.catalog, this.#introspection).pluginConfig(pluginName);
  }

  /** Validates (framework and plugin), then stores the config and (re)starts the connector. */
  async #store(name: string, config: Record<string, string>, initialState: TargetState | undefined): Promise<void> {
    const view = this.#deps.worker.configProviders.resolveForValidation(config);
    const infos = view.restore(await new ConnectorValidator(this.#deps.worker.catalog, this.#introspection.tolerant()).validate({ ...view.config }, view.secrets));
    const errors = validationErrors(infos);
    if (errors.length > 0) throw new BadRequestError(invalidConfigMessage(errors));
    if (this.#configs.has(name)) await this.#stopConnectorAndTasks(name);
    if (initialState !== undefined) this.#targetStates.set(name, initialState);
    this.#configs.set(name, config);
    this.#taskConfigs.set(name, []);
    await this.#startConnectorAndTasks(name);
  }

  #requireStopped(name: string): Record<string, string> {
    const config = this.#configs.get(name);
    if (config === undefined) throw new NotFoundError(`Connector ${name} not found`);
    if (this.#targetStates.get(name) !== 'STOPPED' || (this.#taskConfigs.get(name) ?? []).length > 0) {
      throw new BadRequestError(
        `Connectors must be in the STOPPED state before their offsets can be modified. This can be done for the specified connector by issuing a 'PUT' request to the '/connectors/${name}/stop' endpoint`,
      );
    }
    return config;
  }

  #offsetType(config: Readonly<Record<string, string>>): 'source' | 'sink' {
    return connectorTypeOf(config, this.#deps.worker.catalog) === 'sink' ? 'sink' : 'source';
  }

  restartConnector(name: string, request: RestartRequest): Promise<ConnectorStateInfo | undefined> {
    return this.#serially(async () => {
      if (!this.#configs.has(name)) throw new NotFoundError(`Unknown connector: ${name}`);
      const { worker, statusStore } = this.#deps;
      if (!request.includeTasks && !request.onlyFailed) {
        await this.#restartConnectorNow(name);
        return undefined;
      }
      const connectorStatus = statusStore.connector(name);
      if (connectorStatus === undefined) throw new NotFoundError(`Status for connector ${name} not found`);
      const restartConnector = !request.onlyFailed || connectorStatus.state === 'FAILED';
      const tasksToRestart = request.includeTasks
        ? statusStore.tasks(name).filter((task) => !request.onlyFailed || task.state === 'FAILED').map((task) => task.id)
        : [];
      if (restartConnector) statusStore.putConnector(name, { state: 'RESTARTING', workerId: worker.workerId });
      for (const id of tasksToRestart) statusStore.putTask(name, id, { state: 'RESTARTING', workerId: worker.workerId });
      const snapshot = this.connectorStatus(name);
      void this.#serially(async () => {
        if (!this.#configs.has(name) || this.#stopping) return;
        if (restartConnector) await this.#restartConnectorNow(name);
        for (const id of tasksToRestart) {
          this.#forgetFailures(name, id);
          await this.#restartTaskNow(name, id);
        }
      }).catch((error: Error) => this.#log.error({ err: error, connector: name }, 'Restart failed'));
      return snapshot;
    });
  }

  restartTask(name: string, taskId: number): Promise<void> {
    return this.#serially(async () => {
      if (!this.#configs.has(name)) throw new NotFoundError(`Unknown connector: ${name}`);
      const taskConfig = this.#taskConfigs.get(name)?.[taskId];
      if (taskConfig === undefined) throw new NotFoundError(`Unknown task: ${name}-${taskId}`);
      this.#forgetFailures(name, taskId);
      await this.#restartTaskNow(name, taskId);
    });
  }

  connectorPlugins(connectorsOnly: boolean): PluginInfo[] {
    return listConnectorPlugins(this.#deps.worker.catalog, connectorsOnly, COMPATIBLE_KAFKA_VERSION);
  }

  /** Runs `work` after every earlier request, one at a time. */
  #serially<T>(work: () => Promise<T>): Promise<T> {
    const next = this.#requests.then(work, work);
    this.#requests = next.catch(() => undefined);
    return next;
  }

  async #startConnectorAndTasks(name: string): Promise<void> {
    const config = this.#configs.get(name)!;
    const { worker, statusStore } = this.#deps;
    if (this.#targetStates.get(name) === 'STOPPED') {
      this.#taskConfigs.set(name, []);
      statusStore.retainTasks(name, 0);
      statusStore.putConnector(name, { state: 'STOPPED', workerId: worker.workerId });
      return;
    }
    const running = await worker.startConnector(name, config);
    if (!running) return;
    if (this.#targetStates.get(name) === 'PAUSED') worker.setTargetState(name, 'PAUSED');
    await this.#reconfigureTasks(name, true);
  }

  pauseConnector(name: string): Promise<void> {
    return this.#serially(async () => {
      if (!this.#configs.has(name)) throw new NotFoundError(`Unknown connector ${name}`);
      const previous = this.#targetStates.get(name);
      this.#targetStates.set(name, 'PAUSED');
      if (previous === 'STOPPED') await this.#startConnectorAndTasks(name);
      else this.#deps.worker.setTargetState(name, 'PAUSED');
    });
  }

  resumeConnector(name: string): Promise<void> {
    return this.#serially(async () => {
      if (!this.#configs.has(name)) throw new NotFoundError(`Unknown connector ${name}`);
      const previous = this.#targetStates.get(name);
      this.#targetStates.set(name, 'STARTED');
      if (previous === 'STOPPED') await this.#startConnectorAndTasks(name);
      else this.#deps.worker.setTargetState(name, 'STARTED');
    });
  }

  stopConnector(name: string): Promise<void> {
    return this.#serially(async () => {
      if (!this.#configs.has(name)) throw new NotFoundError(`Unknown connector ${name}`);
      if (this.#targetStates.get(name) === 'STOPPED') return;
      this.#targetStates.set(name, 'STOPPED');
      await this.#stopConnectorAndTasks(name);
      await this.#startConnectorAndTasks(name); // records STOPPED with no tasks
    });
  }

  /** Asks the connector for task configs; (re)starts the tasks when they changed or `force`. */
  async #reconfigureTasks(name: string, force: boolean): Promise<void> {
    const { worker, statusStore } = this.#deps;
    const config = this.#configs.get(name)!;
    const { tasksMax } = checkConnectorConfig(name, config, worker.catalog);
    let taskConfigs: Record<string, string>[];
    try {
      taskConfigs = await worker.connectorTaskConfigs(name, tasksMax);
    } catch (error) {
      this.#log.error({ err: error, connector: name }, 'Could not get task configs from the connector');
      return;
    }
    if (taskConfigs.length > tasksMax) {
      this.#log.warn({ connector: name }, `The connector generated ${taskConfigs.length} task configs, more than tasks.max=${tasksMax}; using the first ${tasksMax}`);
      taskConfigs = taskConfigs.slice(0, tasksMax);
    }
    const previous = this.#taskConfigs.get(name) ?? [];
    if (!force && JSON.stringify(previous) === JSON.stringify(taskConfigs)) return;
    await Promise.all(worker.taskIds(name).map((id) => worker.stopTask(id)));
    this.#autoRestarter.forget(name);
    previous.forEach((_, task) => worker.setRecoveryNote({ connector: name, task }, undefined));
    this.#taskConfigs.set(name, taskConfigs);
    statusStore.retainTasks(name, taskConfigs.length);
    const paused = this.#targetStates.get(name) === 'PAUSED';
    taskConfigs.forEach((taskConfig, task) => worker.startTask({ connector: name, task }, config, taskConfig, paused));
  }

  #forgetFailures(name: string, task: number): void {
    this.#autoRestarter.forget(name, task);
    this.#deps.worker.setRecoveryNote({ connector: name, task }, undefined);
  }

  async #restartConnectorNow(name: string): Promise<void> {
    const { worker } = this.#deps;
    if (this.#targetStates.get(name) === 'STOPPED') return;
    await worker.stopConnector(name);
    if ((await worker.startConnector(name, this.#configs.get(name)!)) && this.#targetStates.get(name) === 'PAUSED') worker.setTargetState(name, 'PAUSED');
  }

  async #restartTaskNow(name: string, task: number): Promise<void> {
    const taskConfig = this.#taskConfigs.get(name)?.[task];
    const config = this.#configs.get(name);
    if (taskConfig === undefined || config === undefined) return;
    await this.#deps.worker.stopTask({ connector: name, task });
    this.#deps.worker.startTask({ connector: name, task }, config, taskConfig, this.#targetStates.get(name) === 'PAUSED');
  }

  async #stopConnectorAndTasks(name: string): Promise<void> {
    const { worker } = this.#deps;
    await Promise.all(worker.taskIds(name).map((id) => worker.stopTask(id)));
    await worker.stopConnector(name);
  }
}
