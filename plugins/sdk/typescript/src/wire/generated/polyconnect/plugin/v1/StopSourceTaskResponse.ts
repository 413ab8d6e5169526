// Original file: ../../../proto/polyconnect/plugin/v1/source_task_service.proto


export interface StopSourceTaskResponse {
}

export interface StopSourceTaskResponse__Output {
}
