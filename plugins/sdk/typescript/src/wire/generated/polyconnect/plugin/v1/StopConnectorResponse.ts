// Original file: ../../../proto/polyconnect/plugin/v1/connector_service.proto


export interface StopConnectorResponse {
}

export interface StopConnectorResponse__Output {
}
