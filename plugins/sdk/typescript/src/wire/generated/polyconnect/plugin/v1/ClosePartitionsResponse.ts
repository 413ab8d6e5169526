// Original file: ../../../proto/polyconnect/plugin/v1/sink_task_service.proto


export interface ClosePartitionsResponse {
}

export interface ClosePartitionsResponse__Output {
}
