// Original file: ../../../proto/polyconnect/plugin/v1/connector_service.proto


export interface StartConnectorResponse {
  'version'?: (string);
}

export interface StartConnectorResponse__Output {
  'version': (string);
}
