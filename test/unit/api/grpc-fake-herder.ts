// A small stateful Herder for the gRPC admin and CLI unit tests: connectors in a map, statuses in
// a real MemoryStatusStore (so WatchStatus sees its changes), Kafka's errors and messages for the
// cases the tests exercise (unknown connector, duplicate, invalid config, offsets not STOPPED,
// unknown class), and `fail` to make any method throw.

import type { ConfigInfos, ConfigKeyInfo, ConnectorInfo, ConnectorOffsets, ConnectorStateInfo, Herder, PluginInfo, RestartRequest, ServerInfo, TargetState, TaskInfo, TaskStateEntry, WorkerHealth } from '../../../src/herder/herder.js';
import { AlreadyExistsError, BadRequestError, HerderError, NotFoundError } from '../../../src/herder/herder-errors.js';
import { MemoryStatusStore } from '../../../src/storage/status-store.js';

export const WORKER = '127.0.0.1:8083';

export class FakeHerder implements Herder {
  readonly statusStore = new MemoryStatusStore();
  readonly configs = new Map<string, Record<string, string>>();
  readonly targets = new Map<string, TargetState>();
  offsets = new Map<string, ConnectorOffsets>();
  topics = new Map<string, string[]>();
  healthStatus: WorkerHealth = { status: 'healthy', message: 'Worker has completed startup and is ready to handle requests.' };
  /** Method name -> error it throws. */
  fail: Partial<Record<keyof Herder, Error>> = {};
  calls: Array<[string, ...unknown[]]> = [];

  #enter(method: keyof Herder, ...args: unknown[]): void {
    this.calls.push([method, ...args]);
    const error = this.fail[method];
    if (error !== undefined) throw error;
  }

  #require(name: string): Record<string, string> {
    const config = this.configs.get(name);
    if (config === undefined) throw new NotFoundError(`Connector ${name} not found`);
    return config;
  }

  async start(): Promise<void> {}
  async stop(): Promise<void> {}

  serverInfo(): ServerInfo {
    this.#enter('serverInfo');
    return { version: '4.1.2', commit: 'abcdef0123456789', kafka_cluster_id: 'cluster-1' };
  }

  health(): WorkerHealth {
    return this.healthStatus;
  }

  async setClusterLoggerLevel(namespace: string, level: string): Promise<void> {
    this.#enter('setClusterLoggerLevel', namespace, level);
  }

  connectors(): string[] {
    this.#enter('connectors');
    return [...this.configs.keys()];
  }

  connectorInfo(name: string): ConnectorInfo {
    this.#enter('connectorInfo', name);
    const config = this.#require(name);
    const tasks = this.targets.get(name) === 'STOPPED' ? [] : [{ connector: name, task: 0 }];
    return { name, config: { ...config }, tasks, type: this.#type(config) };
  }

  connectorStatus(name: string): ConnectorStateInfo {
    this.#enter('connectorStatus', name);
    const config = this.#require(name);
    const status = this.statusStore.connector(name);
    if (status === undefined) throw new NotFoundError(`No status found for connector ${name}`);
    const entry = (s: { state: string; workerId: string; trace?: string }) => ({ state: s.state, worker_id: s.workerId, ...(s.trace ? { trace: s.trace } : {}) });
    return { name, connector: entry(status), tasks: this.statusStore.tasks(name).map((t) => ({ id: t.id, ...entry(t) })), type: this.#type(config) };
  }

  taskStatus(name: string, taskId: number): TaskStateEntry {
    this.#enter('taskStatus', name, taskId);
    const status = this.configs.has(name) ? this.statusStore.task(name, taskId) : undefined;
    if (status === undefined) throw new NotFoundError(`No status found for task ${name}-${taskId}`);
    return { id: taskId, state: status.state, worker_id: status.workerId, ...(status.trace ? { trace: status.trace } : {}) };
  }

  async putConnectorConfig(name: string, config: Record<string, string>, allowReplace: boolean): Promise<{ created: boolean; info: ConnectorInfo }> {
    this.#enter('putConnectorConfig', name, config, allowReplace);
    const created = !this.configs.has(name);
    if (!created && !allowReplace) throw new AlreadyExistsError(`Connector ${name} already exists`);
    this.#store(name, config, created ? 'STARTED' : (this.targets.get(name) ?? 'STARTED'));
    return { created, info: this.connectorInfo(name) };
  }

  async createConnector(name: string, config: Record<string, string>, initialState: TargetState = 'STARTED'): Promise<ConnectorInfo> {
    this.#enter('createConnector', name, config, initialState);
    if (this.configs.has(name)) throw new AlreadyExistsError(`Connector ${name} already exists`);
    this.#store(name, config, initialState);
    return this.connectorInfo(name);
  }

  async patchConnectorConfig(name: string, patch: Record<string, string | null>): Promise<ConnectorInfo> {
    this.#enter('patchConnectorConfig', name, patch);
    const config = { ...this.#require(name) };
    for (const [key, value] of Object.entries(patch)) {
      if (value === null) delete config[key];
      else config[key] = value;
    }
    this.#store(name, config, this.targets.get(name) ?? 'STARTED');
    return this.connectorInfo(name);
  }

  async deleteConnector(name: string): Promise<void> {
    this.#enter('deleteConnector', name);
    this.#require(name);
    this.configs.delete(name);
    this.statusStore.removeConnector(name);
  }

  connectorConfig(name: string): Record<string, string> {
    this.#enter('connectorConfig', name);
    return { ...this.#require(name) };
  }

  taskConfigs(name: string): TaskInfo[] {
    this.#enter('taskConfigs', name);
    return this.connectorInfo(name).tasks.map((id) => ({ id, config: { 'task.class': 'FileStreamSourceTask', file: this.configs.get(name)!.file ?? '' } }));
  }

  async restartConnector(name: string, request: RestartRequest): Promise<ConnectorStateInfo | undefined> {
    this.#enter('restartConnector', name, request);
    this.#require(name);
    if (!request.includeTasks && !request.onlyFailed) {
      this.statusStore.putConnector(name, { state: 'RUNNING', workerId: WORKER });
      return undefined;
    }
    this.statusStore.putConnector(name, { state: 'RESTARTING', workerId: WORKER });
    if (request.includeTasks) for (const task of this.statusStore.tasks(name)) this.statusStore.putTask(name, task.id, { state: 'RESTARTING', workerId: WORKER });
    return this.connectorStatus(name);
  }

  async restartTask(name: string, taskId: number): Promise<void> {
    this.#enter('restartTask', name, taskId);
    this.#require(name);
    if (this.statusStore.task(name, taskId) === undefined) throw new NotFoundError(`Unknown task: ${name}-${taskId}`);
    this.statusStore.putTask(name, taskId, { state: 'RUNNING', workerId: WORKER });
  }

  async pauseConnector(name: string): Promise<void> {
    this.#enter('pauseConnector', name);
    this.#require(name);
    this.targets.set(name, 'PAUSED');
    this.#publish(name);
  }

  async resumeConnector(name: string): Promise<void> {
    this.#enter('resumeConnector', name);
    this.#require(name);
    this.targets.set(name, 'STARTED');
    this.#publish(name);
  }

  async stopConnector(name: string): Promise<void> {
    this.#enter('stopConnector', name);
    this.#require(name);
    this.targets.set(name, 'STOPPED');
    this.#publish(name);
  }

  connectorPlugins(connectorsOnly: boolean): PluginInfo[] {
    this.#enter('connectorPlugins', connectorsOnly);
    const connectors = [
      { class: 'org.apache.kafka.connect.file.FileStreamSinkConnector', type: 'sink', version: '0.1.0' },
      { class: 'org.apache.kafka.connect.file.FileStreamSourceConnector', type: 'source', version: '0.1.0' },
    ];
    return connectorsOnly ? connectors : [...connectors, { class: 'org.apache.kafka.connect.transforms.Filter', type: 'transformation', version: '4.1.2' }, { class: 'org.apache.kafka.connect.storage.StringConverter', type: 'converter' }];
  }

  async connectorOffsets(name: string): Promise<ConnectorOffsets> {
    this.#enter('connectorOffsets', name);
    this.#require(name);
    return this.offsets.get(name) ?? { offsets: [] };
  }

  async alterConnectorOffsets(name: string, body: unknown): Promise<{ message: string }> {
    this.#enter('alterConnectorOffsets', name, body);
    this.#requireStopped(name);
    this.offsets.set(name, body as ConnectorOffsets);
    return { message: 'The Connect framework-managed offsets for this connector have been altered successfully.' };
  }

  async resetConnectorOffsets(name: string): Promise<{ message: string }> {
    this.#enter('resetConnectorOffsets', name);
    this.#requireStopped(name);
    this.offsets.delete(name);
    return { message: 'The Connect framework-managed offsets for this connector have been reset successfully.' };
  }

  connectorActiveTopics(name: string): string[] {
    this.#enter('connectorActiveTopics', name);
    return this.topics.get(name) ?? [];
  }

  resetConnectorActiveTopics(name: string): void {
    this.#enter('resetConnectorActiveTopics', name);
    this.topics.delete(name);
  }

  async validateConnectorConfig(pluginName: string, config: Record<string, string>): Promise<ConfigInfos> {
    this.#enter('validateConnectorConfig', pluginName, config);
    this.#class(pluginName);
    const fileErrors = config.file === undefined ? ['Missing required configuration "file" which has no default value.'] : [];
    const definition = (name: string, type: string): ConfigKeyInfo => ({ name, type, required: false, default_value: null, importance: 'HIGH', documentation: `The ${name}.`, group: 'Common', width: 'NONE', display_name: name, dependents: [], order: -1 });
    return {
      name: 'org.apache.kafka.connect.file.FileStreamSourceConnector',
      error_count: fileErrors.length,
      groups: ['Common'],
      configs: [
        { definition: definition('file', 'STRING'), value: { name: 'file', value: config.file ?? null, recommended_values: [], errors: fileErrors, visible: true } },
        { definition: definition('secret', 'PASSWORD'), value: { name: 'secret', value: config.secret === undefined ? null : '[hidden]', recommended_values: [], errors: [], visible: true } },
      ],
    };
  }

  async connectorPluginConfig(pluginName: string): Promise<ConfigKeyInfo[]> {
    this.#enter('connectorPluginConfig', pluginName);
    if (!/FileStream/.test(pluginName)) throw new NotFoundError(`Unknown plugin ${pluginName}.`);
    return [{ name: 'file', type: 'STRING', required: true, default_value: null, importance: 'HIGH', documentation: 'The file.', group: null, width: 'NONE', display_name: 'file', dependents: [], order: -1 }];
  }

  /** Records a task's state, as a worker would. */
  setTask(name: string, task: number, state: 'RUNNING' | 'FAILED' | 'PAUSED', trace?: string): void {
    this.statusStore.putTask(name, task, { state, workerId: WORKER, ...(trace === undefined ? {} : { trace }) });
  }

  #store(name: string, config: Record<string, string>, target: TargetState): void {
    this.#class(config['connector.class'] ?? '');
    if (config.file === undefined) throw new BadRequestError('Connector configuration is invalid and contains the following 1 error(s):\nMissing required configuration "file" which has no default value.\nYou can also find the above list of errors at the endpoint `/connector-plugins/{connectorType}/config/validate`');
    this.configs.set(name, { ...config, name });
    this.targets.set(name, target);
    this.#publish(name);
  }

  #class(connectorClass: string): void {
    if (connectorClass.trim() === '') throw new BadRequestError('Connector config {} contains no connector type');
    if (!/FileStream/.test(connectorClass)) throw new HerderError(500, `Failed to find any class that implements Connector and which name matches ${connectorClass}, available connectors are: FileStreamSink, FileStreamSource`);
  }

  #publish(name: string): void {
    const target = this.targets.get(name) ?? 'STARTED';
    const state = target === 'STARTED' ? 'RUNNING' : target;
    this.statusStore.putConnector(name, { state, workerId: WORKER });
    if (target === 'STOPPED') this.statusStore.retainTasks(name, 0);
    else this.statusStore.putTask(name, 0, { state, workerId: WORKER });
  }

  #requireStopped(name: string): void {
    this.#require(name);
    if (this.targets.get(name) !== 'STOPPED') {
      throw new BadRequestError(`Connectors must be in the STOPPED state before their offsets can be modified. This can be done for the specified connector by issuing a 'PUT' request to the '/connectors/${name}/stop' endpoint`);
    }
  }

  #type(config: Record<string, string>): 'source' | 'sink' {
    return /Sink/.test(config['connector.class'] ?? '') ? 'sink' : 'source';
  }
}
