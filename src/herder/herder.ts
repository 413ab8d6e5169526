// The Herder contract: what should run, and the operations the REST and gRPC admin APIs offer
// over it. Standalone and distributed herders implement it; the APIs are thin layers on top.
// Shapes use Kafka Connect's REST field names so the REST layer can send them as they are.

import type { ConfigInfos, ConfigKeyInfo } from './config-infos.js';
import type { ConnectorOffsets } from './connector-offsets.js';

export interface ServerInfo {
  version: string;
  commit: string;
  kafka_cluster_id: string;
}

export type ConnectorType = 'source' | 'sink' | 'unknown';

export interface StateEntry {
  state: string;
  worker_id: string;
  trace?: string;
}

export interface TaskStateEntry extends StateEntry {
  id: number;
}

/** Kafka Connect's ConnectorStateInfo. */
export interface ConnectorStateInfo {
  name: string;
  connector: StateEntry;
  tasks: TaskStateEntry[];
  type: ConnectorType;
}

/** Kafka Connect's ConnectorInfo. */
export interface ConnectorInfo {
  name: string;
  config: Record<string, string>;
  tasks: Array<{ connector: string; task: number }>;
  type: ConnectorType;
}

/** Kafka Connect's TaskInfo (the /tasks endpoint). */
export interface TaskInfo {
  id: { connector: string; task: number };
  config: Record<string, string>;
}

export interface PluginInfo {
  class: string;
  type: string;
  version?: string;
}

export type TargetState = 'STARTED' | 'PAUSED' | 'STOPPED';

export interface RestartRequest {
  includeTasks: boolean;
  onlyFailed: boolean;
}

export type { ConnectorOffsets, ConfigInfos, ConfigKeyInfo };

export interface WorkerHealth {
  status: 'healthy' | 'starting' | 'unhealthy';
  message: string;
}

export interface Herder {
  start(): Promise<void>;
  stop(): Promise<void>;
  serverInfo(): ServerInfo;
  connectors(): string[];
  connectorInfo(name: string): ConnectorInfo;
  connectorStatus(name: string): ConnectorStateInfo;
  taskStatus(name: string, taskId: number): TaskStateEntry;
  /** Creates or replaces a connector; resolves once it is stored and being started. */
  putConnectorConfig(name: string, config: Record<string, string>, allowReplace: boolean): Promise<{ created: boolean; info: ConnectorInfo }>;
  /**
   * Restarts a connector. The plain form (both flags false) restarts the connector instance and
   * resolves once it was restarted (undefined); the KIP-745 form answers at once with the status
   * in which everything to be restarted shows RESTARTING.
   */
  restartConnector(name: string, request: RestartRequest): Promise<ConnectorStateInfo | undefined>;
  restartTask(name: string, taskId: number): Promise<void>;
  /** Target state PAUSED: tasks stay assigned but idle. Idempotent. */
  pauseConnector(name: string): Promise<void>;
  /** Target state STARTED, from PAUSED or STOPPED. Idempotent. */
  resumeConnector(name: string): Promise<void>;
  /** Target state STOPPED: connector and tasks stopped, no task configs (KIP-875). Idempotent. */
  stopConnector(name: string): Promise<void>;
  connectorPlugins(connectorsOnly: boolean): PluginInfo[];
  /** POST /connectors: 409 when it exists; initial_state RUNNING (default), PAUSED or STOPPED. */
  createConnector(name: string, config: Record<string, string>, initialState?: TargetState): Promise<ConnectorInfo>;
  /** PATCH: null removes a key; the result is validated and stored like a PUT. */
  patchConnectorConfig(name: string, patch: Record<string, string | null>): Promise<ConnectorInfo>;
  deleteConnector(name: string): Promise<void>;
  connectorConfig(name: string): Record<string, string>;
  taskConfigs(name: string): TaskInfo[];
  connectorOffsets(name: string): Promise<ConnectorOffsets>;
  alterConnectorOffsets(name: string, body: unknown): Promise<{ message: string }>;
  resetConnectorOffsets(name: string): Promise<{ message: string }>;
  connectorActiveTopics(name: string): string[];
  resetConnectorActiveTopics(name: string): void;
  /** PUT /connector-plugins/{plugin}/config/validate. */
  validateConnectorConfig(pluginName: string, config: Record<string, string>): Promise<ConfigInfos>;
  /** GET /connector-plugins/{plugin}/config. */
  connectorPluginConfig(pluginName: string): Promise<ConfigKeyInfo[]>;
  health(): WorkerHealth;
  /**
   * PUT /admin/loggers/{name}?scope=cluster (KIP-976): a logger level for every worker. Standalone
   * applies it here (its one worker is the cluster); distributed writes it to the config topic and
   * each worker applies it when it reads it (cluster-logger-levels.ts). NotFoundError for an
   * unknown level, as Kafka's 404 `invalid log level`.
   */
  setClusterLoggerLevel(namespace: string, level: string): Promise<void>;
}
