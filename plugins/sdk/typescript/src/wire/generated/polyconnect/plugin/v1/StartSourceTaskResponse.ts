// Original file: ../../../proto/polyconnect/plugin/v1/source_task_service.proto


export interface StartSourceTaskResponse {
  'version'?: (string);
}

export interface StartSourceTaskResponse__Output {
  'version': (string);
}
