// DistributedHerder: the Herder of a worker in a group (Kafka's DistributedHerder, first version).
// What should run lives in the config topic (KafkaConfigStore); who runs it is decided by the
// group's leader at each rebalance (WorkerGroupMembership + assignWork, incremental and sticky);
// statuses go to the status topic, so every worker answers /status for every connector.
//
// - Assignments are handled one at a time: revoked work is stopped first (then the worker asks
//   to join again, so the leader can place it elsewhere), new work is started with the configs of
//   the config snapshot and the connector's target state.
// - The worker running a connector asks it for task configs and writes them (with the commit
//   record) when they differ from the committed ones or the connector config changed since.
// - Config changes, whoever wrote them, are heard by every worker: the leader asks for a
//   rebalance; owners restart what they run with new configs, apply target states, stop removed
//   connectors; restart requests are carried out by the owners.
// - Writes from REST and gRPC go to the config topic from whichever worker received them: Kafka's
//   single-partition config topic orders them, so there is no forwarding to the leader yet. A
//   task restart for a task running elsewhere is forwarded to its worker's REST API.

import { createHash } from 'node:crypto';
import type { Logger } from 'pino';
import { createConsumerGroupAdmin } from '../kafka/consumer-group-admin.js';
import type { KafkaConnection } from '../kafka/kafka-client.js';
import { WorkerGroupMembership, type GroupAssignment, type GroupMember } from '../kafka/worker-group-membership.js';
import type { ConfigChange, KafkaConfigSnapshot, KafkaConfigStore } from '../storage/kafka-config-store.js';
import type { KafkaStatusStore } from '../storage/kafka-status-store.js';
import type { Worker } from '../worker/worker.js';
import type { ConfigInfos, ConfigKeyInfo } from './config-infos.js';
import { checkConnectorConfig, invalidConfigMessage } from './connector-config-check.js';
import { ConnectorOffsetsManager, type ConnectorOffsets } from './connector-offsets.js';
import { checkValidatePath, listConnectorPlugins } from './connector-plugins.js';
import { ConnectorValidator, validationErrors } from './connector-validator.js';
import { connectorInfoOf, connectorStatusOf, connectorTypeOf, taskStatusOf, type ConnectorRecords } from './connector-views.js';
import type { ConnectorInfo, ConnectorStateInfo, Herder, PluginInfo, RestartRequest, ServerInfo, TargetState, TaskInfo, TaskStateEntry, WorkerHealth } from './herder.js';
import { AlreadyExistsError, BadRequestError, NotFoundError } from './herder-errors.js';
import { PluginIntrospectionCache } from './plugin-introspection.js';
import { COMPATIBLE_KAFKA_VERSION } from './standalone-herder.js';
import { assignWork, decodeWorkAssignment, decodeWorkerMetadata, encodeWorkAssignment, encodeWorkerMetadata, type WorkAssignment } from './work-assignor.js';

/** The sub-protocol of Polyconnect workers (JSON metadata and assignments, see work-assignor.ts). */
export const POLYCONNECT_PROTOCOL = 'polyconnect';

export interface DistributedHerderDependencies {
  readonly worker: Worker;
  readonly configStore: KafkaConfigStore;
  readonly statusStore: KafkaStatusStore;
  readonly kafka: KafkaConnection;
  readonly kafkaClusterId: string;
  readonly logger: Logger;
  readonly polyconnectVersion: string;
  /** This worker's REST URL as other workers reach it. */
  readonly url: string;
  readonly groupId: string;
  readonly sessionTimeoutMs: number;
  readonly rebalanceTimeoutMs: number;
  readonly heartbeatIntervalMs: number;
}

export class DistributedHerder implements Herder {
  readonly #deps: DistributedHerderDependencies;
  readonly #log: Logger;
  readonly #membership: WorkerGroupMembership;
  readonly #introspection: PluginIntrospectionCache;
  readonly #offsets: ConnectorOffsetsManager;
  /** What runs here: connector names and task keys ("<connector>-<n>"), with the configs they were started with. */
  readonly #connectors = new Map<string, string>();
  readonly #tasks = new Map<string, string>();
  #queue: Promise<unknown> = Promise.resolve();
  #leader = false;
  #leaderUrl = '';
  #unsubscribe: (() => void) | undefined;
  #started = false;
  #stopping = false;

  constructor(deps: DistributedHerderDependencies) {
    this.#deps = deps;
    this.#log = deps.logger.child({ component: 'herder' });
    this.#introspection = new PluginIntrospectionCache(deps.worker, deps.logger);
    this.#offsets = new ConnectorOffsetsManager(deps.worker.offsetStore, createConsumerGroupAdmin(deps.kafka));
    this.#membership = new WorkerGroupMembership(deps.kafka, {
      groupId: deps.groupId,
      sessionTimeoutMs: deps.sessionTimeoutMs,
      rebalanceTimeoutMs: deps.rebalanceTimeoutMs,
      heartbeatIntervalMs: deps.heartbeatIntervalMs,
      protocolName: POLYCONNECT_PROTOCOL,
      logger: deps.logger,
      metadata: () => encodeWorkerMetadata({ workerId: deps.worker.workerId, url: deps.url, connectors: [...this.#connectors.keys()], tasks: [...this.#tasks.keys()] }),
      assign: (members, generation) => this.#assign(members, generation),
      onAssignment: (assignment) => this.#serially(() => this.#onAssignment(assignment)),
    });
  }

  /** Starts the stores, the worker, and joins the group; resolves after the first assignment. */
  async start(): Promise<void> {
    const { configStore, statusStore, worker } = this.#deps;
    await Promise.all([configStore.start(), statusStore.start(), worker.start()]);
    this.#unsubscribe = configStore.onChange((change) => this.#onConfigChange(change));
    await this.#membership.start();
    this.#started = true;
  }

  /** Stops what runs here (statuses and offsets flushed), then leaves the group so the others take over at once. */
  async stop(): Promise<void> {
    this.#stopping = true;
    this.#unsubscribe?.();
    await this.#queue.catch(() => undefined);
    await this.#deps.worker.stop();
    this.#connectors.clear();
    this.#tasks.clear();
    await this.#deps.statusStore.flush();
    await this.#membership.stop();
    await Promise.allSettled([this.#deps.statusStore.stop(), this.#deps.configStore.stop()]);
  }

  health(): WorkerHealth {
    if (this.#stopping) return { status: 'unhealthy', message: 'Worker is shutting down.' };
    if (!this.#started) return { status: 'starting', message: 'Worker is still starting up.' };
    return { status: 'healthy', message: 'Worker has completed startup and is ready to handle requests.' };
  }

  /** Called by the worker when a connector running here asks for its tasks to be reconfigured. */
  requestTaskReconfiguration(name: string): void {
    void this.#serially(async () => {
      if (this.#connectors.has(name) && !this.#stopping) await this.#writeTaskConfigs(name);
    }).catch((error: Error) => this.#log.error({ err: error, connector: name }, 'Task reconfiguration failed'));
  }

  // ---- the group ----

  async #assign(members: readonly GroupMember[], generation: number): Promise<Map<string, Buffer>> {
    await this.#deps.configStore.refresh();
    const snapshot = this.#deps.configStore.snapshot();
    const connectors = [...snapshot.connectors.keys()].filter((name) => snapshot.targetStates.get(name) !== 'STOPPED');
    const tasks = connectors.flatMap((name) => (snapshot.taskConfigs.get(name) ?? []).map((_, task) => taskKey(name, task)));
    const decoded = members.map((m) => ({ memberId: m.memberId, metadata: decodeWorkerMetadata(m.metadata) }));
    const leaderMemberId = this.#membership.memberId;
    const assignments = assignWork({ members: decoded, leaderMemberId, connectors, tasks });
    this.#log.info({ generation, members: decoded.length, connectors: connectors.length, tasks: tasks.length }, 'Assigned connectors and tasks');
    return new Map([...assignments].map(([memberId, assignment]) => [memberId, encodeWorkAssignment(assignment)]));
  }

  async #onAssignment(group: GroupAssignment): Promise<void> {
    if (this.#stopping) return;
    const assignment: WorkAssignment = group.data.length === 0 ? emptyAssignment() : decodeWorkAssignment(group.data);
    this.#leader = group.isLeader;
    this.#leaderUrl = assignment.leaderUrl;
    this.#deps.statusStore.setGeneration(group.generation);
    const { worker, configStore } = this.#deps;
    const keepConnectors = new Set(assignment.connectors);
    const keepTasks = new Set(assignment.tasks);
    const revokedConnectors = [...this.#connectors.keys()].filter((name) => !keepConnectors.has(name));
    const revokedTasks = [...this.#tasks.keys()].filter((key) => !keepTasks.has(key));
    await Promise.all(revokedTasks.map(async (key) => {
      await worker.stopTask(parseTaskKey(key));
      this.#tasks.delete(key);
    }));
    await Promise.all(revokedConnectors.map(async (name) => {
      await worker.stopConnector(name);
      this.#connectors.delete(name);
    }));
    const revoked = revokedConnectors.length + revokedTasks.length + assignment.revokedConnectors.length + assignment.revokedTasks.length;
    this.#log.info(
      { generation: group.generation, leader: assignment.leaderId, connectors: assignment.connectors, tasks: assignment.tasks, revoked: [...revokedConnectors, ...revokedTasks] },
      'Received an assignment',
    );
    if (revoked > 0) this.#membership.requestRejoin();
    await configStore.refresh();
    const snapshot = configStore.snapshot();
    for (const name of assignment.connectors) if (!this.#connectors.has(name)) await this.#startConnector(name, snapshot);
    const newTasks = assignment.tasks.filter((key) => !this.#tasks.has(key));
    if (newTasks.length > 0) await this.#deps.worker.offsetStore.refresh?.();
    for (const key of newTasks) this.#startTask(key, snapshot);
  }

  async #startConnector(name: string, snapshot: KafkaConfigSnapshot): Promise<void> {
    const config = snapshot.connectors.get(name);
    const state = snapshot.targetStates.get(name) ?? 'STARTED';
    if (config === undefined || state === 'STOPPED') return;
    this.#connectors.set(name, JSON.stringify(config));
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

  // ---- config changes from any worker ----

  #onConfigChange(change: ConfigChange): void {
    // Heard from the moment the worker starts joining: before its first assignment it runs nothing, so only ordering matters.
    if (this.#stopping) return;
    void this.#serially(() => this.#applyConfigChange(change)).catch((error: Error) => this.#log.error({ err: error, change: change.type }, 'Applying a config change failed'));
  }

  async #applyConfigChange(change: ConfigChange): Promise<void> {
    if (this.#stopping) return;
    const { worker, configStore } = this.#deps;
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
        if ((await this.#stopAll(change.connector)) || this.#leader) this.#deps.statusStore.removeConnector(change.connector);
        break;
      case 'task-config-update': {
        // A commit of zero tasks names no task: look at the connectors with tasks here or shown in the status topic too.
        const names = new Set(change.tasks.map((t) => t.connector));
        for (const key of this.#tasks.keys()) names.add(parseTaskKey(key).connector);
        for (const name of snapshot.connectors.keys()) {
          if ((snapshot.taskConfigs.get(name) ?? []).length === 0 && !snapshot.inconsistent.has(name) && this.#deps.statusStore.tasks(name).length > 0) names.add(name);
        }
        for (const name of names) await this.#restartChangedTasks(name, snapshot);
        break;
      }
      case 'target-state-change': {
        const name = change.connector;
        const state = snapshot.targetStates.get(name);
        if (state === 'STOPPED') {
          const owned = this.#connectors.has(name);
          await this.#stopAll(name);
          if (owned) this.#deps.statusStore.putConnector(name, { state: 'STOPPED', workerId: worker.workerId });
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
    if (this.#leader) this.#membership.requestRejoin();
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
        await worker.stopTask(parseTaskKey(key));
        this.#tasks.delete(key);
      }),
    );
    if (this.#connectors.delete(name)) await worker.stopConnector(name);
    return owned;
  }

  /** Carries out a restart request for what runs here (Kafka's restart-connector-<name> record). */
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
      await worker.stopTask(id);
      this.#tasks.delete(key);
      this.#startTask(key, snapshot);
    }
  }

  // ---- reads ----

  #records(): ConnectorRecords {
    const snapshot = this.#deps.configStore.snapshot();
    return { configs: snapshot.connectors, taskConfigs: snapshot.taskConfigs };
  }

  serverInfo(): ServerInfo {
    const commit = createHash('sha1').update(`polyconnect-${this.#deps.polyconnectVersion}`).digest('hex').slice(0, 16);
    return { version: COMPATIBLE_KAFKA_VERSION, commit, kafka_cluster_id: this.#deps.kafkaClusterId };
  }

  connectors(): string[] {
    return [...this.#deps.configStore.snapshot().connectors.keys()];
  }

  connectorInfo(name: string): ConnectorInfo {
    return connectorInfoOf(name, this.#records(), this.#deps.worker.catalog);
  }

  connectorStatus(name: string): ConnectorStateInfo {
    return connectorStatusOf(name, this.#records(), this.#deps.statusStore, this.#deps.worker.catalog);
  }

  taskStatus(name: string, taskId: number): TaskStateEntry {
    return taskStatusOf(name, taskId, this.#records(), this.#deps.statusStore);
  }

  connectorConfig(name: string): Record<string, string> {
    const config = this.#deps.configStore.snapshot().connectors.get(name);
    if (config === undefined) throw new NotFoundError(`Connector ${name} not found`);
    return { ...config };
  }

  taskConfigs(name: string): TaskInfo[] {
    const snapshot = this.#deps.configStore.snapshot();
    if (!snapshot.connectors.has(name)) throw new NotFoundError(`Connector ${name} not found`);
    return (snapshot.taskConfigs.get(name) ?? []).map((config, task) => ({ id: { connector: name, task }, config: { ...config } }));
  }

  connectorPlugins(connectorsOnly: boolean): PluginInfo[] {
    return listConnectorPlugins(this.#deps.worker.catalog, connectorsOnly, COMPATIBLE_KAFKA_VERSION);
  }

  connectorActiveTopics(name: string): string[] {
    return this.#deps.worker.activeTopics.topics(name);
  }

  resetConnectorActiveTopics(name: string): void {
    this.#deps.worker.activeTopics.reset(name);
  }

  async validateConnectorConfig(pluginName: string, config: Record<string, string>): Promise<ConfigInfos> {
    checkValidatePath(pluginName, config);
    const view = this.#deps.worker.configProviders.resolveForValidation(config);
    return view.restore(await new ConnectorValidator(this.#deps.worker.catalog, this.#introspection).validate({ ...view.config }));
  }

  connectorPluginConfig(pluginName: string): Promise<ConfigKeyInfo[]> {
    return new ConnectorValidator(this.#deps.worker.catalog, this.#introspection).pluginConfig(pluginName);
  }

  // ---- writes: to the config topic, from any worker ----

  async putConnectorConfig(name: string, config: Record<string, string>, allowReplace: boolean): Promise<{ created: boolean; info: ConnectorInfo }> {
    await this.#deps.configStore.refresh();
    const existed = this.#deps.configStore.contains(name);
    if (existed && !allowReplace) throw new AlreadyExistsError(`Connector ${name} already exists`);
    await this.#store(name, { ...config, name }, existed ? undefined : 'STARTED');
    return { created: !existed, info: this.connectorInfo(name) };
  }

  async createConnector(name: string, config: Record<string, string>, initialState: TargetState = 'STARTED'): Promise<ConnectorInfo> {
    await this.#deps.configStore.refresh();
    if (this.#deps.configStore.contains(name)) throw new AlreadyExistsError(`Connector ${name} already exists`);
    await this.#store(name, { ...config, name }, initialState);
    return this.connectorInfo(name);
  }

  async patchConnectorConfig(name: string, patch: Record<string, string | null>): Promise<ConnectorInfo> {
    await this.#deps.configStore.refresh();
    const patched = { ...this.connectorConfig(name) };
    for (const [key, value] of Object.entries(patch)) {
      if (value === null) delete patched[key];
      else patched[key] = value;
    }
    await this.#store(name, { ...patched, name }, undefined);
    return this.connectorInfo(name);
  }

  async deleteConnector(name: string): Promise<void> {
    await this.#deps.configStore.refresh();
    if (!this.#deps.configStore.contains(name)) throw new NotFoundError(`Connector ${name} not found`);
    await this.#deps.configStore.removeConnectorConfig(name);
    this.#log.info({ connector: name }, 'Connector deleted');
  }

  async pauseConnector(name: string): Promise<void> {
    await this.#requireConnector(name, `Unknown connector ${name}`);
    await this.#deps.configStore.putTargetState(name, 'PAUSED');
  }

  async resumeConnector(name: string): Promise<void> {
    await this.#requireConnector(name, `Unknown connector ${name}`);
    await this.#deps.configStore.putTargetState(name, 'STARTED');
  }

  async stopConnector(name: string): Promise<void> {
    await this.#requireConnector(name, `Unknown connector ${name}`);
    await this.#deps.configStore.putTargetState(name, 'STOPPED');
    // As Kafka's leader does: a stopped connector has no tasks.
    await this.#deps.configStore.putTaskConfigs(name, []);
  }

  async restartConnector(name: string, request: RestartRequest): Promise<ConnectorStateInfo | undefined> {
    await this.#requireConnector(name, `Unknown connector: ${name}`);
    const { configStore } = this.#deps;
    if (!request.includeTasks && !request.onlyFailed) {
      if (this.#connectors.has(name)) await this.#serially(() => this.#restartOwned(name, request));
      else await configStore.putRestartRequest({ connector: name, includeTasks: false, onlyFailed: false });
      return undefined;
    }
    const status = this.connectorStatus(name);
    const restartConnector = !request.onlyFailed || status.connector.state === 'FAILED';
    const shown: ConnectorStateInfo = {
      ...status,
      connector: restartConnector ? { ...status.connector, state: 'RESTARTING' } : status.connector,
      tasks: status.tasks.map((task) => (request.includeTasks && (!request.onlyFailed || task.state === 'FAILED') ? { ...task, state: 'RESTARTING' } : task)),
    };
    await configStore.putRestartRequest({ connector: name, includeTasks: request.includeTasks, onlyFailed: request.onlyFailed });
    return shown;
  }

  async restartTask(name: string, taskId: number): Promise<void> {
    await this.#requireConnector(name, `Unknown connector: ${name}`);
    const key = taskKey(name, taskId);
    if (this.#deps.configStore.snapshot().taskConfigs.get(name)?.[taskId] === undefined) throw new NotFoundError(`Unknown task: ${key}`);
    if (this.#tasks.has(key)) {
      await this.#serially(async () => {
        await this.#deps.worker.stopTask({ connector: name, task: taskId });
        this.#tasks.delete(key);
        this.#startTask(key, this.#deps.configStore.snapshot());
      });
      return;
    }
    // Runs elsewhere: the worker that runs it restarts it (its status names it).
    const owner = this.#deps.statusStore.task(name, taskId)?.workerId;
    if (owner === undefined || owner === this.#deps.worker.workerId) throw new BadRequestError(`Task ${key} is not running on any worker; try again after the rebalance`);
    const scheme = new URL(this.#deps.url).protocol;
    const response = await fetch(`${scheme}//${owner}/connectors/${encodeURIComponent(name)}/tasks/${taskId}/restart`, { method: 'POST' });
    if (!response.ok) throw new BadRequestError(`Restarting task ${key} on ${owner} failed: ${response.status} ${await response.text()}`);
  }

  async connectorOffsets(name: string): Promise<ConnectorOffsets> {
    const config = this.connectorConfig(name);
    await this.#deps.worker.offsetStore.refresh?.();
    return this.#offsets.read(name, this.#offsetType(config));
  }

  async alterConnectorOffsets(name: string, body: unknown): Promise<{ message: string }> {
    return this.#offsets.alter(name, this.#offsetType(await this.#requireStopped(name)), body);
  }

  async resetConnectorOffsets(name: string): Promise<{ message: string }> {
    return this.#offsets.reset(name, this.#offsetType(await this.#requireStopped(name)));
  }

  /** Validates (framework and plugin), then writes the config (and a new connector's target state). */
  async #store(name: string, config: Record<string, string>, initialState: TargetState | undefined): Promise<void> {
    const view = this.#deps.worker.configProviders.resolveForValidation(config);
    const infos = view.restore(await new ConnectorValidator(this.#deps.worker.catalog, this.#introspection.tolerant()).validate({ ...view.config }));
    const errors = validationErrors(infos);
    if (errors.length > 0) throw new BadRequestError(invalidConfigMessage(errors));
    await this.#deps.configStore.putConnectorConfig(name, config, initialState);
  }

  async #requireConnector(name: string, message: string): Promise<void> {
    await this.#deps.configStore.refresh();
    if (!this.#deps.configStore.contains(name)) throw new NotFoundError(message);
  }

  async #requireStopped(name: string): Promise<Record<string, string>> {
    await this.#deps.configStore.refresh();
    const snapshot = this.#deps.configStore.snapshot();
    const config = snapshot.connectors.get(name);
    if (config === undefined) throw new NotFoundError(`Connector ${name} not found`);
    if (snapshot.targetStates.get(name) !== 'STOPPED' || (snapshot.taskConfigs.get(name) ?? []).length > 0) {
      throw new BadRequestError(
        `Connectors must be in the STOPPED state before their offsets can be modified. This can be done for the specified connector by issuing a 'PUT' request to the '/connectors/${name}/stop' endpoint`,
      );
    }
    return { ...config };
  }

  #offsetType(config: Readonly<Record<string, string>>): 'source' | 'sink' {
    return connectorTypeOf(config, this.#deps.worker.catalog) === 'sink' ? 'sink' : 'source';
  }

  /** The leader's REST URL as of the last rebalance ('' before the first). */
  get leaderUrl(): string {
    return this.#leaderUrl;
  }

  /** Runs `work` after every earlier assignment and config change, one at a time. */
  #serially<T>(work: () => Promise<T>): Promise<T> {
    const next = this.#queue.then(work, work);
    this.#queue = next.catch(() => undefined);
    return next;
  }
}

function taskKey(connector: string, task: number): string {
  return `${connector}-${task}`;
}

function parseTaskKey(key: string): { connector: string; task: number } {
  const dash = key.lastIndexOf('-');
  return { connector: key.slice(0, dash), task: Number(key.slice(dash + 1)) };
}

function emptyAssignment(): WorkAssignment {
  return { connectors: [], tasks: [], revokedConnectors: [], revokedTasks: [], leaderId: '', leaderUrl: '' };
}
