// Plugin-side handlers of PluginService (Describe) and ConnectorService: connector instances from
// StartConnector to StopConnector, their task configs, and their event stream to the worker.

import type { ServerWritableStream, UntypedServiceImplementation } from '@grpc/grpc-js';
import type { ConnectorContext } from '../connector.js';
import { errorDetailsOf, statusForError, toErrorInfo } from '../wire/error-info.js';
import type { GetTaskConfigsRequest__Output } from '../wire/generated/polyconnect/plugin/v1/GetTaskConfigsRequest.js';
import type { GetTaskConfigsResponse } from '../wire/generated/polyconnect/plugin/v1/GetTaskConfigsResponse.js';
import type { DescribeResponse } from '../wire/generated/polyconnect/plugin/v1/DescribeResponse.js';
import type { StartConnectorRequest__Output } from '../wire/generated/polyconnect/plugin/v1/StartConnectorRequest.js';
import type { StopConnectorRequest__Output } from '../wire/generated/polyconnect/plugin/v1/StopConnectorRequest.js';
import type { ValidateConfigRequest__Output } from '../wire/generated/polyconnect/plugin/v1/ValidateConfigRequest.js';
import type { ValidateConfigResponse } from '../wire/generated/polyconnect/plugin/v1/ValidateConfigResponse.js';
import type { WatchConnectorEventsRequest__Output } from '../wire/generated/polyconnect/plugin/v1/WatchConnectorEventsRequest.js';
import type { WatchConnectorEventsResponse } from '../wire/generated/polyconnect/plugin/v1/WatchConnectorEventsResponse.js';
import { type ClassRegistry, classNameOf } from './class-registry.js';
import { toProtoConfigKey, toProtoConfigValue } from './config-messages.js';
import type { ConnectorInstance, Instances } from './instances.js';
import type { Logger } from './logger.js';
import { unary } from './unary.js';

export function pluginServiceHandlers(plugin: { name: string; version: string }, registry: ClassRegistry): UntypedServiceImplementation {
  return {
    Describe: unary(
      async (): Promise<DescribeResponse> => ({
        name: plugin.name,
        version: plugin.version,
        connectors: registry.connectors.map((type) => {
          const connector = new type();
          return {
            className: classNameOf(type),
            aliases: [...(type.aliases ?? [])],
            type: connector.type === 'source' ? 'CONNECTOR_TYPE_SOURCE' : 'CONNECTOR_TYPE_SINK',
            version: connector.version(),
            configKeys: connector.config().keys().map(toProtoConfigKey),
          };
        }),
      }),
    ),
  };
}

export function connectorServiceHandlers(instances: Instances, registry: ClassRegistry, log: Logger): UntypedServiceImplementation {
  return {
    ValidateConfig: unary(async (request: ValidateConfigRequest__Output): Promise<ValidateConfigResponse> => {
      const connector = registry.newConnector(request.connectorClass);
      const results = await connector.validate(request.config);
      return { values: results.map(toProtoConfigValue) };
    }),

    StartConnector: unary(async (request: StartConnectorRequest__Output) => {
      const connector = registry.newConnector(request.connectorClass);
      const instance: ConnectorInstance = { kind: 'connector', connector, pendingEvents: [], eventStream: undefined };
      connector.initialize(connectorContext(instance, log.child({ connector: request.connectorName })));
      instances.add(request.instanceId, instance);
      try {
        await connector.start(request.config);
      } catch (error) {
        instances.remove(request.instanceId);
        throw error;
      }
      return { version: connector.version() };
    }),

    GetTaskConfigs: unary(async (request: GetTaskConfigsRequest__Output): Promise<GetTaskConfigsResponse> => {
      const { connector } = instances.connector(request.instanceId);
      const configs = await connector.taskConfigs(request.maxTasks);
      return { taskClass: classNameOf(connector.taskClass()), taskConfigs: configs.map((config) => ({ config: { ...config } })) };
    }),

    StopConnector: unary(async (request: StopConnectorRequest__Output) => {
      const instance = instances.connector(request.instanceId);
      instances.remove(request.instanceId);
      try {
        await instance.connector.stop();
      } finally {
        instance.eventStream?.end();
      }
      return {};
    }),

    WatchConnectorEvents: (call: ServerWritableStream<WatchConnectorEventsRequest__Output, WatchConnectorEventsResponse>) => {
      let instance: ConnectorInstance;
      try {
        instance = instances.connector(call.request.instanceId);
      } catch (error) {
        call.emit('error', statusForError(error));
        return;
      }
      instance.eventStream = call;
      for (const event of instance.pendingEvents.splice(0)) call.write(event);
      call.on('cancelled', () => {
        if (instance.eventStream === call) instance.eventStream = undefined;
      });
    },
  };
}

function connectorContext(instance: ConnectorInstance, log: Logger): ConnectorContext {
  const emit = (event: WatchConnectorEventsResponse): void => {
    if (instance.eventStream) instance.eventStream.write(event);
    else instance.pendingEvents.push(event);
  };
  return {
    requestTaskReconfiguration: () => emit({ requestTaskReconfiguration: {} }),
    raiseError: (error) => {
      log.error('Connector raised an error', { error });
      emit({ error: toErrorInfo(errorDetailsOf(error)) });
    },
  };
}
