// DistributedHerder: the Herder of a worker in a group (Kafka's DistributedHerder). What should
// run lives in the config topic (KafkaConfigStore); who runs it is decided by the group's leader at
// each rebalance (WorkerGroupMembership + assignWork, incremental and sticky); what runs here is
// AssignedWork's; statuses go to the status topic, so every worker answers /status for every
// connector.
//
// Writes: as in Kafka, creating, updating, patching, deleting and stopping connectors, KIP-745
// restarts and offset changes are carried out by the leader only, one at a time after reading the
// config topic to its end (so two creates of one name cannot both succeed). On any other worker
// they throw NotLeaderError, which the REST and gRPC adapters turn into a request forwarded to the
// leader; with no leader known (a rebalance under way) they answer Kafka's 409. Pause and resume
// only write a target state and are carried out by any worker, as Kafka does. A plain connector
// or task restart is carried out by the worker running it (a task restart is forwarded to it by
// the adapters, NotAssignedError).

import { createHash } from 'node:crypto';
import type { Logger } from 'pino';
import { createConsumerGroupAdmin } from '../kafka/consumer-group-admin.js';
import type { KafkaConnection } from '../kafka/kafka-client.js';
import { WorkerGroupMembership, type GroupAssignment, type GroupMember } from '../kafka/worker-group-membership.js';
import type { KafkaConfigStore } from '../storage/kafka-config-store.js';
import type { KafkaStatusStore } from '../storage/kafka-status-store.js';
import type { Worker } from '../worker/worker.js';
import type { ConfigInfos, ConfigKeyInfo } from './config-infos.js';
import { AssignedWork, taskKey } from './assigned-work.js';
import { putClusterLoggerLevel, type ClusterLoggerLevelsDependencies } from './cluster-logger-levels.js';
import { LostWorkDelay } from './lost-work-delay.js';
import { invalidConfigMessage, patchedConfig } from './connector-config-check.js';
import { ConnectorOffsetsManager, type ConnectorOffsets } from './connector-offsets.js';
import { checkValidatePath, listConnectorPlugins } from './connector-plugins.js';
import { ConnectorValidator, validationErrors } from './connector-validator.js';
import { connectorInfoOf, connectorStatusOf, connectorTypeOf, taskStatusOf, type ConnectorRecords } from './connector-views.js';
import type { ConnectorInfo, ConnectorStateInfo, Herder, PluginInfo, RestartRequest, ServerInfo, TargetState, TaskInfo, TaskStateEntry, WorkerHealth } from './herder.js';
import { AlreadyExistsError, BadRequestError, ConflictError, NO_KNOWN_LEADER, NotAssignedError, NotFoundError, NotLeaderError } from './herder-errors.js';
import { PluginIntrospectionCache } from './plugin-introspection.js';
import { COMPATIBLE_KAFKA_VERSION } from './standalone-herder.js';
import { assignWork, decodeWorkAssignment, decodeWorkerMetadata, emptyAssignment, encodeWorkAssignment, encodeWorkerMetadata, type WorkAssignment, type WorkerAddress } from './work-assignor.js';

/** The sub-protocol of Polyconnect workers (JSON metadata and assignments, see work-assignor.ts). */
export const POLYCONNECT_PROTOCOL = 'polyconnect';

export interface DistributedHerderDependencies extends ClusterLoggerLevelsDependencies {
  readonly worker: Worker;
  readonly configStore: KafkaConfigStore;
  readonly statusStore: KafkaStatusStore;
  readonly kafka: KafkaConnection;
  readonly kafkaClusterId: string;
  readonly logger: Logger;
  readonly polyconnectVersion: string;
  /** This worker's REST URL as other workers reach it. */
  readonly url: string;
  /** This worker's gRPC admin address as other workers reach it ('' without one), read at each join. */
  adminUrl(): string;
  readonly groupId: string;
  readonly sessionTimeoutMs: number;
  readonly rebalanceTimeoutMs: number;
  readonly heartbeatIntervalMs: number;
  /** How long the leader holds a departed worker's work for it (0: reassigned at once). */
  readonly scheduledRebalanceMaxDelayMs: number;
}

export class DistributedHerder implements Herder {
  readonly #deps: DistributedHerderDependencies;
  readonly #log: Logger;
  readonly #membership: WorkerGroupMembership;
  readonly #introspection: PluginIntrospectionCache;
  readonly #offsets: ConnectorOffsetsManager;
  readonly #work: AssignedWork;
  readonly #lostWork: LostWorkDelay;
  #delayedRebalance: NodeJS.Timeout | undefined;
  /** The leader's writes, one at a time. */
  #writes: Promise<unknown> = Promise.resolve();
  #leader = false;
  #leaderUrl = '';
  #leaderAdminUrl = '';
  #workers: readonly WorkerAddress[] = [];
  #unsubscribe: (() => void) | undefined;
  #started = false;
  #stopping = false;

  constructor(deps: DistributedHerderDependencies) {
    this.#deps = deps;
    this.#log = deps.logger.child({ component: 'herder' });
    this.#introspection = new PluginIntrospectionCache(deps.worker, deps.logger);
    this.#offsets = new ConnectorOffsetsManager(deps.worker.offsetStore, createConsumerGroupAdmin(deps.kafka));
    this.#lostWork = new LostWorkDelay(deps.scheduledRebalanceMaxDelayMs);
    this.#work = new AssignedWork({ ...deps, isLeader: () => this.#leader, requestRejoin: () => this.#membership.requestRejoin() });
    this.#membership = new WorkerGroupMembership(deps.kafka, {
      groupId: deps.groupId,
      sessionTimeoutMs: deps.sessionTimeoutMs,
      rebalanceTimeoutMs: deps.rebalanceTimeoutMs,
      heartbeatIntervalMs: deps.heartbeatIntervalMs,
      protocolName: POLYCONNECT_PROTOCOL,
      logger: deps.logger,
      metadata: () => encodeWorkerMetadata({ workerId: deps.worker.workerId, url: deps.url, adminUrl: deps.adminUrl(), connectors: this.#work.connectors(), tasks: this.#work.tasks() }),
      assign: (members, generation) => this.#assign(members, generation),
      onAssignment: (assignment) => this.#onAssignment(assignment),
    });
  }

  /** Starts the stores, the worker, and joins the group; resolves after the first assignment. */
  async start(): Promise<void> {
    const { configStore, statusStore, worker } = this.#deps;
    await Promise.all([configStore.start(), statusStore.start(), worker.start()]);
    this.#unsubscribe = configStore.onChange((change) => this.#work.handleConfigChange(change));
    await this.#membership.start();
    this.#started = true;
  }

  /** Stops what runs here (statuses and offsets flushed), then leaves the group so the others take over at once. */
  async stop(): Promise<void> {
    this.#stopping = true;
    clearTimeout(this.#delayedRebalance);
    this.#unsubscribe?.();
    await Promise.all([this.#work.close(), this.#writes.catch(() => undefined)]);
    await this.#deps.worker.stop();
    this.#work.forget();
    await this.#deps.statusStore.flush();
    await this.#membership.stop();
    await Promise.allSettled([this.#deps.statusStore.stop(), this.#deps.configStore.stop()]);
  }

  health(): WorkerHealth {
    if (this.#stopping) return { status: 'unhealthy', message: 'Worker is shutting down.' };
    if (!this.#started) return { status: 'starting', message: 'Worker is still starting up.' };
    return { status: 'healthy', message: 'Worker has completed startup and is ready to handle requests.' };
  }

  /** Called by the worker when a task running here failed (automatic restarts, when the connector asks for them). */
  taskFailed(name: string, task: number, trace: string): void {
    if (!this.#stopping) this.#work.taskFailed(name, task, trace);
  }

  /** Called by the worker when a connector running here asks for its tasks to be reconfigured. */
  requestTaskReconfiguration(name: string): void {
    if (!this.#stopping) this.#work.reconfigureTasks(name);
  }

  // ---- the group ----

  async #assign(members: readonly GroupMember[], generation: number): Promise<Map<string, Buffer>> {
    await this.#deps.configStore.refresh();
    const snapshot = this.#deps.configStore.snapshot();
    // Stopped connectors are assigned too (their owner reports them STOPPED); they have no tasks.
    const connectors = [...snapshot.connectors.keys()];
    const tasks = connectors.filter((name) => snapshot.targetStates.get(name) !== 'STOPPED').flatMap((name) => (snapshot.taskConfigs.get(name) ?? []).map((_, task) => taskKey(name, task)));
    const decoded = members.map((m) => ({ memberId: m.memberId, metadata: decodeWorkerMetadata(m.metadata) }));
    const plan = this.#lostWork.plan({ members: decoded.map((m) => ({ memberId: m.memberId, ...m.metadata })), connectors, tasks, now: Date.now() });
    const withHandBack = decoded.map((m) => {
      const back = plan.handBack.get(m.memberId);
      return back === undefined ? m : { ...m, metadata: { ...m.metadata, connectors: [...m.metadata.connectors, ...back.connectors], tasks: [...m.metadata.tasks, ...back.tasks] } };
    });
    const assignments = assignWork({ members: withHandBack, leaderMemberId: this.#membership.memberId, connectors: plan.connectors, tasks: plan.tasks });
    this.#lostWork.assigned(new Map(withHandBack.map((m) => [m.metadata.workerId, assignments.get(m.memberId)!])));
    clearTimeout(this.#delayedRebalance);
    const held = connectors.length + tasks.length - plan.connectors.length - plan.tasks.length;
    if (plan.nextRebalanceInMs !== undefined) {
      this.#delayedRebalance = setTimeout(() => this.#membership.requestRejoin(), plan.nextRebalanceInMs).unref();
      this.#log.info({ held, rebalanceInMs: plan.nextRebalanceInMs }, 'Holding the work of departed workers until they return or scheduled.rebalance.max.delay.ms expires');
    }
    this.#log.info({ generation, members: decoded.length, connectors: plan.connectors.length, tasks: plan.tasks.length, held }, 'Assigned connectors and tasks');
    return new Map([...assignments].map(([memberId, assignment]) => [memberId, encodeWorkAssignment(assignment)]));
  }

  #onAssignment(group: GroupAssignment): Promise<void> {
    if (this.#stopping) return Promise.resolve();
    const assignment: WorkAssignment = group.data.length === 0 ? emptyAssignment() : decodeWorkAssignment(group.data);
    this.#leader = group.isLeader;
    this.#leaderUrl = assignment.leaderUrl;
    this.#leaderAdminUrl = assignment.leaderAdminUrl;
    this.#workers = assignment.workers;
    this.#deps.statusStore.setGeneration(group.generation);
    return this.#work.handleAssignment(assignment, group.generation);
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
    return view.restore(await new ConnectorValidator(this.#deps.worker.catalog, this.#introspection).validate({ ...view.config }, view.secrets));
  }

  connectorPluginConfig(pluginName: string): Promise<ConfigKeyInfo[]> {
    return new ConnectorValidator(this.#deps.worker.catalog, this.#introspection).pluginConfig(pluginName);
  }

  // ---- writes: on the leader (forwarded to it by the API adapters), or any worker where Kafka allows ----

  putConnectorConfig(name: string, config: Record<string, string>, allowReplace: boolean): Promise<{ created: boolean; info: ConnectorInfo }> {
    return this.#onLeader(async () => {
      const existed = this.#deps.configStore.contains(name);
      if (existed && !allowReplace) throw new AlreadyExistsError(`Connector ${name} already exists`);
      await this.#store(name, { ...config, name }, existed ? undefined : 'STARTED');
      return { created: !existed, info: this.connectorInfo(name) };
    });
  }

  createConnector(name: string, config: Record<string, string>, initialState: TargetState = 'STARTED'): Promise<ConnectorInfo> {
    return this.#onLeader(async () => {
      if (this.#deps.configStore.contains(name)) throw new AlreadyExistsError(`Connector ${name} already exists`);
      await this.#store(name, { ...config, name }, initialState);
      return this.connectorInfo(name);
    });
  }

  patchConnectorConfig(name: string, patch: Record<string, string | null>): Promise<ConnectorInfo> {
    return this.#onLeader(async () => {
      await this.#store(name, { ...patchedConfig(this.connectorConfig(name), patch), name }, undefined);
      return this.connectorInfo(name);
    });
  }

  deleteConnector(name: string): Promise<void> {
    return this.#onLeader(async () => {
      if (!this.#deps.configStore.contains(name)) throw new NotFoundError(`Connector ${name} not found`);
      await this.#deps.configStore.removeConnectorConfig(name);
      this.#log.info({ connector: name }, 'Connector deleted');
    });
  }

  /** KIP-976: any worker writes the level to the config topic; every worker applies it as it reads it (AssignedWork). */
  setClusterLoggerLevel(namespace: string, level: string): Promise<void> {
    return putClusterLoggerLevel(this.#deps.configStore, namespace, level);
  }

  async pauseConnector(name: string): Promise<void> {
    await this.#requireConnector(name, `Unknown connector ${name}`);
    await this.#deps.configStore.putTargetState(name, 'PAUSED');
  }

  async resumeConnector(name: string): Promise<void> {
    await this.#requireConnector(name, `Unknown connector ${name}`);
    await this.#deps.configStore.putTargetState(name, 'STARTED');
  }

  stopConnector(name: string): Promise<void> {
    return this.#onLeader(async () => {
      if (!this.#deps.configStore.contains(name)) throw new NotFoundError(`Unknown connector ${name}`);
      await this.#deps.configStore.putTargetState(name, 'STOPPED');
      // As Kafka's leader does: a stopped connector has no tasks.
      await this.#deps.configStore.putTaskConfigs(name, []);
    });
  }

  async restartConnector(name: string, request: RestartRequest): Promise<ConnectorStateInfo | undefined> {
    if (!request.includeTasks && !request.onlyFailed) {
      await this.#requireConnector(name, `Unknown connector: ${name}`);
      if (this.#work.runsConnector(name)) await this.#work.restartHere(name, request);
      else await this.#deps.configStore.putRestartRequest({ connector: name, includeTasks: false, onlyFailed: false });
      return undefined;
    }
    return this.#onLeader(async () => {
      if (!this.#deps.configStore.contains(name)) throw new NotFoundError(`Unknown connector: ${name}`);
      const status = this.connectorStatus(name);
      const restartConnector = !request.onlyFailed || status.connector.state === 'FAILED';
      const shown: ConnectorStateInfo = {
        ...status,
        connector: restartConnector ? { ...status.connector, state: 'RESTARTING' } : status.connector,
        tasks: status.tasks.map((task) => (request.includeTasks && (!request.onlyFailed || task.state === 'FAILED') ? { ...task, state: 'RESTARTING' } : task)),
      };
      await this.#deps.configStore.putRestartRequest({ connector: name, includeTasks: request.includeTasks, onlyFailed: request.onlyFailed });
      return shown;
    });
  }

  async restartTask(name: string, taskId: number): Promise<void> {
    await this.#requireConnector(name, `Unknown connector: ${name}`);
    const key = taskKey(name, taskId);
    if (this.#deps.configStore.snapshot().taskConfigs.get(name)?.[taskId] === undefined) throw new NotFoundError(`Unknown task: ${key}`);
    if (this.#work.runsTask(name, taskId)) return this.#work.restartTaskHere(name, taskId);
    // Runs elsewhere: the adapters forward the request to the worker its status names.
    const owner = this.#deps.statusStore.task(name, taskId)?.workerId;
    const target = this.#workers.find((w) => w.workerId === owner);
    if (owner === undefined || owner === this.#deps.worker.workerId || target === undefined) throw new ConflictError(`Task ${key} is not running on any worker; try again after the rebalance`);
    throw new NotAssignedError(target.url, target.adminUrl);
  }

  async connectorOffsets(name: string): Promise<ConnectorOffsets> {
    const config = this.connectorConfig(name);
    await this.#deps.worker.offsetStore.refresh?.();
    return this.#offsets.read(name, this.#offsetType(config));
  }

  alterConnectorOffsets(name: string, body: unknown): Promise<{ message: string }> {
    return this.#onLeader(async () => this.#offsets.alter(name, this.#offsetType(this.#requireStopped(name)), body));
  }

  resetConnectorOffsets(name: string): Promise<{ message: string }> {
    return this.#onLeader(async () => this.#offsets.reset(name, this.#offsetType(this.#requireStopped(name))));
  }

  /** Validates (framework and plugin), then writes the config (and a new connector's target state). */
  async #store(name: string, config: Record<string, string>, initialState: TargetState | undefined): Promise<void> {
    const view = this.#deps.worker.configProviders.resolveForValidation(config);
    const infos = view.restore(await new ConnectorValidator(this.#deps.worker.catalog, this.#introspection.tolerant()).validate({ ...view.config }, view.secrets));
    const errors = validationErrors(infos);
    if (errors.length > 0) throw new BadRequestError(invalidConfigMessage(errors));
    await this.#deps.configStore.putConnectorConfig(name, config, initialState);
  }

  async #requireConnector(name: string, message: string): Promise<void> {
    await this.#deps.configStore.refresh();
    if (!this.#deps.configStore.contains(name)) throw new NotFoundError(message);
  }

  #requireStopped(name: string): Record<string, string> {
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

  /**
   * Runs a write that only the leader may carry out: here, after every earlier write and with the
   * config topic read to its end; elsewhere NotLeaderError (for the adapters to forward), or
   * Kafka's 409 while no leader is known.
   */
  #onLeader<T>(write: () => Promise<T>): Promise<T> {
    if (!this.#leader) {
      if (this.#leaderUrl === '' || this.#stopping) return Promise.reject(new ConflictError(NO_KNOWN_LEADER));
      return Promise.reject(new NotLeaderError(this.#leaderUrl, this.#leaderAdminUrl));
    }
    const run = async (): Promise<T> => {
      await this.#deps.configStore.refresh();
      return write();
    };
    const next = this.#writes.then(run, run);
    this.#writes = next.catch(() => undefined);
    return next;
  }
}
