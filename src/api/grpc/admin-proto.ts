// Loads the admin API's .proto files (polyconnect.admin.v1) with @grpc/proto-loader, once per
// process, for both ends: the AdminServer and the CLI's AdminClient. The messages decode to the
// shapes declared in admin-messages.ts.

import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import { protoPath as healthProtoPath } from 'grpc-health-check';

export const ADMIN_SERVICE_NAME = 'polyconnect.admin.v1.AdminService';

const ADMIN_PROTO_FILES = ['polyconnect/admin/v1/admin_service.proto'];

/**
 * camelCase fields, int64 as JS numbers, enums as their names, defaults filled in: an unset
 * message field decodes as null, an unset proto3 `optional` scalar and an unset oneof member as
 * undefined. No oneof discriminator properties (they would show as `_field` keys).
 */
export const ADMIN_PROTO_LOADER_OPTIONS: protoLoader.Options = { longs: Number, enums: String, defaults: true, oneofs: false };

/** The repository's proto/ directory (from src/api/grpc and from dist/api/grpc alike). */
export function adminProtoRoot(): string {
  const path = fileURLToPath(new URL('../../../proto/', import.meta.url));
  if (!existsSync(`${path}polyconnect/admin/v1/admin_service.proto`)) throw new Error(`Cannot find the admin API's .proto files in ${path}`);
  return path;
}

let definition: protoLoader.PackageDefinition | undefined;
let reflectionDefinition: protoLoader.PackageDefinition | undefined;

/** polyconnect.admin.v1 (with the google.protobuf types it uses). */
export function adminProtoDefinition(): protoLoader.PackageDefinition {
  definition ??= protoLoader.loadSync(ADMIN_PROTO_FILES, { ...ADMIN_PROTO_LOADER_OPTIONS, includeDirs: [adminProtoRoot()] });
  return definition;
}

/** What server reflection describes: the admin API and grpc.health.v1. */
export function reflectedProtoDefinition(): protoLoader.PackageDefinition {
  reflectionDefinition ??= protoLoader.loadSync([...ADMIN_PROTO_FILES, healthProtoPath], { ...ADMIN_PROTO_LOADER_OPTIONS, includeDirs: [adminProtoRoot()] });
  return reflectionDefinition;
}

export function adminServiceDefinition(): grpc.ServiceDefinition {
  return adminProtoDefinition()[ADMIN_SERVICE_NAME] as grpc.ServiceDefinition;
}

export type AdminClientConstructor = new (address: string, credentials: grpc.ChannelCredentials, options?: grpc.ClientOptions) => grpc.Client;

/** The generic client class for AdminService (methods by their RPC names). */
export function adminClientConstructor(): AdminClientConstructor {
  return grpc.makeGenericClientConstructor(adminServiceDefinition(), 'AdminService') as unknown as AdminClientConstructor;
}
