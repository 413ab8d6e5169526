// Original file: ../../../proto/polyconnect/plugin/v1/source_task_service.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { CommitRequest as _polyconnect_plugin_v1_CommitRequest, CommitRequest__Output as _polyconnect_plugin_v1_CommitRequest__Output } from '../../../polyconnect/plugin/v1/CommitRequest.js';
import type { CommitResponse as _polyconnect_plugin_v1_CommitResponse, CommitResponse__Output as _polyconnect_plugin_v1_CommitResponse__Output } from '../../../polyconnect/plugin/v1/CommitResponse.js';
import type { PollRequest as _polyconnect_plugin_v1_PollRequest, PollRequest__Output as _polyconnect_plugin_v1_PollRequest__Output } from '../../../polyconnect/plugin/v1/PollRequest.js';
import type { PollResponse as _polyconnect_plugin_v1_PollResponse, PollResponse__Output as _polyconnect_plugin_v1_PollResponse__Output } from '../../../polyconnect/plugin/v1/PollResponse.js';
import type { StartSourceTaskRequest as _polyconnect_plugin_v1_StartSourceTaskRequest, StartSourceTaskRequest__Output as _polyconnect_plugin_v1_StartSourceTaskRequest__Output } from '../../../polyconnect/plugin/v1/StartSourceTaskRequest.js';
import type { StartSourceTaskResponse as _polyconnect_plugin_v1_StartSourceTaskResponse, StartSourceTaskResponse__Output as _polyconnect_plugin_v1_StartSourceTaskResponse__Output } from '../../../polyconnect/plugin/v1/StartSourceTaskResponse.js';
import type { StopSourceTaskRequest as _polyconnect_plugin_v1_StopSourceTaskRequest, StopSourceTaskRequest__Output as _polyconnect_plugin_v1_StopSourceTaskRequest__Output } from '../../../polyconnect/plugin/v1/StopSourceTaskRequest.js';
import type { StopSourceTaskResponse as _polyconnect_plugin_v1_StopSourceTaskResponse, StopSourceTaskResponse__Output as _polyconnect_plugin_v1_StopSourceTaskResponse__Output } from '../../../polyconnect/plugin/v1/StopSourceTaskResponse.js';

export interface SourceTaskServiceClient extends grpc.Client {
  Commit(argument: _polyconnect_plugin_v1_CommitRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_polyconnect_plugin_v1_CommitResponse__Output>): grpc.ClientUnaryCall;
  Commit(argument: _polyconnect_plugin_v1_CommitRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_polyconnect_plugin_v1_CommitResponse__Output>): grpc.ClientUnaryCall;
  Commit(argument: _polyconnect_plugin_v1_CommitRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_polyconnect_plugin_v1_CommitResponse__Output>): grpc.ClientUnaryCall;
  Commit(argument: _polyconnect_plugin_v1_CommitRequest, callback: grpc.requestCallback<_polyconnect_plugin_v1_CommitResponse__Output>): grpc.ClientUnaryCall;
  commit(argument: _polyconnect_plugin_v1_CommitRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_polyconnect_plugin_v1_CommitResponse__Output>): grpc.ClientUnaryCall;
  commit(argument: _polyconnect_plugin_v1_CommitRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_polyconnect_plugin_v1_CommitResponse__Output>): grpc.ClientUnaryCall;
  commit(argument: _polyconnect_plugin_v1_CommitRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_polyconnect_plugin_v1_CommitResponse__Output>): grpc.ClientUnaryCall;
  commit(argument: _polyconnect_plugin_v1_CommitRequest, callback: grpc.requestCallback<_polyconnect_plugin_v1_CommitResponse__Output>): grpc.ClientUnaryCall;
  
  Poll(argument: _polyconnect_plugin_v1_PollRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_polyconnect_plugin_v1_PollResponse__Output>): grpc.ClientUnaryCall;
  Poll(argument: _polyconnect_plugin_v1_PollRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_polyconnect_plugin_v1_PollResponse__Output>): grpc.ClientUnaryCall;
  Poll(argument: _polyconnect_plugin_v1_PollRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_polyconnect_plugin_v1_PollResponse__Output>): grpc.ClientUnaryCall;
  Poll(argument: _polyconnect_plugin_v1_PollRequest, callback: grpc.requestCallback<_polyconnect_plugin_v1_PollResponse__Output>): grpc.ClientUnaryCall;
  poll(argument: _polyconnect_plugin_v1_PollRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_polyconnect_plugin_v1_PollResponse__Output>): grpc.ClientUnaryCall;
  poll(argument: _polyconnect_plugin_v1_PollRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_polyconnect_plugin_v1_PollResponse__Output>): grpc.ClientUnaryCall;
  poll(argument: _polyconnect_plugin_v1_PollRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_polyconnect_plugin_v1_PollResponse__Output>): grpc.ClientUnaryCall;
  poll(argument: _polyconnect_plugin_v1_PollRequest, callback: grpc.requestCallback<_polyconnect_plugin_v1_PollResponse__Output>): grpc.ClientUnaryCall;
  
  StartSourceTask(argument: _polyconnect_plugin_v1_StartSourceTaskRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_polyconnect_plugin_v1_StartSourceTaskResponse__Output>): grpc.ClientUnaryCall;
  StartSourceTask(argument: _polyconnect_plugin_v1_StartSourceTaskRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_polyconnect_plugin_v1_StartSourceTaskResponse__Output>): grpc.ClientUnaryCall;
  StartSourceTask(argument: _polyconnect_plugin_v1_StartSourceTaskRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_polyconnect_plugin_v1_StartSourceTaskResponse__Output>): grpc.ClientUnaryCall;
  StartSourceTask(argument: _polyconnect_plugin_v1_StartSourceTaskRequest, callback: grpc.requestCallback<_polyconnect_plugin_v1_StartSourceTaskResponse__Output>): grpc.ClientUnaryCall;
  startSourceTask(argument: _polyconnect_plugin_v1_StartSourceTaskRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_polyconnect_plugin_v1_StartSourceTaskResponse__Output>): grpc.ClientUnaryCall;
  startSourceTask(argument: _polyconnect_plugin_v1_StartSourceTaskRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_polyconnect_plugin_v1_StartSourceTaskResponse__Output>): grpc.ClientUnaryCall;
  startSourceTask(argument: _polyconnect_plugin_v1_StartSourceTaskRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_polyconnect_plugin_v1_StartSourceTaskResponse__Output>): grpc.ClientUnaryCall;
  startSourceTask(argument: _polyconnect_plugin_v1_StartSourceTaskRequest, callback: grpc.requestCallback<_polyconnect_plugin_v1_StartSourceTaskResponse__Output>): grpc.ClientUnaryCall;
  
  StopSourceTask(argument: _polyconnect_plugin_v1_StopSourceTaskRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_polyconnect_plugin_v1_StopSourceTaskResponse__Output>): grpc.ClientUnaryCall;
  StopSourceTask(argument: _polyconnect_plugin_v1_StopSourceTaskRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_polyconnect_plugin_v1_StopSourceTaskResponse__Output>): grpc.ClientUnaryCall;
  StopSourceTask(argument: _polyconnect_plugin_v1_StopSourceTaskRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_polyconnect_plugin_v1_StopSourceTaskResponse__Output>): grpc.ClientUnaryCall;
  StopSourceTask(argument: _polyconnect_plugin_v1_StopSourceTaskRequest, callback: grpc.requestCallback<_polyconnect_plugin_v1_StopSourceTaskResponse__Output>): grpc.ClientUnaryCall;
  stopSourceTask(argument: _polyconnect_plugin_v1_StopSourceTaskRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_polyconnect_plugin_v1_StopSourceTaskResponse__Output>): grpc.ClientUnaryCall;
  stopSourceTask(argument: _polyconnect_plugin_v1_StopSourceTaskRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_polyconnect_plugin_v1_StopSourceTaskResponse__Output>): grpc.ClientUnaryCall;
  stopSourceTask(argument: _polyconnect_plugin_v1_StopSourceTaskRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_polyconnect_plugin_v1_StopSourceTaskResponse__Output>): grpc.ClientUnaryCall;
  stopSourceTask(argument: _polyconnect_plugin_v1_StopSourceTaskRequest, callback: grpc.requestCallback<_polyconnect_plugin_v1_StopSourceTaskResponse__Output>): grpc.ClientUnaryCall;
  
}

export interface SourceTaskServiceHandlers extends grpc.UntypedServiceImplementation {
  Commit: grpc.handleUnaryCall<_polyconnect_plugin_v1_CommitRequest__Output, _polyconnect_plugin_v1_CommitResponse>;
  
  Poll: grpc.handleUnaryCall<_polyconnect_plugin_v1_PollRequest__Output, _polyconnect_plugin_v1_PollResponse>;
  
  StartSourceTask: grpc.handleUnaryCall<_polyconnect_plugin_v1_StartSourceTaskRequest__Output, _polyconnect_plugin_v1_StartSourceTaskResponse>;
  
  StopSourceTask: grpc.handleUnaryCall<_polyconnect_plugin_v1_StopSourceTaskRequest__Output, _polyconnect_plugin_v1_StopSourceTaskResponse>;
  
}

export interface SourceTaskServiceDefinition extends grpc.ServiceDefinition {
  Commit: MethodDefinition<_polyconnect_plugin_v1_CommitRequest, _polyconnect_plugin_v1_CommitResponse, _polyconnect_plugin_v1_CommitRequest__Output, _polyconnect_plugin_v1_CommitResponse__Output>
  Poll: MethodDefinition<_polyconnect_plugin_v1_PollRequest, _polyconnect_plugin_v1_PollResponse, _polyconnect_plugin_v1_PollRequest__Output, _polyconnect_plugin_v1_PollResponse__Output>
  StartSourceTask: MethodDefinition<_polyconnect_plugin_v1_StartSourceTaskRequest, _polyconnect_plugin_v1_StartSourceTaskResponse, _polyconnect_plugin_v1_StartSourceTaskRequest__Output, _polyconnect_plugin_v1_StartSourceTaskResponse__Output>
  StopSourceTask: MethodDefinition<_polyconnect_plugin_v1_StopSourceTaskRequest, _polyconnect_plugin_v1_StopSourceTaskResponse, _polyconnect_plugin_v1_StopSourceTaskRequest__Output, _polyconnect_plugin_v1_StopSourceTaskResponse__Output>
}
