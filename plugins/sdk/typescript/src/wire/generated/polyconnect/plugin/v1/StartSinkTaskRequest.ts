// Original file: ../../../proto/polyconnect/plugin/v1/sink_task_service.proto


export interface StartSinkTaskRequest {
  'instanceId'?: (string);
  'connectorName'?: (string);
  'taskId'?: (number);
  'taskClass'?: (string);
  'config'?: ({[key: string]: string});
}

export interface StartSinkTaskRequest__Output {
  'instanceId': (string);
  'connectorName': (string);
  'taskId': (number);
  'taskClass': (string);
  'config': ({[key: string]: string});
}
