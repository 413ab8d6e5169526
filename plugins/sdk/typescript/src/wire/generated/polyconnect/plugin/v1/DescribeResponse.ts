// Original file: ../../../proto/polyconnect/plugin/v1/plugin_service.proto

import type { ConnectorDescription as _polyconnect_plugin_v1_ConnectorDescription, ConnectorDescription__Output as _polyconnect_plugin_v1_ConnectorDescription__Output } from '../../../polyconnect/plugin/v1/ConnectorDescription.js';

export interface DescribeResponse {
  'name'?: (string);
  'version'?: (string);
  'connectors'?: (_polyconnect_plugin_v1_ConnectorDescription)[];
}

export interface DescribeResponse__Output {
  'name': (string);
  'version': (string);
  'connectors': (_polyconnect_plugin_v1_ConnectorDescription__Output)[];
}
