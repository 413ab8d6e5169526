// Original file: ../../../proto/polyconnect/plugin/v1/connector_service.proto

import type { ConfigValue as _polyconnect_plugin_v1_ConfigValue, ConfigValue__Output as _polyconnect_plugin_v1_ConfigValue__Output } from '../../../polyconnect/plugin/v1/ConfigValue.js';

export interface ValidateConfigResponse {
  'values'?: (_polyconnect_plugin_v1_ConfigValue)[];
}

export interface ValidateConfigResponse__Output {
  'values': (_polyconnect_plugin_v1_ConfigValue__Output)[];
}
