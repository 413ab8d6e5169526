// The unary RPCs of polyconnect.admin.v1.AdminService over the Herder, one function per RPC:
// each checks what the typed request cannot express, calls the Herder and converts the answer.
// They throw the Herder's errors (or AdminRequestError); admin-server.ts turns those into gRPC
// statuses. Semantics follow the REST adapter (src/api/rest/connector-routes.ts).

import * as grpc from '@grpc/grpc-js';
import type { Herder } from '../../herder/herder.js';
import { BadRequestError, NotFoundError } from '../../herder/herder-errors.js';
import type { LoggerLevels } from '../../logging.js';
import type { AdminRequest, AdminResponse, AdminRpcName, ConnectorListing, ConnectorStatus } from './admin-messages.js';
import {
  alterOffsetsBody,
  connectorInfoMessage,
  connectorStatusMessage,
  enumName,
  healthResponse,
  loggerLevelMessage,
  offsetsMessage,
  pluginInfoMessage,
  configKeyInfoMessage,
  targetStateOf,
  taskInfoMessage,
  taskStatusMessage,
  validateResponse,
} from './admin-convert.js';
import { AdminRequestError } from './status-codes.js';

export type AdminHandlers = { [M in AdminRpcName]: (request: AdminRequest<M>) => Promise<AdminResponse<M>> | AdminResponse<M> };

export function adminHandlers(herder: Herder, loggers: LoggerLevels | undefined): AdminHandlers {
  const statusOrNull = (name: string): ConnectorStatus | null => {
    try {
      return connectorStatusMessage(herder.connectorStatus(name));
    } catch (error) {
      if (error instanceof NotFoundError) return null; // created, but no status recorded yet
      throw error;
    }
  };
  const requireLoggers = (): LoggerLevels => {
    if (loggers === undefined) throw new AdminRequestError(grpc.status.UNIMPLEMENTED, 'This worker does not offer live log levels', 404);
    return loggers;
  };
  const requireConnector = (name: string): void => void herder.connectorConfig(name);

  return {
    GetServerInfo: () => {
      const info = herder.serverInfo();
      return { version: info.version, commit: info.commit, kafkaClusterId: info.kafka_cluster_id };
    },
    GetHealth: () => healthResponse(herder.health()),
    ListConnectors: ({ includeInfo, includeStatus }) => {
      const connectors: ConnectorListing[] = [];
      for (const name of herder.connectors()) {
        try {
          connectors.push({ name, info: includeInfo ? connectorInfoMessage(herder.connectorInfo(name)) : null, status: includeStatus ? statusOrNull(name) : null });
        } catch (error) {
          if (!(error instanceof NotFoundError)) throw error; // deleted while listing
        }
      }
      return { connectors };
    },
    GetConnector: ({ name, includeStatus }) => ({ info: connectorInfoMessage(herder.connectorInfo(name)), status: includeStatus ? statusOrNull(name) : null }),
    CreateConnector: async ({ name, config, initialState }) => {
      const trimmed = name.trim();
      checkNameKey(trimmed, config);
      return { info: connectorInfoMessage(await herder.createConnector(trimmed, { ...config }, targetStateOf(initialState))) };
    },
    PutConnectorConfig: async ({ name, config }) => {
      checkNameKey(name, config);
      const { created, info } = await herder.putConnectorConfig(name, { ...config }, true);
      return { created, info: connectorInfoMessage(info) };
    },
    PatchConnectorConfig: async ({ name, setConfig = {}, removeKeys = [] }) => {
      const both = removeKeys.filter((key) => key in setConfig);
      if (both.length > 0) throw new BadRequestError(`Keys both set and removed: ${both.join(', ')}`);
      const patch: Record<string, string | null> = { ...setConfig };
      for (const key of removeKeys) patch[key] = null;
      return { info: connectorInfoMessage(await herder.patchConnectorConfig(name, patch)) };
    },
    GetConnectorConfig: ({ name }) => ({ config: herder.connectorConfig(name) }),
    DeleteConnector: async ({ name }) => {
      await herder.deleteConnector(name);
      return {};
    },
    GetConnectorStatus: ({ name }) => ({ status: connectorStatusMessage(herder.connectorStatus(name)) }),
    GetTaskStatus: ({ name, taskId }) => ({ status: taskStatusMessage(herder.taskStatus(name, taskId)) }),
    ListTasks: ({ name }) => ({ tasks: herder.taskConfigs(name).map(taskInfoMessage) }),
    RestartConnector: async ({ name, includeTasks = false, onlyFailed = false }) => {
      const status = await herder.restartConnector(name, { includeTasks, onlyFailed });
      return { status: status === undefined ? null : connectorStatusMessage(status) };
    },
    RestartTask: async ({ name, taskId }) => {
      await herder.restartTask(name, taskId);
      return {};
    },
    PauseConnector: async ({ name }) => {
      await herder.pauseConnector(name);
      return {};
    },
    ResumeConnector: async ({ name }) => {
      await herder.resumeConnector(name);
      return {};
    },
    StopConnector: async ({ name }) => {
      await herder.stopConnector(name);
      return {};
    },
    GetConnectorOffsets: async ({ name }) => ({ offsets: offsetsMessage(await herder.connectorOffsets(name)) }),
    AlterConnectorOffsets: async ({ name, offsets }) => herder.alterConnectorOffsets(name, alterOffsetsBody(offsets)),
    ResetConnectorOffsets: ({ name }) => herder.resetConnectorOffsets(name),
    GetConnectorTopics: ({ name }) => {
      requireConnector(name);
      return { topics: herder.connectorActiveTopics(name) };
    },
    ResetConnectorTopics: ({ name }) => {
      requireConnector(name);
      herder.resetConnectorActiveTopics(name);
      return {};
    },
    ListConnectorPlugins: ({ connectorsOnly }) => ({ plugins: herder.connectorPlugins(connectorsOnly ?? true).map(pluginInfoMessage) }),
    GetConnectorPluginConfig: async ({ plugin }) => ({ configs: (await herder.connectorPluginConfig(plugin)).map(configKeyInfoMessage) }),
    ValidateConnectorConfig: async ({ plugin, config }) => {
      const pluginName = plugin || (config['connector.class'] ?? '').trim();
      return validateResponse(await herder.validateConnectorConfig(pluginName, { ...config }));
    },
    ListLoggers: () => ({ loggers: Object.entries(requireLoggers().all()).map(([logger, level]) => loggerLevelMessage(logger, level)) }),
    GetLogger: ({ logger }) => {
      const level = requireLoggers().get(logger);
      if (level === undefined) throw new NotFoundError(`Logger ${logger} not found.`);
      return { logger: loggerLevelMessage(logger, level) };
    },
    SetLoggerLevel: async ({ logger, level, scope }) => {
      const levels = requireLoggers();
      const name = enumName('LOG_LEVEL_', level, '');
      if (name === '') throw new BadRequestError('Desired log level is not specified.');
      if (logger.trim() === '') throw new BadRequestError('A logger namespace is needed.');
      if (enumName('LOGGER_SCOPE_', scope, 'WORKER') === 'CLUSTER') {
        // Every worker applies it on its own (KIP-976): no namespaces to answer, as REST's 204.
        await herder.setClusterLoggerLevel(logger, name);
        return { loggers: [] };
      }
      try {
        return { loggers: levels.set(logger, name) };
      } catch (error) {
        throw new BadRequestError((error as Error).message);
      }
    },
  };
}

/** A config's "name" key, when given, must be the connector's name (Kafka's check). */
function checkNameKey(name: string, config: Readonly<Record<string, string>>): void {
  if (config.name !== undefined && config.name !== name) {
    throw new BadRequestError(`Connector name configuration (${config.name}) doesn't match the connector name in the request (${name})`);
  }
}
