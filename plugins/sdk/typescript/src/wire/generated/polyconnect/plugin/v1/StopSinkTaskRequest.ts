// Original file: ../../../proto/polyconnect/plugin/v1/sink_task_service.proto


export interface StopSinkTaskRequest {
  'instanceId'?: (string);
}

export interface StopSinkTaskRequest__Output {
  'instanceId': (string);
}
