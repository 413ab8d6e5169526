// Original file: ../../../proto/polyconnect/plugin/v1/sink_task_service.proto


export interface StartSinkTaskResponse {
  'version'?: (string);
}

export interface StartSinkTaskResponse__Output {
  'version': (string);
}
