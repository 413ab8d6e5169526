// The messages of polyconnect.admin.v1 as @grpc/proto-loader decodes them with
// ADMIN_PROTO_LOADER_OPTIONS (camelCase fields, enums as names, int64 as numbers), written by hand
// after proto/polyconnect/admin/v1/*.proto; keep the two in step. Decoded messages have every
// field: an unset message field is null, an unset `optional` scalar undefined. Messages sent may
// leave fields out (proto3 defaults). AdminRpcs maps each unary RPC to its request and response.

export type ConnectorTypeName = 'CONNECTOR_TYPE_UNSPECIFIED' | 'CONNECTOR_TYPE_SOURCE' | 'CONNECTOR_TYPE_SINK';
export type ConnectorStateName = `CONNECTOR_STATE_${'UNSPECIFIED' | 'UNASSIGNED' | 'RUNNING' | 'PAUSED' | 'FAILED' | 'RESTARTING' | 'STOPPED'}`;
export type InitialStateName = `INITIAL_STATE_${'UNSPECIFIED' | 'RUNNING' | 'PAUSED' | 'STOPPED'}`;
export type PluginTypeName = `PLUGIN_TYPE_${'UNSPECIFIED' | 'SOURCE' | 'SINK' | 'TRANSFORMATION' | 'PREDICATE' | 'CONVERTER' | 'HEADER_CONVERTER'}`;
export type WorkerHealthStatusName = `WORKER_HEALTH_STATUS_${'UNSPECIFIED' | 'HEALTHY' | 'STARTING' | 'UNHEALTHY'}`;
export type LogLevelName = `LOG_LEVEL_${'UNSPECIFIED' | 'TRACE' | 'DEBUG' | 'INFO' | 'WARN' | 'ERROR' | 'FATAL' | 'OFF'}`;
export type LoggerScopeName = `LOGGER_SCOPE_${'UNSPECIFIED' | 'WORKER' | 'CLUSTER'}`;

/** google.protobuf.Struct. */
export interface PbStruct {
  fields: Record<string, PbValue>;
}

/** google.protobuf.Value: one of its kinds is set. */
export interface PbValue {
  nullValue?: 'NULL_VALUE' | 0;
  numberValue?: number;
  stringValue?: string;
  boolValue?: boolean;
  structValue?: PbStruct | null;
  listValue?: { values: PbValue[] } | null;
}

/** google.protobuf.Timestamp. */
export interface PbTimestamp {
  seconds: number;
  nanos: number;
}

export interface TaskId {
  connector: string;
  task: number;
}

export interface ConnectorInfo {
  name: string;
  config: Record<string, string>;
  tasks: TaskId[];
  type: ConnectorTypeName;
}

export interface TaskInfo {
  id: TaskId | null;
  config: Record<string, string>;
}

export interface StateInfo {
  state: ConnectorStateName;
  workerId: string;
  trace?: string;
}

export interface TaskStatus extends StateInfo {
  id: number;
}

export interface ConnectorStatus {
  name: string;
  connector: StateInfo | null;
  tasks: TaskStatus[];
  type: ConnectorTypeName;
}

export interface ConnectorListing {
  name: string;
  info?: ConnectorInfo | null;
  status?: ConnectorStatus | null;
}

export interface ConnectorOffset {
  partition: PbStruct | null;
  offset?: PbStruct | null;
}

export interface StatusChange {
  connector: string;
  taskId?: number;
  status?: StateInfo | null;
  time: PbTimestamp | null;
}

export interface PluginInfo {
  className: string;
  type: PluginTypeName;
  version?: string;
}

export interface ConfigKeyInfo {
  name: string;
  type: `CONFIG_TYPE_${string}`;
  required: boolean;
  defaultValue?: string;
  importance: `CONFIG_IMPORTANCE_${string}`;
  documentation?: string;
  group?: string;
  width: `CONFIG_WIDTH_${string}`;
  displayName: string;
  dependents: string[];
  order: number;
}

export interface ConfigValueInfo {
  name: string;
  value?: string;
  recommendedValues: string[];
  errors: string[];
  visible: boolean;
}

export interface ConfigInfo {
  definition: ConfigKeyInfo | null;
  value: ConfigValueInfo | null;
}

export interface LoggerLevel {
  logger: string;
  level: LogLevelName;
  lastModified?: PbTimestamp | null;
}

/** One of `snapshot` and `change` is set. */
export interface WatchStatusResponse {
  snapshot?: { connectors: ConnectorStatus[] } | null;
  change?: StatusChange | null;
}

type Empty = Record<string, never>;
interface Named {
  name: string;
}
interface NamedTask {
  name: string;
  taskId: number;
}

/** Every unary RPC of AdminService: [request, response]. */
export interface AdminRpcs {
  GetServerInfo: [Empty, { version: string; commit: string; kafkaClusterId: string }];
  GetHealth: [Empty, { status: WorkerHealthStatusName; message: string }];
  ListConnectors: [{ includeInfo?: boolean; includeStatus?: boolean }, { connectors: ConnectorListing[] }];
  GetConnector: [{ name: string; includeStatus?: boolean }, { info: ConnectorInfo | null; status?: ConnectorStatus | null }];
  CreateConnector: [{ name: string; config: Record<string, string>; initialState?: InitialStateName }, { info: ConnectorInfo | null }];
  PutConnectorConfig: [{ name: string; config: Record<string, string> }, { created: boolean; info: ConnectorInfo | null }];
  PatchConnectorConfig: [{ name: string; setConfig?: Record<string, string>; removeKeys?: string[] }, { info: ConnectorInfo | null }];
  GetConnectorConfig: [Named, { config: Record<string, string> }];
  DeleteConnector: [Named, Empty];
  GetConnectorStatus: [Named, { status: ConnectorStatus | null }];
  GetTaskStatus: [NamedTask, { status: TaskStatus | null }];
  ListTasks: [Named, { tasks: TaskInfo[] }];
  RestartConnector: [{ name: string; includeTasks?: boolean; onlyFailed?: boolean }, { status?: ConnectorStatus | null }];
  RestartTask: [NamedTask, Empty];
  PauseConnector: [Named, Empty];
  ResumeConnector: [Named, Empty];
  StopConnector: [Named, Empty];
  GetConnectorOffsets: [Named, { offsets: ConnectorOffset[] }];
  AlterConnectorOffsets: [{ name: string; offsets: ConnectorOffset[] }, { message: string }];
  ResetConnectorOffsets: [Named, { message: string }];
  GetConnectorTopics: [Named, { topics: string[] }];
  ResetConnectorTopics: [Named, Empty];
  ListConnectorPlugins: [{ connectorsOnly?: boolean }, { plugins: PluginInfo[] }];
  GetConnectorPluginConfig: [{ plugin: string }, { configs: ConfigKeyInfo[] }];
  ValidateConnectorConfig: [{ plugin?: string; config: Record<string, string> }, { name: string; errorCount: number; groups: string[]; configs: ConfigInfo[] }];
  ListLoggers: [Empty, { loggers: LoggerLevel[] }];
  GetLogger: [{ logger: string }, { logger: LoggerLevel | null }];
  SetLoggerLevel: [{ logger: string; level: LogLevelName; scope?: LoggerScopeName }, { loggers: string[] }];
}

export type AdminRpcName = keyof AdminRpcs;
export type AdminRequest<M extends AdminRpcName> = AdminRpcs[M][0];
export type AdminResponse<M extends AdminRpcName> = AdminRpcs[M][1];
