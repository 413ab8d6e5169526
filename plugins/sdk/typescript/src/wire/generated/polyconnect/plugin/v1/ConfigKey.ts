// Original file: ../../../proto/polyconnect/plugin/v1/config.proto

import type { ConfigType as _polyconnect_plugin_v1_ConfigType, ConfigType__Output as _polyconnect_plugin_v1_ConfigType__Output } from '../../../polyconnect/plugin/v1/ConfigType.js';
import type { ConfigImportance as _polyconnect_plugin_v1_ConfigImportance, ConfigImportance__Output as _polyconnect_plugin_v1_ConfigImportance__Output } from '../../../polyconnect/plugin/v1/ConfigImportance.js';
import type { ConfigWidth as _polyconnect_plugin_v1_ConfigWidth, ConfigWidth__Output as _polyconnect_plugin_v1_ConfigWidth__Output } from '../../../polyconnect/plugin/v1/ConfigWidth.js';

export interface ConfigKey {
  'name'?: (string);
  'type'?: (_polyconnect_plugin_v1_ConfigType);
  'required'?: (boolean);
  'defaultValue'?: (string);
  'importance'?: (_polyconnect_plugin_v1_ConfigImportance);
  'documentation'?: (string);
  'group'?: (string);
  'orderInGroup'?: (number);
  'width'?: (_polyconnect_plugin_v1_ConfigWidth);
  'displayName'?: (string);
  'dependents'?: (string)[];
  '_defaultValue'?: "defaultValue";
  '_group'?: "group";
}

export interface ConfigKey__Output {
  'name': (string);
  'type': (_polyconnect_plugin_v1_ConfigType__Output);
  'required': (boolean);
  'defaultValue'?: (string);
  'importance': (_polyconnect_plugin_v1_ConfigImportance__Output);
  'documentation': (string);
  'group'?: (string);
  'orderInGroup': (number);
  'width': (_polyconnect_plugin_v1_ConfigWidth__Output);
  'displayName': (string);
  'dependents': (string)[];
  '_defaultValue'?: "defaultValue";
  '_group'?: "group";
}
