// Original file: ../../../proto/polyconnect/plugin/v1/connector_service.proto


export interface RequestTaskReconfiguration {
}

export interface RequestTaskReconfiguration__Output {
}
