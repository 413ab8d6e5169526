// Original file: ../../../proto/polyconnect/plugin/v1/sink_task_service.proto


export interface StopSinkTaskResponse {
}

export interface StopSinkTaskResponse__Output {
}
