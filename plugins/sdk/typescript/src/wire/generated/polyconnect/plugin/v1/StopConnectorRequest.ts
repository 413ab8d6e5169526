// Original file: ../../../proto/polyconnect/plugin/v1/connector_service.proto


export interface StopConnectorRequest {
  'instanceId'?: (string);
}

export interface StopConnectorRequest__Output {
  'instanceId': (string);
}
