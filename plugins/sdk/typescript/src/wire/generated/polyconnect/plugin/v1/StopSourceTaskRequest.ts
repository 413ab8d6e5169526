// Original file: ../../../proto/polyconnect/plugin/v1/source_task_service.proto


export interface StopSourceTaskRequest {
  'instanceId'?: (string);
}

export interface StopSourceTaskRequest__Output {
  'instanceId': (string);
}
