// Original file: ../../../proto/polyconnect/plugin/v1/plugin_service.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { DescribeRequest as _polyconnect_plugin_v1_DescribeRequest, DescribeRequest__Output as _polyconnect_plugin_v1_DescribeRequest__Output } from '../../../polyconnect/plugin/v1/DescribeRequest.js';
import type { DescribeResponse as _polyconnect_plugin_v1_DescribeResponse, DescribeResponse__Output as _polyconnect_plugin_v1_DescribeResponse__Output } from '../../../polyconnect/plugin/v1/DescribeResponse.js';

export interface PluginServiceClient extends grpc.Client {
  Describe(argument: _polyconnect_plugin_v1_DescribeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_polyconnect_plugin_v1_DescribeResponse__Output>): grpc.ClientUnaryCall;
  Describe(argument: _polyconnect_plugin_v1_DescribeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_polyconnect_plugin_v1_DescribeResponse__Output>): grpc.ClientUnaryCall;
  Describe(argument: _polyconnect_plugin_v1_DescribeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_polyconnect_plugin_v1_DescribeResponse__Output>): grpc.ClientUnaryCall;
  Describe(argument: _polyconnect_plugin_v1_DescribeRequest, callback: grpc.requestCallback<_polyconnect_plugin_v1_DescribeResponse__Output>): grpc.ClientUnaryCall;
  describe(argument: _polyconnect_plugin_v1_DescribeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_polyconnect_plugin_v1_DescribeResponse__Output>): grpc.ClientUnaryCall;
  describe(argument: _polyconnect_plugin_v1_DescribeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_polyconnect_plugin_v1_DescribeResponse__Output>): grpc.ClientUnaryCall;
  describe(argument: _polyconnect_plugin_v1_DescribeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_polyconnect_plugin_v1_DescribeResponse__Output>): grpc.ClientUnaryCall;
  describe(argument: _polyconnect_plugin_v1_DescribeRequest, callback: grpc.requestCallback<_polyconnect_plugin_v1_DescribeResponse__Output>): grpc.ClientUnaryCall;
  
}

export interface PluginServiceHandlers extends grpc.UntypedServiceImplementation {
  Describe: grpc.handleUnaryCall<_polyconnect_plugin_v1_DescribeRequest__Output, _polyconnect_plugin_v1_DescribeResponse>;
  
}

export interface PluginServiceDefinition extends grpc.ServiceDefinition {
  Describe: MethodDefinition<_polyconnect_plugin_v1_DescribeRequest, _polyconnect_plugin_v1_DescribeResponse, _polyconnect_plugin_v1_DescribeRequest__Output, _polyconnect_plugin_v1_DescribeResponse__Output>
}
