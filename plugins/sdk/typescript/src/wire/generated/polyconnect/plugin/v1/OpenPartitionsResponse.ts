// Original file: ../../../proto/polyconnect/plugin/v1/sink_task_service.proto


export interface OpenPartitionsResponse {
}

export interface OpenPartitionsResponse__Output {
}
