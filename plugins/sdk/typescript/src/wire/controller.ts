// go-plugin's controller service, plugin.GRPCController/Shutdown(Empty) returns (Empty): the
// host's request that a plugin process exit. Both messages are google.protobuf.Empty, which
// encodes as zero bytes, so the service is defined here without a .proto file.

import type { ServiceDefinition } from '@grpc/grpc-js';

const EMPTY = Buffer.alloc(0);

export const GRPC_CONTROLLER_SERVICE: ServiceDefinition = {
  Shutdown: {
    path: '/plugin.GRPCController/Shutdown',
    requestStream: false,
    responseStream: false,
    requestSerialize: () => EMPTY,
    requestDeserialize: () => ({}),
    responseSerialize: () => EMPTY,
    responseDeserialize: () => ({}),
  },
};
