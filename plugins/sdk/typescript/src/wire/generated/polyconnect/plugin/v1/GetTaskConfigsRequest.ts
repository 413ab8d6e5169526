// Original file: ../../../proto/polyconnect/plugin/v1/connector_service.proto


export interface GetTaskConfigsRequest {
  'instanceId'?: (string);
  'maxTasks'?: (number);
}

export interface GetTaskConfigsRequest__Output {
  'instanceId': (string);
  'maxTasks': (number);
}
