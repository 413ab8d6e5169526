// Original file: ../../../proto/polyconnect/plugin/v1/sink_task_service.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { ClosePartitionsRequest as _polyconnect_plugin_v1_ClosePartitionsRequest, ClosePartitionsRequest__Output as _polyconnect_plugin_v1_ClosePartitionsRequest__Output } from '../../../polyconnect/plugin/v1/ClosePartitionsRequest.js';
import type { ClosePartitionsResponse as _polyconnect_plugin_v1_ClosePartitionsResponse, ClosePartitionsResponse__Output as _polyconnect_plugin_v1_ClosePartitionsResponse__Output } from '../../../polyconnect/plugin/v1/ClosePartitionsResponse.js';
import type { OpenPartitionsRequest as _polyconnect_plugin_v1_OpenPartitionsRequest, OpenPartitionsRequest__Output as _polyconnect_plugin_v1_OpenPartitionsRequest__Output } from '../../../polyconnect/plugin/v1/OpenPartitionsRequest.js';
import type { OpenPartitionsResponse as _polyconnect_plugin_v1_OpenPartitionsResponse, OpenPartitionsResponse__Output as _polyconnect_plugin_v1_OpenPartitionsResponse__Output } from '../../../polyconnect/plugin/v1/OpenPartitionsResponse.js';
import type { PreCommitRequest as _polyconnect_plugin_v1_PreCommitRequest, PreCommitRequest__Output as _polyconnect_plugin_v1_PreCommitRequest__Output } from '../../../polyconnect/plugin/v1/PreCommitRequest.js';
import type { PreCommitResponse as _polyconnect_plugin_v1_PreCommitResponse, PreCommitResponse__Output as _polyconnect_plugin_v1_PreCommitResponse__Output } from '../../../polyconnect/plugin/v1/PreCommitResponse.js';
import type { PutRequest as _polyconnect_plugin_v1_PutRequest, PutRequest__Output as _polyconnect_plugin_v1_PutRequest__Output } from '../../../polyconnect/plugin/v1/PutRequest.js';
import type { PutResponse as _polyconnect_plugin_v1_PutResponse, PutResponse__Output as _polyconnect_plugin_v1_PutResponse__Output } from '../../../polyconnect/plugin/v1/PutResponse.js';
import type { StartSinkTaskRequest as _polyconnect_plugin_v1_StartSinkTaskRequest, StartSinkTaskRequest__Output as _polyconnect_plugin_v1_StartSinkTaskRequest__Output } from '../../../polyconnect/plugin/v1/StartSinkTaskRequest.js';
import type { StartSinkTaskResponse as _polyconnect_plugin_v1_StartSinkTaskResponse, StartSinkTaskResponse__Output as _polyconnect_plugin_v1_StartSinkTaskResponse__Output } from '../../../polyconnect/plugin/v1/StartSinkTaskResponse.js';
import type { StopSinkTaskRequest as _polyconnect_plugin_v1_StopSinkTaskRequest, StopSinkTaskRequest__Output as _polyconnect_plugin_v1_StopSinkTaskRequest__Output } from '../../../polyconnect/plugin/v1/StopSinkTaskRequest.js';
import type { StopSinkTaskResponse as _polyconnect_plugin_v1_StopSinkTaskResponse, StopSinkTaskResponse__Output as _polyconnect_plugin_v1_StopSinkTaskResponse__Output } from '../../../polyconnect/plugin/v1/StopSinkTaskResponse.js';

export interface SinkTaskServiceClient extends grpc.Client {
  ClosePartitions(argument: _polyconnect_plugin_v1_ClosePartitionsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_polyconnect_plugin_v1_ClosePartitionsResponse__Output>): grpc.ClientUnaryCall;
  ClosePartitions(argument: _polyconnect_plugin_v1_ClosePartitionsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_polyconnect_plugin_v1_ClosePartitionsResponse__Output>): grpc.ClientUnaryCall;
  ClosePartitions(argument: _polyconnect_plugin_v1_ClosePartitionsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_polyconnect_plugin_v1_ClosePartitionsResponse__Output>): grpc.ClientUnaryCall;
  ClosePartitions(argument: _polyconnect_plugin_v1_ClosePartitionsRequest, callback: grpc.requestCallback<_polyconnect_plugin_v1_ClosePartitionsResponse__Output>): grpc.ClientUnaryCall;
  closePartitions(argument: _polyconnect_plugin_v1_ClosePartitionsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_polyconnect_plugin_v1_ClosePartitionsResponse__Output>): grpc.ClientUnaryCall;
  closePartitions(argument: _polyconnect_plugin_v1_ClosePartitionsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_polyconnect_plugin_v1_ClosePartitionsResponse__Output>): grpc.ClientUnaryCall;
  closePartitions(argument: _polyconnect_plugin_v1_ClosePartitionsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_polyconnect_plugin_v1_ClosePartitionsResponse__Output>): grpc.ClientUnaryCall;
  closePartitions(argument: _polyconnect_plugin_v1_ClosePartitionsRequest, callback: grpc.requestCallback<_polyconnect_plugin_v1_ClosePartitionsResponse__Output>): grpc.ClientUnaryCall;
  
  OpenPartitions(argument: _polyconnect_plugin_v1_OpenPartitionsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_polyconnect_plugin_v1_OpenPartitionsResponse__Output>): grpc.ClientUnaryCall;
  OpenPartitions(argument: _polyconnect_plugin_v1_OpenPartitionsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_polyconnect_plugin_v1_OpenPartitionsResponse__Output>): grpc.ClientUnaryCall;
  OpenPartitions(argument: _polyconnect_plugin_v1_OpenPartitionsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_polyconnect_plugin_v1_OpenPartitionsResponse__Output>): grpc.ClientUnaryCall;
  OpenPartitions(argument: _polyconnect_plugin_v1_OpenPartitionsRequest, callback: grpc.requestCallback<_polyconnect_plugin_v1_OpenPartitionsResponse__Output>): grpc.ClientUnaryCall;
  openPartitions(argument: _polyconnect_plugin_v1_OpenPartitionsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_polyconnect_plugin_v1_OpenPartitionsResponse__Output>): grpc.ClientUnaryCall;
  openPartitions(argument: _polyconnect_plugin_v1_OpenPartitionsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_polyconnect_plugin_v1_OpenPartitionsResponse__Output>): grpc.ClientUnaryCall;
  openPartitions(argument: _polyconnect_plugin_v1_OpenPartitionsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_polyconnect_plugin_v1_OpenPartitionsResponse__Output>): grpc.ClientUnaryCall;
  openPartitions(argument: _polyconnect_plugin_v1_OpenPartitionsRequest, callback: grpc.requestCallback<_polyconnect_plugin_v1_OpenPartitionsResponse__Output>): grpc.ClientUnaryCall;
  
  PreCommit(argument: _polyconnect_plugin_v1_PreCommitRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_polyconnect_plugin_v1_PreCommitResponse__Output>): grpc.ClientUnaryCall;
  PreCommit(argument: _polyconnect_plugin_v1_PreCommitRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_polyconnect_plugin_v1_PreCommitResponse__Output>): grpc.ClientUnaryCall;
  PreCommit(argument: _polyconnect_plugin_v1_PreCommitRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_polyconnect_plugin_v1_PreCommitResponse__Output>): grpc.ClientUnaryCall;
  PreCommit(argument: _polyconnect_plugin_v1_PreCommitRequest, callback: grpc.requestCallback<_polyconnect_plugin_v1_PreCommitResponse__Output>): grpc.ClientUnaryCall;
  preCommit(argument: _polyconnect_plugin_v1_PreCommitRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_polyconnect_plugin_v1_PreCommitResponse__Output>): grpc.ClientUnaryCall;
  preCommit(argument: _polyconnect_plugin_v1_PreCommitRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_polyconnect_plugin_v1_PreCommitResponse__Output>): grpc.ClientUnaryCall;
  preCommit(argument: _polyconnect_plugin_v1_PreCommitRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_polyconnect_plugin_v1_PreCommitResponse__Output>): grpc.ClientUnaryCall;
  preCommit(argument: _polyconnect_plugin_v1_PreCommitRequest, callback: grpc.requestCallback<_polyconnect_plugin_v1_PreCommitResponse__Output>): grpc.ClientUnaryCall;
  
  Put(argument: _polyconnect_plugin_v1_PutRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_polyconnect_plugin_v1_PutResponse__Output>): grpc.ClientUnaryCall;
  Put(argument: _polyconnect_plugin_v1_PutRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_polyconnect_plugin_v1_PutResponse__Output>): grpc.ClientUnaryCall;
  Put(argument: _polyconnect_plugin_v1_PutRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_polyconnect_plugin_v1_PutResponse__Output>): grpc.ClientUnaryCall;
  Put(argument: _polyconnect_plugin_v1_PutRequest, callback: grpc.requestCallback<_polyconnect_plugin_v1_PutResponse__Output>): grpc.ClientUnaryCall;
  put(argument: _polyconnect_plugin_v1_PutRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_polyconnect_plugin_v1_PutResponse__Output>): grpc.ClientUnaryCall;
  put(argument: _polyconnect_plugin_v1_PutRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_polyconnect_plugin_v1_PutResponse__Output>): grpc.ClientUnaryCall;
  put(argument: _polyconnect_plugin_v1_PutRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_polyconnect_plugin_v1_PutResponse__Output>): grpc.ClientUnaryCall;
  put(argument: _polyconnect_plugin_v1_PutRequest, callback: grpc.requestCallback<_polyconnect_plugin_v1_PutResponse__Output>): grpc.ClientUnaryCall;
  
  StartSinkTask(argument: _polyconnect_plugin_v1_StartSinkTaskRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_polyconnect_plugin_v1_StartSinkTaskResponse__Output>): grpc.ClientUnaryCall;
  StartSinkTask(argument: _polyconnect_plugin_v1_StartSinkTaskRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_polyconnect_plugin_v1_StartSinkTaskResponse__Output>): grpc.ClientUnaryCall;
  StartSinkTask(argument: _polyconnect_plugin_v1_StartSinkTaskRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_polyconnect_plugin_v1_StartSinkTaskResponse__Output>): grpc.ClientUnaryCall;
  StartSinkTask(argument: _polyconnect_plugin_v1_StartSinkTaskRequest, callback: grpc.requestCallback<_polyconnect_plugin_v1_StartSinkTaskResponse__Output>): grpc.ClientUnaryCall;
  startSinkTask(argument: _polyconnect_plugin_v1_StartSinkTaskRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_polyconnect_plugin_v1_StartSinkTaskResponse__Output>): grpc.ClientUnaryCall;
  startSinkTask(argument: _polyconnect_plugin_v1_StartSinkTaskRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_polyconnect_plugin_v1_StartSinkTaskResponse__Output>): grpc.ClientUnaryCall;
  startSinkTask(argument: _polyconnect_plugin_v1_StartSinkTaskRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_polyconnect_plugin_v1_StartSinkTaskResponse__Output>): grpc.ClientUnaryCall;
  startSinkTask(argument: _polyconnect_plugin_v1_StartSinkTaskRequest, callback: grpc.requestCallback<_polyconnect_plugin_v1_StartSinkTaskResponse__Output>): grpc.ClientUnaryCall;
  
  StopSinkTask(argument: _polyconnect_plugin_v1_StopSinkTaskRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_polyconnect_plugin_v1_StopSinkTaskResponse__Output>): grpc.ClientUnaryCall;
  StopSinkTask(argument: _polyconnect_plugin_v1_StopSinkTaskRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_polyconnect_plugin_v1_StopSinkTaskResponse__Output>): grpc.ClientUnaryCall;
  StopSinkTask(argument: _polyconnect_plugin_v1_StopSinkTaskRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_polyconnect_plugin_v1_StopSinkTaskResponse__Output>): grpc.ClientUnaryCall;
  StopSinkTask(argument: _polyconnect_plugin_v1_StopSinkTaskRequest, callback: grpc.requestCallback<_polyconnect_plugin_v1_StopSinkTaskResponse__Output>): grpc.ClientUnaryCall;
  stopSinkTask(argument: _polyconnect_plugin_v1_StopSinkTaskRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_polyconnect_plugin_v1_StopSinkTaskResponse__Output>): grpc.ClientUnaryCall;
  stopSinkTask(argument: _polyconnect_plugin_v1_StopSinkTaskRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_polyconnect_plugin_v1_StopSinkTaskResponse__Output>): grpc.ClientUnaryCall;
  stopSinkTask(argument: _polyconnect_plugin_v1_StopSinkTaskRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_polyconnect_plugin_v1_StopSinkTaskResponse__Output>): grpc.ClientUnaryCall;
  stopSinkTask(argument: _polyconnect_plugin_v1_StopSinkTaskRequest, callback: grpc.requestCallback<_polyconnect_plugin_v1_StopSinkTaskResponse__Output>): grpc.ClientUnaryCall;
  
}

export interface SinkTaskServiceHandlers extends grpc.UntypedServiceImplementation {
  ClosePartitions: grpc.handleUnaryCall<_polyconnect_plugin_v1_ClosePartitionsRequest__Output, _polyconnect_plugin_v1_ClosePartitionsResponse>;
  
  OpenPartitions: grpc.handleUnaryCall<_polyconnect_plugin_v1_OpenPartitionsRequest__Output, _polyconnect_plugin_v1_OpenPartitionsResponse>;
  
  PreCommit: grpc.handleUnaryCall<_polyconnect_plugin_v1_PreCommitRequest__Output, _polyconnect_plugin_v1_PreCommitResponse>;
  
  Put: grpc.handleUnaryCall<_polyconnect_plugin_v1_PutRequest__Output, _polyconnect_plugin_v1_PutResponse>;
  
  StartSinkTask: grpc.handleUnaryCall<_polyconnect_plugin_v1_StartSinkTaskRequest__Output, _polyconnect_plugin_v1_StartSinkTaskResponse>;
  
  StopSinkTask: grpc.handleUnaryCall<_polyconnect_plugin_v1_StopSinkTaskRequest__Output, _polyconnect_plugin_v1_StopSinkTaskResponse>;
  
}

export interface SinkTaskServiceDefinition extends grpc.ServiceDefinition {
  ClosePartitions: MethodDefinition<_polyconnect_plugin_v1_ClosePartitionsRequest, _polyconnect_plugin_v1_ClosePartitionsResponse, _polyconnect_plugin_v1_ClosePartitionsRequest__Output, _polyconnect_plugin_v1_ClosePartitionsResponse__Output>
  OpenPartitions: MethodDefinition<_polyconnect_plugin_v1_OpenPartitionsRequest, _polyconnect_plugin_v1_OpenPartitionsResponse, _polyconnect_plugin_v1_OpenPartitionsRequest__Output, _polyconnect_plugin_v1_OpenPartitionsResponse__Output>
  PreCommit: MethodDefinition<_polyconnect_plugin_v1_PreCommitRequest, _polyconnect_plugin_v1_PreCommitResponse, _polyconnect_plugin_v1_PreCommitRequest__Output, _polyconnect_plugin_v1_PreCommitResponse__Output>
  Put: MethodDefinition<_polyconnect_plugin_v1_PutRequest, _polyconnect_plugin_v1_PutResponse, _polyconnect_plugin_v1_PutRequest__Output, _polyconnect_plugin_v1_PutResponse__Output>
  StartSinkTask: MethodDefinition<_polyconnect_plugin_v1_StartSinkTaskRequest, _polyconnect_plugin_v1_StartSinkTaskResponse, _polyconnect_plugin_v1_StartSinkTaskRequest__Output, _polyconnect_plugin_v1_StartSinkTaskResponse__Output>
  StopSinkTask: MethodDefinition<_polyconnect_plugin_v1_StopSinkTaskRequest, _polyconnect_plugin_v1_StopSinkTaskResponse, _polyconnect_plugin_v1_StopSinkTaskRequest__Output, _polyconnect_plugin_v1_StopSinkTaskResponse__Output>
}
