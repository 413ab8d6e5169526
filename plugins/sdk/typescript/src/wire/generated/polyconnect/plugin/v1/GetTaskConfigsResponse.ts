// Original file: ../../../proto/polyconnect/plugin/v1/connector_service.proto

import type { TaskConfig as _polyconnect_plugin_v1_TaskConfig, TaskConfig__Output as _polyconnect_plugin_v1_TaskConfig__Output } from '../../../polyconnect/plugin/v1/TaskConfig.js';

export interface GetTaskConfigsResponse {
  'taskClass'?: (string);
  'taskConfigs'?: (_polyconnect_plugin_v1_TaskConfig)[];
}

export interface GetTaskConfigsResponse__Output {
  'taskClass': (string);
  'taskConfigs': (_polyconnect_plugin_v1_TaskConfig__Output)[];
}
