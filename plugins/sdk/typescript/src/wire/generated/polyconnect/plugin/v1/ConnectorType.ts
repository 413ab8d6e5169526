// Original file: ../../../proto/polyconnect/plugin/v1/plugin_service.proto

export const ConnectorType = {
  CONNECTOR_TYPE_UNSPECIFIED: 'CONNECTOR_TYPE_UNSPECIFIED',
  CONNECTOR_TYPE_SOURCE: 'CONNECTOR_TYPE_SOURCE',
  CONNECTOR_TYPE_SINK: 'CONNECTOR_TYPE_SINK',
} as const;

export type ConnectorType =
  | 'CONNECTOR_TYPE_UNSPECIFIED'
  | 0
  | 'CONNECTOR_TYPE_SOURCE'
  | 1
  | 'CONNECTOR_TYPE_SINK'
  | 2

export type ConnectorType__Output = typeof ConnectorType[keyof typeof ConnectorType]
