// Original file: ../../../proto/polyconnect/plugin/v1/connector_service.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { GetTaskConfigsRequest as _polyconnect_plugin_v1_GetTaskConfigsRequest, GetTaskConfigsRequest__Output as _polyconnect_plugin_v1_GetTaskConfigsRequest__Output } from '../../../polyconnect/plugin/v1/GetTaskConfigsRequest.js';
import type { GetTaskConfigsResponse as _polyconnect_plugin_v1_GetTaskConfigsResponse, GetTaskConfigsResponse__Output as _polyconnect_plugin_v1_GetTaskConfigsResponse__Output } from '../../../polyconnect/plugin/v1/GetTaskConfigsResponse.js';
import type { StartConnectorRequest as _polyconnect_plugin_v1_StartConnectorRequest, StartConnectorRequest__Output as _polyconnect_plugin_v1_StartConnectorRequest__Output } from '../../../polyconnect/plugin/v1/StartConnectorRequest.js';
import type { StartConnectorResponse as _polyconnect_plugin_v1_StartConnectorResponse, StartConnectorResponse__Output as _polyconnect_plugin_v1_StartConnectorResponse__Output } from '../../../polyconnect/plugin/v1/StartConnectorResponse.js';
import type { StopConnectorRequest as _polyconnect_plugin_v1_StopConnectorRequest, StopConnectorRequest__Output as _polyconnect_plugin_v1_StopConnectorRequest__Output } from '../../../polyconnect/plugin/v1/StopConnectorRequest.js';
import type { StopConnectorResponse as _polyconnect_plugin_v1_StopConnectorResponse, StopConnectorResponse__Output as _polyconnect_plugin_v1_StopConnectorResponse__Output } from '../../../polyconnect/plugin/v1/StopConnectorResponse.js';
import type { ValidateConfigRequest as _polyconnect_plugin_v1_ValidateConfigRequest, ValidateConfigRequest__Output as _polyconnect_plugin_v1_ValidateConfigRequest__Output } from '../../../polyconnect/plugin/v1/ValidateConfigRequest.js';
import type { ValidateConfigResponse as _polyconnect_plugin_v1_ValidateConfigResponse, ValidateConfigResponse__Output as _polyconnect_plugin_v1_ValidateConfigResponse__Output } from '../../../polyconnect/plugin/v1/ValidateConfigResponse.js';
import type { WatchConnectorEventsRequest as _polyconnect_plugin_v1_WatchConnectorEventsRequest, WatchConnectorEventsRequest__Output as _polyconnect_plugin_v1_WatchConnectorEventsRequest__Output } from '../../../polyconnect/plugin/v1/WatchConnectorEventsRequest.js';
import type { WatchConnectorEventsResponse as _polyconnect_plugin_v1_WatchConnectorEventsResponse, WatchConnectorEventsResponse__Output as _polyconnect_plugin_v1_WatchConnectorEventsResponse__Output } from '../../../polyconnect/plugin/v1/WatchConnectorEventsResponse.js';

export interface ConnectorServiceClient extends grpc.Client {
  GetTaskConfigs(argument: _polyconnect_plugin_v1_GetTaskConfigsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_polyconnect_plugin_v1_GetTaskConfigsResponse__Output>): grpc.ClientUnaryCall;
  GetTaskConfigs(argument: _polyconnect_plugin_v1_GetTaskConfigsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_polyconnect_plugin_v1_GetTaskConfigsResponse__Output>): grpc.ClientUnaryCall;
  GetTaskConfigs(argument: _polyconnect_plugin_v1_GetTaskConfigsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_polyconnect_plugin_v1_GetTaskConfigsResponse__Output>): grpc.ClientUnaryCall;
  GetTaskConfigs(argument: _polyconnect_plugin_v1_GetTaskConfigsRequest, callback: grpc.requestCallback<_polyconnect_plugin_v1_GetTaskConfigsResponse__Output>): grpc.ClientUnaryCall;
  getTaskConfigs(argument: _polyconnect_plugin_v1_GetTaskConfigsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_polyconnect_plugin_v1_GetTaskConfigsResponse__Output>): grpc.ClientUnaryCall;
  getTaskConfigs(argument: _polyconnect_plugin_v1_GetTaskConfigsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_polyconnect_plugin_v1_GetTaskConfigsResponse__Output>): grpc.ClientUnaryCall;
  getTaskConfigs(argument: _polyconnect_plugin_v1_GetTaskConfigsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_polyconnect_plugin_v1_GetTaskConfigsResponse__Output>): grpc.ClientUnaryCall;
  getTaskConfigs(argument: _polyconnect_plugin_v1_GetTaskConfigsRequest, callback: grpc.requestCallback<_polyconnect_plugin_v1_GetTaskConfigsResponse__Output>): grpc.ClientUnaryCall;
  
  StartConnector(argument: _polyconnect_plugin_v1_StartConnectorRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_polyconnect_plugin_v1_StartConnectorResponse__Output>): grpc.ClientUnaryCall;
  StartConnector(argument: _polyconnect_plugin_v1_StartConnectorRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_polyconnect_plugin_v1_StartConnectorResponse__Output>): grpc.ClientUnaryCall;
  StartConnector(argument: _polyconnect_plugin_v1_StartConnectorRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_polyconnect_plugin_v1_StartConnectorResponse__Output>): grpc.ClientUnaryCall;
  StartConnector(argument: _polyconnect_plugin_v1_StartConnectorRequest, callback: grpc.requestCallback<_polyconnect_plugin_v1_StartConnectorResponse__Output>): grpc.ClientUnaryCall;
  startConnector(argument: _polyconnect_plugin_v1_StartConnectorRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_polyconnect_plugin_v1_StartConnectorResponse__Output>): grpc.ClientUnaryCall;
  startConnector(argument: _polyconnect_plugin_v1_StartConnectorRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_polyconnect_plugin_v1_StartConnectorResponse__Output>): grpc.ClientUnaryCall;
  startConnector(argument: _polyconnect_plugin_v1_StartConnectorRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_polyconnect_plugin_v1_StartConnectorResponse__Output>): grpc.ClientUnaryCall;
  startConnector(argument: _polyconnect_plugin_v1_StartConnectorRequest, callback: grpc.requestCallback<_polyconnect_plugin_v1_StartConnectorResponse__Output>): grpc.ClientUnaryCall;
  
  StopConnector(argument: _polyconnect_plugin_v1_StopConnectorRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_polyconnect_plugin_v1_StopConnectorResponse__Output>): grpc.ClientUnaryCall;
  StopConnector(argument: _polyconnect_plugin_v1_StopConnectorRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_polyconnect_plugin_v1_StopConnectorResponse__Output>): grpc.ClientUnaryCall;
  StopConnector(argument: _polyconnect_plugin_v1_StopConnectorRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_polyconnect_plugin_v1_StopConnectorResponse__Output>): grpc.ClientUnaryCall;
  StopConnector(argument: _polyconnect_plugin_v1_StopConnectorRequest, callback: grpc.requestCallback<_polyconnect_plugin_v1_StopConnectorResponse__Output>): grpc.ClientUnaryCall;
  stopConnector(argument: _polyconnect_plugin_v1_StopConnectorRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_polyconnect_plugin_v1_StopConnectorResponse__Output>): grpc.ClientUnaryCall;
  stopConnector(argument: _polyconnect_plugin_v1_StopConnectorRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_polyconnect_plugin_v1_StopConnectorResponse__Output>): grpc.ClientUnaryCall;
  stopConnector(argument: _polyconnect_plugin_v1_StopConnectorRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_polyconnect_plugin_v1_StopConnectorResponse__Output>): grpc.ClientUnaryCall;
  stopConnector(argument: _polyconnect_plugin_v1_StopConnectorRequest, callback: grpc.requestCallback<_polyconnect_plugin_v1_StopConnectorResponse__Output>): grpc.ClientUnaryCall;
  
  ValidateConfig(argument: _polyconnect_plugin_v1_ValidateConfigRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_polyconnect_plugin_v1_ValidateConfigResponse__Output>): grpc.ClientUnaryCall;
  ValidateConfig(argument: _polyconnect_plugin_v1_ValidateConfigRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_polyconnect_plugin_v1_ValidateConfigResponse__Output>): grpc.ClientUnaryCall;
  ValidateConfig(argument: _polyconnect_plugin_v1_ValidateConfigRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_polyconnect_plugin_v1_ValidateConfigResponse__Output>): grpc.ClientUnaryCall;
  ValidateConfig(argument: _polyconnect_plugin_v1_ValidateConfigRequest, callback: grpc.requestCallback<_polyconnect_plugin_v1_ValidateConfigResponse__Output>): grpc.ClientUnaryCall;
  validateConfig(argument: _polyconnect_plugin_v1_ValidateConfigRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_polyconnect_plugin_v1_ValidateConfigResponse__Output>): grpc.ClientUnaryCall;
  validateConfig(argument: _polyconnect_plugin_v1_ValidateConfigRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_polyconnect_plugin_v1_ValidateConfigResponse__Output>): grpc.ClientUnaryCall;
  validateConfig(argument: _polyconnect_plugin_v1_ValidateConfigRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_polyconnect_plugin_v1_ValidateConfigResponse__Output>): grpc.ClientUnaryCall;
  validateConfig(argument: _polyconnect_plugin_v1_ValidateConfigRequest, callback: grpc.requestCallback<_polyconnect_plugin_v1_ValidateConfigResponse__Output>): grpc.ClientUnaryCall;
  
  WatchConnectorEvents(argument: _polyconnect_plugin_v1_WatchConnectorEventsRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_polyconnect_plugin_v1_WatchConnectorEventsResponse__Output>;
  WatchConnectorEvents(argument: _polyconnect_plugin_v1_WatchConnectorEventsRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_polyconnect_plugin_v1_WatchConnectorEventsResponse__Output>;
  watchConnectorEvents(argument: _polyconnect_plugin_v1_WatchConnectorEventsRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_polyconnect_plugin_v1_WatchConnectorEventsResponse__Output>;
  watchConnectorEvents(argument: _polyconnect_plugin_v1_WatchConnectorEventsRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_polyconnect_plugin_v1_WatchConnectorEventsResponse__Output>;
  
}

export interface ConnectorServiceHandlers extends grpc.UntypedServiceImplementation {
  GetTaskConfigs: grpc.handleUnaryCall<_polyconnect_plugin_v1_GetTaskConfigsRequest__Output, _polyconnect_plugin_v1_GetTaskConfigsResponse>;
  
  StartConnector: grpc.handleUnaryCall<_polyconnect_plugin_v1_StartConnectorRequest__Output, _polyconnect_plugin_v1_StartConnectorResponse>;
  
  StopConnector: grpc.handleUnaryCall<_polyconnect_plugin_v1_StopConnectorRequest__Output, _polyconnect_plugin_v1_StopConnectorResponse>;
  
  ValidateConfig: grpc.handleUnaryCall<_polyconnect_plugin_v1_ValidateConfigRequest__Output, _polyconnect_plugin_v1_ValidateConfigResponse>;
  
  WatchConnectorEvents: grpc.handleServerStreamingCall<_polyconnect_plugin_v1_WatchConnectorEventsRequest__Output, _polyconnect_plugin_v1_WatchConnectorEventsResponse>;
  
}

export interface ConnectorServiceDefinition extends grpc.ServiceDefinition {
  GetTaskConfigs: MethodDefinition<_polyconnect_plugin_v1_GetTaskConfigsRequest, _polyconnect_plugin_v1_GetTaskConfigsResponse, _polyconnect_plugin_v1_GetTaskConfigsRequest__Output, _polyconnect_plugin_v1_GetTaskConfigsResponse__Output>
  StartConnector: MethodDefinition<_polyconnect_plugin_v1_StartConnectorRequest, _polyconnect_plugin_v1_StartConnectorResponse, _polyconnect_plugin_v1_StartConnectorRequest__Output, _polyconnect_plugin_v1_StartConnectorResponse__Output>
  StopConnector: MethodDefinition<_polyconnect_plugin_v1_StopConnectorRequest, _polyconnect_plugin_v1_StopConnectorResponse, _polyconnect_plugin_v1_StopConnectorRequest__Output, _polyconnect_plugin_v1_StopConnectorResponse__Output>
  ValidateConfig: MethodDefinition<_polyconnect_plugin_v1_ValidateConfigRequest, _polyconnect_plugin_v1_ValidateConfigResponse, _polyconnect_plugin_v1_ValidateConfigRequest__Output, _polyconnect_plugin_v1_ValidateConfigResponse__Output>
  WatchConnectorEvents: MethodDefinition<_polyconnect_plugin_v1_WatchConnectorEventsRequest, _polyconnect_plugin_v1_WatchConnectorEventsResponse, _polyconnect_plugin_v1_WatchConnectorEventsRequest__Output, _polyconnect_plugin_v1_WatchConnectorEventsResponse__Output>
}
