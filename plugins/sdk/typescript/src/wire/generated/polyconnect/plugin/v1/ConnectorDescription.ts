// Original file: ../../../proto/polyconnect/plugin/v1/plugin_service.proto

import type { ConnectorType as _polyconnect_plugin_v1_ConnectorType, ConnectorType__Output as _polyconnect_plugin_v1_ConnectorType__Output } from '../../../polyconnect/plugin/v1/ConnectorType.js';
import type { ConfigKey as _polyconnect_plugin_v1_ConfigKey, ConfigKey__Output as _polyconnect_plugin_v1_ConfigKey__Output } from '../../../polyconnect/plugin/v1/ConfigKey.js';

export interface ConnectorDescription {
  'className'?: (string);
  'aliases'?: (string)[];
  'type'?: (_polyconnect_plugin_v1_ConnectorType);
  'version'?: (string);
  'configKeys'?: (_polyconnect_plugin_v1_ConfigKey)[];
}

export interface ConnectorDescription__Output {
  'className': (string);
  'aliases': (string)[];
  'type': (_polyconnect_plugin_v1_ConnectorType__Output);
  'version': (string);
  'configKeys': (_polyconnect_plugin_v1_ConfigKey__Output)[];
}
