// Original file: ../../../proto/polyconnect/plugin/v1/source_task_service.proto

import type { SourceOffset as _polyconnect_plugin_v1_SourceOffset, SourceOffset__Output as _polyconnect_plugin_v1_SourceOffset__Output } from '../../../polyconnect/plugin/v1/SourceOffset.js';

export interface StartSourceTaskRequest {
  'instanceId'?: (string);
  'connectorName'?: (string);
  'taskId'?: (number);
  'taskClass'?: (string);
  'config'?: ({[key: string]: string});
  'offsets'?: (_polyconnect_plugin_v1_SourceOffset)[];
}

export interface StartSourceTaskRequest__Output {
  'instanceId': (string);
  'connectorName': (string);
  'taskId': (number);
  'taskClass': (string);
  'config': ({[key: string]: string});
  'offsets': (_polyconnect_plugin_v1_SourceOffset__Output)[];
}
