// Original file: ../../../proto/polyconnect/plugin/v1/source_task_service.proto


export interface CommitResponse {
}

export interface CommitResponse__Output {
}
