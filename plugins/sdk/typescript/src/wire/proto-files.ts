// Loads the plugin protocol's .proto files (polyconnect.plugin.v1 and polyconnect.data.v1) with
// @grpc/proto-loader, once per process, for both the plugin side (SDK) and the host side (worker).

import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as protoLoader from '@grpc/proto-loader';

const PROTO_FILES = [
  'polyconnect/plugin/v1/plugin_service.proto',
  'polyconnect/plugin/v1/connector_service.proto',
  'polyconnect/plugin/v1/source_task_service.proto',
  'polyconnect/plugin/v1/sink_task_service.proto',
];

/**
 * Options shared by both ends: camelCase fields, int64 as JS numbers, enums as their names,
 * defaults filled in (proto3 `optional` fields stay undefined when unset), oneof names present.
 */
export const PROTO_LOADER_OPTIONS: protoLoader.Options = { longs: Number, enums: String, defaults: true, oneofs: true };

/** The directory holding polyconnect/…/*.proto: the package's own copy, else the repository's. */
export function protoRoot(): string {
  const candidates = [new URL('../../proto/', import.meta.url), new URL('../../../../../proto/', import.meta.url)];
  for (const candidate of candidates) {
    const path = fileURLToPath(candidate);
    if (existsSync(`${path}polyconnect/plugin/v1/plugin_service.proto`)) return path;
  }
  throw new Error(`Cannot find the plugin protocol's .proto files; looked in ${candidates.map((c) => fileURLToPath(c)).join(' and ')}`);
}

let packageDefinition: protoLoader.PackageDefinition | undefined;

/** The loaded package definition (service and message definitions by fully qualified name). */
export function pluginProtocolDefinition(): protoLoader.PackageDefinition {
  packageDefinition ??= protoLoader.loadSync(PROTO_FILES, { ...PROTO_LOADER_OPTIONS, includeDirs: [protoRoot()] });
  return packageDefinition;
}

export type PluginServiceName = 'PluginService' | 'ConnectorService' | 'SourceTaskService' | 'SinkTaskService';

/** The grpc-js service definition of one of the plugin protocol's services. */
export function serviceDefinition(name: PluginServiceName): protoLoader.ServiceDefinition {
  return pluginProtocolDefinition()[`polyconnect.plugin.v1.${name}`] as protoLoader.ServiceDefinition;
}
