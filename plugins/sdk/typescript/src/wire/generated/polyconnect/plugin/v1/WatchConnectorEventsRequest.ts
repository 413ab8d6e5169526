// Original file: ../../../proto/polyconnect/plugin/v1/connector_service.proto


export interface WatchConnectorEventsRequest {
  'instanceId'?: (string);
}

export interface WatchConnectorEventsRequest__Output {
  'instanceId': (string);
}
