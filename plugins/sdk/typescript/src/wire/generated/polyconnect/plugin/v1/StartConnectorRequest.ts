// Original file: ../../../proto/polyconnect/plugin/v1/connector_service.proto


export interface StartConnectorRequest {
  'instanceId'?: (string);
  'connectorClass'?: (string);
  'connectorName'?: (string);
  'config'?: ({[key: string]: string});
}

export interface StartConnectorRequest__Output {
  'instanceId': (string);
  'connectorClass': (string);
  'connectorName': (string);
  'config': ({[key: string]: string});
}
