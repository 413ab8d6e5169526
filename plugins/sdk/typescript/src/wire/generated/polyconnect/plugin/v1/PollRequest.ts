// Original file: ../../../proto/polyconnect/plugin/v1/source_task_service.proto


export interface PollRequest {
  'instanceId'?: (string);
  'maxWaitMs'?: (number);
}

export interface PollRequest__Output {
  'instanceId': (string);
  'maxWaitMs': (number);
}
