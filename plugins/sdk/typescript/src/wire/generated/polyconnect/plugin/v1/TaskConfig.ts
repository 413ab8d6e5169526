// Original file: ../../../proto/polyconnect/plugin/v1/connector_service.proto


export interface TaskConfig {
  'config'?: ({[key: string]: string});
}

export interface TaskConfig__Output {
  'config': ({[key: string]: string});
}
