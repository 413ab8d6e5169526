// Worker: what runs on this process. It starts and stops connector instances and tasks in plugin
// processes (through the PluginHost), gives tasks their Kafka clients, converters and the offset
// store, and records every state change, with this worker's id, in the status store. What should
// run is the Herder's business; the Worker only does as it is told.
//
// Config provider placeholders (${file:...}, ${env:...}) are resolved here and only here: just
// before a connector or task config goes to its plugin. Configs are given to the Worker, stored
// by the Herder and logged with their placeholders; the resolved maps live only in the calls that
// start an instance. Task configs coming back from a connector get the placeholders back. The
// resolved values go to the plugin host too, which hides them in that plugin process's output.

import { stdSerializers, type Logger } from 'pino';
import { ConfigProviders, LITERAL_CONNECTOR_KEYS, restorePlaceholders, secretMasker, type ResolvedConfig } from '../config/config-providers.js';
import { withPrefix, type WorkerConfig } from '../config/worker-config.js';
import type { KafkaConnection } from '../kafka/kafka-client.js';
import type { PluginCatalog } from '../plugin/plugin-catalog.js';
import { PluginHost } from '../plugin/plugin-host.js';
import { connectorMemoryLimitMb } from '../plugin/plugin-memory-limit.js';
import type { DiscoveredPlugin } from '../plugin/plugin-manifest.js';
import type { PluginClient } from '../protocol/plugin-client.js';
import type { ActiveTopics } from '../storage/active-topics.js';
import type { OffsetStore } from '../storage/offset-store.js';
import type { ConnectorState, StatusStore } from '../storage/status-store.js';
import { createTaskConverters } from './task-converters.js';
import { buildTransformStages } from './transform-stages.js';
import { WorkerConnector } from './worker-connector.js';
import { WorkerSinkTask } from './worker-sink-task.js';
import { WorkerSourceTask } from './worker-source-task.js';
import { type TaskId, type WorkerTask, traceOf } from './worker-task.js';

export interface WorkerDependencies {
  readonly config: WorkerConfig;
  readonly catalog: PluginCatalog;
  readonly kafka: KafkaConnection;
  readonly offsetStore: OffsetStore;
  readonly statusStore: StatusStore;
  readonly activeTopics: ActiveTopics;
  readonly logger: Logger;
  /** Told when a connector asks for its tasks to be reconfigured. */
  readonly onTaskReconfigurationRequest?: (connector: string) => void;
  /** Told when a task fails (after its FAILED status is recorded). */
  readonly onTaskFailed?: (id: TaskId, trace: string) => void;
  /** Resolve ${provider:path:key} placeholders; by default the providers the worker config declares. */
  readonly configProviders?: ConfigProviders;
}

export class Worker {
  readonly workerId: string;
  readonly #deps: WorkerDependencies;
  readonly #host: PluginHost;
  readonly #connectors = new Map<string, WorkerConnector>();
  /** Each running connector's config as given (placeholders unresolved), for restorePlaceholders. */
  readonly #connectorConfigs = new Map<string, Readonly<Record<string, string>>>();
  readonly #configProviders: ConfigProviders;
  readonly #tasks = new Map<string, WorkerTask>();
  /** polyconnect.plugin.memory.limit.mb of the connectors with instances here, for the processes the host launches. */
  readonly #memoryLimits = new Map<string, number | undefined>();
  /** Traces shown on a task's later, healthy statuses: the failure an automatic restart recovered from. */
  readonly #recoveryNotes = new Map<string, string>();

  constructor(deps: WorkerDependencies) {
    this.#deps = deps;
    this.workerId = deps.config.workerId;
    const { config } = deps;
    this.#configProviders = deps.configProviders ?? ConfigProviders.fromWorkerConfig(config.originals);
    this.#host = new PluginHost({
      isolation: config.pluginIsolation,
      logger: deps.logger,
      handshakeTimeoutMs: config.pluginHandshakeTimeoutMs,
      healthCheckIntervalMs: config.pluginHealthCheckIntervalMs,
      healthCheckFailures: config.pluginHealthCheckFailures,
      shutdownTimeoutMs: config.pluginShutdownTimeoutMs,
      callTimeoutMs: config.pluginCallTimeoutMs,
      memoryLimitMb: config.pluginMemoryLimitMb,
      connectorMemoryLimitMb: (connector) => this.#memoryLimits.get(connector),
    });
  }

  get activeTopics(): ActiveTopics {
    return this.#deps.activeTopics;
  }

  get offsetStore(): OffsetStore {
    return this.#deps.offsetStore;
  }

  get kafka(): KafkaConnection {
    return this.#deps.kafka;
  }

  get catalog(): PluginCatalog {
    return this.#deps.catalog;
  }

  /** The config providers placeholders are resolved with (validation needs them too). */
  get configProviders(): ConfigProviders {
    return this.#configProviders;
  }

  async start(): Promise<void> {
    await this.#deps.offsetStore.start();
  }

  /** Starts a connector instance; resolves true once it runs (false: it FAILED, see its status). */
  async startConnector(name: string, config: Readonly<Record<string, string>>): Promise<boolean> {
    if (this.#connectors.has(name)) throw new Error(`Connector ${name} already running on this worker`);
    const connectorClass = config['connector.class'] ?? '';
    const statusStore = this.#deps.statusStore;
    let mask: ((text: string) => string) | undefined;
    const putStatus = (state: ConnectorState, trace?: string): void =>
      statusStore.putConnector(name, trace === undefined ? { state, workerId: this.workerId } : { state, workerId: this.workerId, trace: mask?.(trace) ?? trace });
    let resolved;
    let resolvedConfig;
    let secrets: string[];
    try {
      resolved = this.#deps.catalog.resolve(connectorClass);
      this.#memoryLimits.set(name, connectorMemoryLimitMb(config));
      const resolution = this.#resolveConfig(config, `the config of connector ${name}`, { connector: name });
      resolvedConfig = resolution.config;
      mask = secretMasker([resolution]);
      secrets = [...resolution.resolvedValues.values()];
    } catch (error) {
      putStatus('FAILED', traceOf(error));
      return false;
    }
    const connector = new WorkerConnector({
      name,
      connectorClass: resolved.className,
      config: resolvedConfig,
      secrets,
      plugin: resolved.plugin,
      host: this.#host,
      logger: maskingLogger(this.#deps.logger, mask),
      listener: {
        onStateChange: (_connector, state, trace) => putStatus(state, trace),
        onTaskReconfigurationRequest: (connectorName) => this.#deps.onTaskReconfigurationRequest?.(connectorName),
      },
    });
    this.#connectors.set(name, connector);
    this.#connectorConfigs.set(name, config);
    return connector.start();
  }

  /** A config with its placeholders resolved; warns (key and provider only) about providers that are not configured. */
  #resolveConfig(config: Readonly<Record<string, string>>, subject: string, bindings: Record<string, unknown>): ResolvedConfig {
    const resolution = this.#configProviders.resolve(config, subject, LITERAL_CONNECTOR_KEYS);
    const { unresolved } = resolution;
    for (const { configKey, provider } of unresolved) {
      this.#deps.logger.warn(
        { ...bindings, key: configKey, provider },
        `The value of ${configKey} refers to config provider '${provider}', which is not in config.providers; it is passed on as written`,
      );
    }
    return resolution;
  }

  /**
   * Runs `work` against a process of `plugin` that hosts no instance (Describe, ValidateConfig),
   * launched for the purpose or shared per plugin.isolation, and released afterwards. `secrets`
   * (values config providers resolved in a config `work` sends) are hidden in that process's output.
   */
  async withPluginClient<T>(plugin: DiscoveredPlugin, work: (client: PluginClient) => Promise<T>, secrets: readonly string[] = []): Promise<T> {
    const lease = await this.#host.acquire(plugin, { connector: `validate-${plugin.manifest.name}`, introspection: true, ...(secrets.length === 0 ? {} : { secrets }) });
    try {
      return await work(lease.client);
    } finally {
      await lease.release();
    }
  }

  /** Task configs from a running connector, with the connector config's placeholders put back. */
  async connectorTaskConfigs(name: string, maxTasks: number): Promise<Record<string, string>[]> {
    const connector = this.#connectors.get(name);
    if (connector === undefined) throw new Error(`Connector ${name} is not running on this worker`);
    return restorePlaceholders(this.#connectorConfigs.get(name) ?? {}, await connector.taskConfigs(maxTasks));
  }

  async stopConnector(name: string): Promise<void> {
    const connector = this.#connectors.get(name);
    if (connector === undefined) return;
    this.#connectors.delete(name);
    this.#forgetMemoryLimitWhenIdle(name);
    this.#connectorConfigs.delete(name);
    await connector.stop();
  }

  /**
   * Applies a connector's target state to what runs here: PAUSED pauses its tasks (and shows the
   * connector PAUSED), STARTED resumes them. FAILED instances stay FAILED until restarted.
   */
  setTargetState(connector: string, state: 'STARTED' | 'PAUSED'): void {
    for (const task of this.#tasks.values()) {
      if (task.id.connector !== connector) continue;
      if (state === 'PAUSED') task.pause();
      else task.resume();
    }
    const running = this.#connectors.get(connector);
    const status = this.#deps.statusStore.connector(connector);
    if (running !== undefined && !running.failed && status !== undefined && status.state !== 'FAILED') {
      this.#deps.statusStore.putConnector(connector, { state: state === 'PAUSED' ? 'PAUSED' : 'RUNNING', workerId: this.workerId });
    }
  }

  /** Starts one task of a connector; its status tells how it goes. A task of a paused connector starts paused. */
  startTask(id: TaskId, connectorConfig: Readonly<Record<string, string>>, taskConfig: Readonly<Record<string, string>>, paused = false): void {
    const key = taskKey(id);
    if (this.#tasks.has(key)) throw new Error(`Task ${key} already running on this worker`);
    const { config, statusStore } = this.#deps;
    let mask: ((text: string) => string) | undefined;
    const statusListener = {
      onStateChange: (taskId: TaskId, state: ConnectorState, rawTrace?: string) => {
        const trace = rawTrace === undefined ? undefined : (mask?.(rawTrace) ?? rawTrace);
        const shown = trace ?? this.#recoveryNotes.get(taskKey(taskId));
        statusStore.putTask(taskId.connector, taskId.task, shown === undefined ? { state, workerId: this.workerId } : { state, workerId: this.workerId, trace: shown });
        if (state === 'FAILED') this.#deps.onTaskFailed?.(taskId, trace ?? '');
      },
    };
    let task: WorkerTask;
    try {
      const resolved = this.#deps.catalog.resolve(connectorConfig['connector.class'] ?? '');
      this.#memoryLimits.set(id.connector, connectorMemoryLimitMb(connectorConfig));
      const bindings = { connector: id.connector, task: id.task };
      const connectorResolution = this.#resolveConfig(connectorConfig, `the config of connector ${id.connector}`, bindings);
      const taskResolution = this.#resolveConfig(taskConfig, `the config of task ${key}`, bindings);
      const resolvedConnectorConfig = connectorResolution.config;
      const resolvedTaskConfig = taskResolution.config;
      mask = secretMasker([connectorResolution, taskResolution]);
      const common = {
        id,
        taskConfig: resolvedTaskConfig,
        connectorConfig: resolvedConnectorConfig,
        secrets: [...connectorResolution.resolvedValues.values(), ...taskResolution.resolvedValues.values()],
        plugin: resolved.plugin,
        host: this.#host,
        logger: maskingLogger(this.#deps.logger, mask),
        statusListener,
        gracefulShutdownTimeoutMs: config.taskShutdownGracefulTimeoutMs,
        kafka: this.#deps.kafka,
        converters: createTaskConverters(config, resolvedConnectorConfig),
        transforms: buildTransformStages(resolvedConnectorConfig),
        offsetFlushIntervalMs: config.offsetFlushIntervalMs,
        activeTopics: this.#deps.activeTopics,
      };
      task =
        resolved.type === 'source'
          ? new WorkerSourceTask({ ...common, offsetStore: this.#deps.offsetStore })
          : new WorkerSinkTask({ ...common, consumerConfig: withPrefix(config.originals, 'consumer.') });
    } catch (error) {
      statusListener.onStateChange(id, 'FAILED', traceOf(error));
      return;
    }
    this.#tasks.set(key, task);
    if (paused) task.pause();
    task.start();
  }

  /** The trace a task's healthy statuses carry from now on (undefined: none). */
  setRecoveryNote(id: TaskId, note: string | undefined): void {
    if (note === undefined) this.#recoveryNotes.delete(taskKey(id));
    else this.#recoveryNotes.set(taskKey(id), note);
  }

  async stopTask(id: TaskId): Promise<void> {
    const task = this.#tasks.get(taskKey(id));
    if (task === undefined) return;
    this.#tasks.delete(taskKey(id));
    this.#forgetMemoryLimitWhenIdle(id.connector);
    await task.stop();
  }

  #forgetMemoryLimitWhenIdle(connector: string): void {
    if (!this.#connectors.has(connector) && this.taskIds(connector).length === 0) this.#memoryLimits.delete(connector);
  }

  /** Ids of this connector's tasks running (or failed but not yet stopped) here. */
  taskIds(connector: string): TaskId[] {
    return [...this.#tasks.values()].filter((task) => task.id.connector === connector).map((task) => task.id);
  }

  task(id: TaskId): WorkerTask | undefined {
    return this.#tasks.get(taskKey(id));
  }

  /** Stops every task, then every connector, then the plugin processes and stores. */
  async stop(): Promise<void> {
    await Promise.all([...this.#tasks.values()].map((task) => this.stopTask(task.id)));
    await Promise.all([...this.#connectors.keys()].map((name) => this.stopConnector(name)));
    await this.#host.close();
    await this.#deps.offsetStore.stop();
  }
}

/**
 * A logger whose `trace` and `err` fields show placeholders instead of the values they resolved to,
 * for the failures a connector or task reports (a plugin may quote its config in an error).
 */
function maskingLogger(logger: Logger, mask: ((text: string) => string) | undefined): Logger {
  if (mask === undefined) return logger;
  return logger.child(
    {},
    {
      serializers: {
        trace: (trace: unknown) => (typeof trace === 'string' ? mask(trace) : trace),
        err: (error: unknown) => {
          const serialized = stdSerializers.err(error as Error) as unknown as Record<string, unknown>;
          for (const field of ['message', 'stack']) if (typeof serialized[field] === 'string') serialized[field] = mask(serialized[field] as string);
          return serialized;
        },
      },
    },
  );
}

function taskKey(id: TaskId): string {
  return `${id.connector}-${id.task}`;
}
