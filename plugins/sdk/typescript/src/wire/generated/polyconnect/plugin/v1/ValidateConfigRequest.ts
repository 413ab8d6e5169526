// Original file: ../../../proto/polyconnect/plugin/v1/connector_service.proto


export interface ValidateConfigRequest {
  'connectorClass'?: (string);
  'config'?: ({[key: string]: string});
}

export interface ValidateConfigRequest__Output {
  'connectorClass': (string);
  'config': ({[key: string]: string});
}
